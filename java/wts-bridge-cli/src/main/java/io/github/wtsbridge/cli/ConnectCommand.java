package io.github.wtsbridge.cli;

import io.github.wtsbridge.WtsException;
import io.github.wtsbridge.WtsServer;
import java.io.Console;
import java.util.Arrays;
import java.util.List;

/** {@code connect SESSION [--dest SESSION]}: WTSConnectSessionW, like tscon. */
final class ConnectCommand extends ActionCommand<ConnectCommand.Plan> {
    private static final Option DEST = Option.value("dest", "SESSION",
            "the session whose client is to show SESSION (tscon /DEST; default: this tool's session)");
    private static final Option PASSWORD = Option.flag("password",
            "prompt for the password of SESSION's user, without echo (tscon /PASSWORD:*)");
    private static final Option PASSWORD_STDIN = Option.flag("password-stdin",
            "read that password from the first line of standard input");
    private static final Option WAIT = Option.flag("wait", "return only when Windows has finished");

    /** Reads a password from the console without echo; null when there is no console. */
    interface PasswordPrompt {
        char[] read(String prompt);
    }

    /** The console's no-echo prompt; tests put their own here. */
    static PasswordPrompt prompt = text -> {
        Console console = System.console();
        return console == null ? null : console.readPassword("%s", text);
    };

    record Plan(Targets.Target session, Targets.Target dest, char[] password, boolean waits) {
    }

    @Override
    String name() {
        return "connect";
    }

    @Override
    String summary() {
        return "connect a session to this or another session's client (like tscon; this machine only)";
    }

    @Override
    String arguments() {
        return "SESSION";
    }

    @Override
    boolean localOnly() {
        return true;
    }

    @Override
    String description() {
        return "Connects session SESSION (an id or a session name) to the client of this tool's own\n"
                + "session, or of --dest SESSION, with WTSConnectSessionW, as tscon does: that client then\n"
                + "shows SESSION's desktop and its own session is disconnected. Unless SESSION's user is\n"
                + "the caller, give that user's password: --password prompts for it (no echo),\n"
                + "--password-stdin reads it; it is never taken on the command line. Windows itself\n"
                + "refuses to connect the console session.";
    }

    @Override
    List<Option> extraOptions() {
        return List.of(DEST, PASSWORD, PASSWORD_STDIN, WAIT);
    }

    @Override
    Plan prepare(Args args, Context context) throws UsageException {
        List<String> given = positionals(args, 1, 1, "SESSION (a session id or name, see 'sessions')");
        Targets.Target session = Targets.parse(given.get(0), "SESSION", false);
        Targets.Target dest = args.value("dest").isPresent() ? Targets.parse(args.value("dest").get(), "--dest", false) : null;
        if (args.flag("password") && args.flag("password-stdin")) {
            throw new UsageException("--password and --password-stdin exclude each other");
        }
        char[] password = new char[0];
        if (args.flag("password-stdin")) {
            password = Context.read(context.in(), true).toCharArray();
        } else if (args.flag("password")) {
            password = prompt.read("Password for session " + session + ": ");
            if (password == null) {
                throw new UsageException("--password needs a console to prompt on; use --password-stdin");
            }
        }
        return new Plan(session, dest, password, args.flag("wait"));
    }

    @Override
    List<Outcome> act(WtsServer server, String name, Plan plan) {
        try {
            int session = Targets.resolve(server, List.of(plan.session()), false, s -> true).get(0);
            Integer dest = plan.dest() == null ? null : Targets.resolve(server, List.of(plan.dest()), false, s -> true).get(0);
            try {
                if (dest == null) {
                    server.session(session).connectToCurrent(plan.password(), plan.waits());
                } else {
                    server.session(session).connectTo(server.session(dest), plan.password(), plan.waits());
                }
                return List.of(Outcome.ok(name, "connected session " + session + " to "
                        + (dest == null ? "this session" : "session " + dest), "sessionId", session, "destSessionId", dest));
            } catch (WtsException e) {
                return List.of(Outcome.failed(name, e, "sessionId", session, "destSessionId", dest));
            }
        } finally {
            Arrays.fill(plan.password(), '\0');
        }
    }
}
