package io.github.wtsbridge.cli;

import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.WtsNativeLibrary;
import java.io.PrintStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command-line tool: picks the command, parses its options, loads the library, runs it
 * and maps what happened to an exit code ({@link ExitCode}). Prints only to the streams it is
 * given, so tests run it in-process.
 */
final class Cli {
    static final String PROGRAM = "wts-bridge";

    private final PrintStream out;
    private final PrintStream err;
    private final ZoneId zone;
    private final Map<String, Command> commands = new LinkedHashMap<>();

    Cli(PrintStream out, PrintStream err, ZoneId zone) {
        this.out = out;
        this.err = err;
        this.zone = zone;
        for (Command command : List.of(new SessionsCommand(), new UsersCommand(), new ProcessesCommand(),
                new LogoffCommand(), new DisconnectCommand(), new MsgCommand(), new KillCommand(), new WatchCommand(),
                new RunAsUserCommand(), new ChannelCommand())) {
            commands.put(command.name(), command);
        }
    }

    List<Command> commands() {
        return List.copyOf(commands.values());
    }

    int run(String... argv) {
        List<String> tokens = Arrays.asList(argv);
        if (tokens.isEmpty()) {
            err.println(PROGRAM + ": no command given");
            err.println(overallHelp());
            return ExitCode.USAGE;
        }
        String first = tokens.get(0);
        if (first.equals("--help") || first.equals("-h") || first.equals("help")) {
            if (tokens.size() > 1 && first.equals("help")) {
                Command command = commands.get(tokens.get(1));
                if (command == null) {
                    return usage("unknown command '" + tokens.get(1) + "'", null);
                }
                out.println(command.help());
            } else {
                out.println(overallHelp());
            }
            return ExitCode.OK;
        }
        Command command = commands.get(first);
        if (command == null) {
            return usage(first.startsWith("-") ? "unknown option " + first + " (give the command first)"
                    : "unknown command '" + first + "'", null);
        }
        List<String> rest = tokens.subList(1, tokens.size());
        if (Args.wantsHelp(rest)) {
            out.println(command.help());
            return ExitCode.OK;
        }
        Args args;
        try {
            if (command.localOnly() && mentionsServer(rest)) {
                throw new UsageException(command.name() + " works on this machine only (--server is not supported)");
            }
            args = Args.parse(rest, command.options());
            for (String server : args.all("server")) {
                if (server.isEmpty() || server.indexOf('\0') >= 0 || server.length() > WtsServer.MAX_NAME_LENGTH) {
                    throw new UsageException("--server needs a server name (1 to " + WtsServer.MAX_NAME_LENGTH + " characters)");
                }
            }
        } catch (UsageException e) {
            return usage(e.getMessage(), command);
        }
        int loaded = loadLibrary();
        if (loaded != ExitCode.OK) {
            return loaded;
        }
        Context context = new Context(out, err, zone, args.all("server"), args.flag("json"));
        try {
            return command.run(args, context);
        } catch (UsageException e) {
            return usage(e.getMessage(), command);
        } catch (IllegalArgumentException e) { // the library's own argument checks
            return usage(e.getMessage(), command);
        } catch (RuntimeException e) {
            err.println(PROGRAM + ": " + Formats.message(e));
            return ExitCode.FAILED;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static boolean mentionsServer(List<String> tokens) {
        for (String token : tokens) {
            if (token.equals("--")) {
                return false;
            }
            if (token.equals("--server") || token.startsWith("--server=")) {
                return true;
            }
        }
        return false;
    }

    private int usage(String message, Command command) {
        err.println(PROGRAM + ": " + message);
        err.println(command == null ? "Try '" + PROGRAM + " --help'." : "usage: " + command.usage()
                + System.lineSeparator() + "Try '" + PROGRAM + " " + command.name() + " --help'.");
        return ExitCode.USAGE;
    }

    /** 0 when the library is usable; else one line on stderr and 4 (not Windows) or 5. */
    private int loadLibrary() {
        try {
            WtsNativeLibrary.load();
            return ExitCode.OK;
        } catch (RuntimeException e) {
            err.println(e.getMessage());
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            return e instanceof UnsupportedOperationException && !os.startsWith("windows")
                    ? ExitCode.NOT_WINDOWS : ExitCode.NO_LIBRARY;
        }
    }

    String overallHelp() {
        String nl = System.lineSeparator();
        List<String> lines = new ArrayList<>();
        lines.add("usage: " + PROGRAM + " <command> [options] [arguments]");
        lines.add("       (run as: java -jar wts-bridge-<version>-all.jar <command> ...)");
        lines.add("");
        lines.add("Windows Terminal Services from the command line: sessions, users and processes of");
        lines.add("this machine or of many servers at once; logoff, disconnect, message, kill; session");
        lines.add("events; starting a program on a user's desktop.");
        lines.add("");
        lines.add("Commands:");
        int width = 0;
        for (String name : commands.keySet()) {
            width = Math.max(width, name.length());
        }
        for (Command command : commands.values()) {
            lines.add("  " + command.name() + " ".repeat(width - command.name().length() + 2) + command.summary());
        }
        lines.add("");
        lines.add("Every command takes --json and --help; all but watch and run-as-user take --server NAME");
        lines.add("(repeatable; without it: this machine).");
        lines.add("'" + PROGRAM + " <command> --help' (or '" + PROGRAM + " help <command>') tells more.");
        lines.add("");
        lines.add(ExitCode.HELP);
        return String.join(nl, lines);
    }
}
