package io.github.wtsbridge.cli;

import io.github.wtsbridge.WtsException;
import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.WtsCommandLine;
import io.github.wtsbridge.WtsSession;
import io.github.wtsbridge.WtsShowWindow;
import io.github.wtsbridge.WtsStartOptions;
import io.github.wtsbridge.WtsStartedProcess;
import java.util.List;
import java.util.Locale;

/** {@code run-as-user PROGRAM [ARGUMENT...]}: start a program on a logged-on user's desktop. */
final class RunAsUserCommand extends ActionCommand<RunAsUserCommand.Launch> {
    private static final Option SESSION = Option.value("session", "ID",
            "the user's session (default: the session attached to the console)");
    private static final Option DIR = Option.value("dir", "DIR", "the program's working directory");
    private static final Option ENV = new Option("env", "NAME=VALUE", true,
            "an extra variable on top of the user's own environment; repeatable");
    private static final Option WINDOW = Option.value("window", "MODE", "normal (default), hidden, minimized or maximized");
    private static final Option DESKTOP = Option.value("desktop", "DESKTOP", "the desktop (default winsta0\\default)");
    private static final Option ELEVATED = Option.flag("elevated", "use the user's full (elevated) token where UAC applies");
    private static final Option WAIT = Option.flag("wait", "wait for the program to end and print its exit code");

    record Launch(Integer session, String commandLine, WtsStartOptions options, boolean waits) {
    }

    @Override
    String name() {
        return "run-as-user";
    }

    @Override
    String summary() {
        return "start a program on a logged-on user's desktop (this machine only)";
    }

    @Override
    String arguments() {
        return "PROGRAM [ARGUMENT...]";
    }

    @Override
    boolean localOnly() {
        return true;
    }

    @Override
    String description() {
        return "Starts PROGRAM with ARGUMENTS (each argument stays one argument: the command line is\n"
                + "quoted by Windows' own rules, so a path with spaces is safe) as the user logged on to --session, or to\n"
                + "the console session, with the user's own environment (WTSQueryUserToken, then\n"
                + "CreateProcessAsUserW). Must run as LocalSystem, e.g. from a service or 'psexec -s'\n"
                + "(else error 1314). Works on this machine only: --server is refused. Prints the pid;\n"
                + "with --wait the program's exit code is printed, the tool itself still exits 0.";
    }

    @Override
    List<Option> extraOptions() {
        return List.of(SESSION, DIR, ENV, WINDOW, DESKTOP, ELEVATED, WAIT);
    }

    @Override
    Launch prepare(Args args) throws UsageException {
        List<String> given = positionals(args, 1, Integer.MAX_VALUE, "PROGRAM");
        String commandLine;
        try {
            commandLine = WtsCommandLine.of(given); // not joined by spaces: that would lose the quoting
        } catch (IllegalArgumentException e) {
            throw new UsageException("PROGRAM: " + e.getMessage());
        }
        if (given.get(0).isBlank() || commandLine.length() > WtsSession.MAX_COMMAND_LINE_CHARS) {
            throw new UsageException("PROGRAM must not be blank and the command line at most "
                    + WtsSession.MAX_COMMAND_LINE_CHARS + " characters");
        }
        Integer session = args.value("session").isPresent() ? Args.sessionId(args.value("session").get()) : null;
        WtsStartOptions options = WtsStartOptions.defaults().withElevated(args.flag("elevated"));
        try {
            if (args.value("dir").isPresent()) {
                options = options.withWorkingDirectory(args.value("dir").get());
            }
            for (String variable : args.all("env")) {
                int eq = variable.indexOf('=', 1); // "=C:=C:\\x" style names start with '='
                if (eq < 1) {
                    throw new UsageException("--env needs NAME=VALUE, not '" + variable + "'");
                }
                options = options.withEnvironmentVariable(variable.substring(0, eq), variable.substring(eq + 1));
            }
            if (args.value("desktop").isPresent()) {
                options = options.withDesktop(args.value("desktop").get());
            }
            if (args.value("window").isPresent()) {
                options = options.withWindow(window(args.value("window").get()));
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return new Launch(session, commandLine, options, args.flag("wait"));
    }

    private static WtsShowWindow window(String mode) throws UsageException {
        switch (mode.toLowerCase(Locale.ROOT)) {
            case "normal":
                return WtsShowWindow.NORMAL;
            case "hidden":
                return WtsShowWindow.HIDDEN;
            case "minimized":
                return WtsShowWindow.MINIMIZED;
            case "maximized":
                return WtsShowWindow.MAXIMIZED;
            default:
                throw new UsageException("--window must be normal, hidden, minimized or maximized, not '" + mode + "'");
        }
    }

    @Override
    List<Outcome> act(WtsServer server, String name, Launch launch) {
        try (WtsStartedProcess process = launch.session() == null
                ? WtsSession.startProcessInActiveSession(launch.commandLine(), launch.options())
                : WtsServer.local().session(launch.session()).startProcess(launch.commandLine(), launch.options())) {
            String started = "started process " + process.pid() + " in session " + process.sessionId();
            if (!launch.waits()) {
                return List.of(Outcome.ok(name, started, "sessionId", process.sessionId(), "pid", process.pid()));
            }
            long exitCode = process.waitFor();
            return List.of(Outcome.ok(name, started + System.lineSeparator() + "process " + process.pid()
                    + " exited with code " + exitCode, "sessionId", process.sessionId(), "pid", process.pid(),
                    "exitCode", exitCode));
        } catch (WtsException e) {
            return List.of(Outcome.failed(name, e, "sessionId", launch.session()));
        }
    }
}
