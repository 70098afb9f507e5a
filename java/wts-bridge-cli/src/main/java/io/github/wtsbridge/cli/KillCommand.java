package io.github.wtsbridge.cli;

import io.github.wtsbridge.WtsException;
import io.github.wtsbridge.WtsProcess;
import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.WtsSession;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** {@code kill PID|NAME}: WTSTerminateProcess, like tskill. */
final class KillCommand extends ActionCommand<KillCommand.Target> {
    private static final Option ID = Option.value("id", "SESSION", "with NAME: the processes of this session id (tskill /ID)");
    private static final Option ALL = Option.flag("all", "with NAME: the processes of every session (tskill /A)");
    private static final Option EXIT_CODE = Option.value("exit-code", "N", "the exit code the process ends with (default 1)");

    /** @param pid null for a name; session null: this tool's session (with a name), -1: all */
    record Target(Long pid, String pattern, Integer session, int exitCode) {
    }

    @Override
    String name() {
        return "kill";
    }

    @Override
    String summary() {
        return "end processes by pid or name (like tskill)";
    }

    @Override
    String arguments() {
        return "PID|NAME";
    }

    @Override
    String description() {
        return "Ends process PID, or the processes named NAME (the image name, '.exe' optional, * and ?\n"
                + "as wildcards, any case) with WTSTerminateProcess, on this machine or on each --server in\n"
                + "turn, as tskill does. A NAME reaches the processes of this tool's own session, of\n"
                + "--id SESSION, or with --all of every session (with --server: --id or --all is needed).\n"
                + "A NAME that matches no process is a failure (exit 1).";
    }

    @Override
    List<Option> extraOptions() {
        return List.of(ID, ALL, EXIT_CODE);
    }

    @Override
    Target prepare(Args args, Context context) throws UsageException {
        List<String> given = positionals(args, 1, 1, "PID or NAME (see 'processes')");
        String what = given.get(0);
        int exitCode = (int) Args.number(args.value("exit-code").orElse("1"), "--exit-code", 0, 0xFFFF_FFFFL);
        Integer session = args.value("id").isPresent() ? Args.sessionId(args.value("id").get()) : null;
        if (session != null && args.flag("all")) {
            throw new UsageException("--id and --all exclude each other");
        }
        if (!what.isEmpty() && what.chars().allMatch(c -> c >= '0' && c <= '9')) {
            if (session != null || args.flag("all")) {
                throw new UsageException("--id and --all go with a process NAME, not a PID");
            }
            return new Target(Args.processId(what), null, null, exitCode);
        }
        if (what.isBlank() || what.startsWith("-") || what.indexOf('\0') >= 0 || what.contains("\\") || what.contains("/")) {
            throw new UsageException("PID or NAME: a process id or an image name, not '" + what + "'");
        }
        if (session == null && !args.flag("all") && !args.all("server").isEmpty()) {
            throw new UsageException("with --server, a NAME needs --id SESSION or --all");
        }
        return new Target(null, what, args.flag("all") ? Integer.valueOf(-1) : session, exitCode);
    }

    @Override
    List<Outcome> act(WtsServer server, String name, Target target) {
        List<Long> pids = new ArrayList<>();
        if (target.pid() != null) {
            pids.add(target.pid());
        } else {
            int session = target.session() == null ? WtsSession.current().id() : target.session();
            Predicate<String> matches = Targets.imagePattern(target.pattern());
            for (WtsProcess p : session < 0 ? server.processes() : server.processes(session)) {
                // never this tool itself (tskill java would otherwise end the JVM running it)
                if (matches.test(p.imageName()) && !(server.isLocal() && p.pid() == ProcessHandle.current().pid())) {
                    pids.add(p.pid());
                }
            }
            if (pids.isEmpty()) {
                throw new Targets.NoMatch("no process named '" + target.pattern() + "'"
                        + (session < 0 ? "" : " in session " + session));
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (long pid : pids) {
            try {
                server.terminateProcess(pid, target.exitCode());
                outcomes.add(Outcome.ok(name, "ended process " + pid, "pid", pid));
            } catch (WtsException e) {
                outcomes.add(Outcome.failed(name, e, "pid", pid));
            }
        }
        return outcomes;
    }
}
