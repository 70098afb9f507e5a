package io.github.wtsbridge.cli;

import io.github.wtsbridge.WtsCommandLine;
import io.github.wtsbridge.WtsException;
import io.github.wtsbridge.WtsProcessOutput;
import io.github.wtsbridge.WtsRedirect;
import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.WtsSession;
import io.github.wtsbridge.WtsSessionChoice;
import io.github.wtsbridge.WtsShowWindow;
import io.github.wtsbridge.WtsStartOptions;
import io.github.wtsbridge.WtsStartedProcess;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code run-as-user PROGRAM [ARGUMENT...]}: start a program on a logged-on user's desktop —
 * in a session given by id, by user name, or chosen (console, then the active RDP session).
 * Not an {@link ActionCommand}: with --capture the tool exits with the program's exit code.
 */
final class RunAsUserCommand extends Command {
    private static final Option SESSION = Option.value("session", "ID", "the user's session");
    private static final Option USER = Option.value("user", "NAME",
            "the session of this user: DOMAIN\\name, name@domain or name (an active session first)");
    private static final Option CHOOSE = Option.value("choose", "WHICH",
            "console, remote or any: the console's user, a remote (RDP) user, or any active user; default:"
            + " the console's user, else the active remote session (several: the latest logon)");
    private static final Option CAPTURE = Option.flag("capture",
            "print the program's stdout and stderr and exit with its exit code (implies --wait)");
    private static final Option DIR = Option.value("dir", "DIR", "the program's working directory");
    private static final Option ENV = new Option("env", "NAME=VALUE", true,
            "an extra variable on top of the user's own environment; repeatable");
    private static final Option WINDOW = Option.value("window", "MODE", "normal (default), hidden, minimized or maximized");
    private static final Option DESKTOP = Option.value("desktop", "DESKTOP", "the desktop (default winsta0\\default)");
    private static final Option ELEVATED = Option.flag("elevated", "use the user's full (elevated) token where UAC applies");
    private static final Option WAIT = Option.flag("wait", "wait for the program to end and print its exit code");

    record Launch(Integer session, String user, WtsSessionChoice choice, String commandLine, WtsStartOptions options,
                  boolean waits, boolean captures) {
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
                + "quoted by Windows' own rules, so a path with spaces is safe) as the user logged on to --session,\n"
                + "the session of --user, or the session --choose picks (default: the console's user, else the\n"
                + "active remote session), with the user's own environment (WTSQueryUserToken, then\n"
                + "CreateProcessAsUserW). Must run as LocalSystem, e.g. from a service or 'psexec -s'\n"
                + "(else error 1314). Works on this machine only: --server is refused. Prints the pid;\n"
                + "with --wait the program's exit code is printed, the tool itself still exits 0. With --capture\n"
                + "the program's stdout and stderr are printed (decoded as this JVM's default charset in --json)\n"
                + "and the tool exits with the program's exit code.";
    }

    @Override
    List<Option> extraOptions() {
        return List.of(SESSION, USER, CHOOSE, DIR, ENV, WINDOW, DESKTOP, ELEVATED, WAIT, CAPTURE);
    }

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
        String user = args.value("user").orElse(null);
        WtsSessionChoice choice = args.value("choose").isPresent() ? choice(args.value("choose").get())
                : WtsSessionChoice.CONSOLE_THEN_REMOTE;
        int targets = (session != null ? 1 : 0) + (user != null ? 1 : 0) + (args.value("choose").isPresent() ? 1 : 0);
        if (targets > 1) {
            throw new UsageException("give at most one of --session, --user and --choose");
        }
        if (user != null && (user.isBlank() || user.indexOf('\0') >= 0)) {
            throw new UsageException("--user needs a user name");
        }
        boolean captures = args.flag("capture");
        WtsStartOptions options = WtsStartOptions.defaults().withElevated(args.flag("elevated"));
        if (captures) {
            options = options.withStdout(WtsRedirect.PIPE).withStderr(WtsRedirect.PIPE);
        }
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
        return new Launch(session, user, choice, commandLine, options, args.flag("wait") || captures, captures);
    }

    private static WtsSessionChoice choice(String which) throws UsageException {
        switch (which.toLowerCase(Locale.ROOT)) {
            case "console":
                return WtsSessionChoice.CONSOLE;
            case "remote":
                return WtsSessionChoice.REMOTE;
            case "any":
                return WtsSessionChoice.ANY_ACTIVE;
            default:
                throw new UsageException("--choose must be console, remote or any, not '" + which + "'");
        }
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
    int run(Args args, Context context) throws UsageException {
        Launch launch = prepare(args);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("server", null);
        try (WtsStartedProcess process = start(launch)) {
            result.put("status", "ok");
            result.put("sessionId", process.sessionId());
            result.put("pid", process.pid());
            String started = "started process " + process.pid() + " in session " + process.sessionId();
            if (!context.json() && !launch.captures()) {
                context.out().println(started);
            }
            if (!launch.waits()) {
                return report(context, result, ExitCode.OK);
            }
            if (!launch.captures()) {
                long exitCode = process.waitFor();
                result.put("exitCode", exitCode);
                if (!context.json()) {
                    context.out().println("process " + process.pid() + " exited with code " + exitCode);
                }
                return report(context, result, ExitCode.OK);
            }
            WtsProcessOutput output = process.readOutput();
            result.put("exitCode", output.exitCode());
            if (context.json()) {
                result.put("stdout", output.stdoutText(Charset.defaultCharset()));
                result.put("stderr", output.stderrText(Charset.defaultCharset()));
            } else {
                context.out().write(output.stdout(), 0, output.stdout().length);
                context.out().flush();
                context.err().write(output.stderr(), 0, output.stderr().length);
                context.err().flush();
            }
            return report(context, result, (int) output.exitCode());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage()); // e.g. a --user name Windows cannot have
        } catch (WtsException | UncheckedIOException e) {
            result.put("status", "failed");
            if (launch.session() != null) {
                result.put("sessionId", launch.session());
            }
            if (context.json()) {
                result.put("error", Formats.error(e));
                return report(context, result, ExitCode.FAILED);
            }
            context.error(null, Formats.message(e));
            return ExitCode.FAILED;
        }
    }

    private static WtsStartedProcess start(Launch launch) {
        if (launch.session() != null) {
            return WtsServer.local().session(launch.session()).startProcess(launch.commandLine(), launch.options());
        }
        if (launch.user() != null) {
            return WtsSession.startProcessForUser(launch.user(), launch.commandLine(), launch.options());
        }
        return WtsSession.startProcessInActiveSession(launch.commandLine(), launch.options(), launch.choice());
    }

    private int report(Context context, Map<String, Object> result, int code) {
        if (context.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("command", name());
            json.put("results", List.of(result));
            context.out().println(Json.write(json));
        }
        return code;
    }
}
