package io.github.wtsbridge.cli;

import io.github.wtsbridge.WtsException;
import io.github.wtsbridge.WtsServer;
import java.util.List;

/** {@code kill PID}: WTSTerminateProcess, like tskill. */
final class KillCommand extends ActionCommand<KillCommand.Target> {
    private static final Option EXIT_CODE = Option.value("exit-code", "N", "the exit code the process ends with (default 1)");

    record Target(long pid, int exitCode) {
    }

    @Override
    String name() {
        return "kill";
    }

    @Override
    String summary() {
        return "end a process (like tskill)";
    }

    @Override
    String arguments() {
        return "PID";
    }

    @Override
    String description() {
        return "Ends process PID (WTSTerminateProcess), on this machine or on each --server in turn.";
    }

    @Override
    List<Option> extraOptions() {
        return List.of(EXIT_CODE);
    }

    @Override
    Target prepare(Args args) throws UsageException {
        List<String> given = positionals(args, 1, 1, "PID (a process id, see 'processes')");
        long pid = Args.processId(given.get(0));
        int exitCode = (int) Args.number(args.value("exit-code").orElse("1"), "--exit-code", 0, 0xFFFF_FFFFL);
        return new Target(pid, exitCode);
    }

    @Override
    List<Outcome> act(WtsServer server, String name, Target target) {
        try {
            server.terminateProcess(target.pid(), target.exitCode());
            return List.of(Outcome.ok(name, "ended process " + target.pid(), "pid", target.pid()));
        } catch (WtsException e) {
            return List.of(Outcome.failed(name, e, "pid", target.pid()));
        }
    }
}
