package io.github.wtsbridge.cli;

import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.WtsNativeLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
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
    private final InputStream in;
    private final ZoneId zone;
    private final Runnable loader;
    private final Map<String, Command> commands = new LinkedHashMap<>();

    Cli(PrintStream out, PrintStream err, ZoneId zone) {
        this(out, err, System.in, zone);
    }

    Cli(PrintStream out, PrintStream err, InputStream in, ZoneId zone) {
        this(out, err, in, zone, WtsNativeLibrary::load);
    }

    /**
     * @param loader loads the native library (or throws: UnsupportedOperationException off
     *               Windows); tests give their own to see the OS check come after usage checks
     */
    Cli(PrintStream out, PrintStream err, InputStream in, ZoneId zone, Runnable loader) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.zone = zone;
        this.loader = loader;
        for (Command command : List.of(new SessionsCommand(), new UsersCommand(), new ProcessesCommand(),
                new LogoffCommand(), new DisconnectCommand(), new ConnectCommand(), new ShadowCommand(),
                new MsgCommand(), new KillCommand(), new ShutdownCommand(), new ServersCommand(), new WatchCommand(),
                new RunAsUserCommand(), new ChannelCommand())) {
            commands.put(command.name(), command);
        }
    }

    List<Command> commands() {
        return List.copyOf(commands.values());
    }

    int run(String... argv) {
        try {
            return dispatch(Arrays.asList(argv));
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int dispatch(List<String> tokens) {
        if (tokens.isEmpty()) {
            err.println(PROGRAM + ": no command given");
            err.println(overallHelp());
            return ExitCode.USAGE;
        }
        String first = tokens.get(0);
        if (first.equals("--version") || first.equals("version")) {
            if (tokens.size() > 1) {
                return usage("unexpected argument '" + tokens.get(1) + "'", null, false);
            }
            out.println(Version.line());
            return ExitCode.OK;
        }
        if (first.equals("--help") || first.equals("-h") || first.equals("help")) {
            if (tokens.size() > 1 && first.equals("help")) {
                Command command = commands.get(tokens.get(1));
                if (command == null) {
                    return usage("unknown command '" + tokens.get(1) + "'", null, false);
                }
                out.println(command.help());
            } else {
                out.println(overallHelp());
            }
            return ExitCode.OK;
        }
        Command command = commands.get(first);
        List<String> rest = tokens.subList(1, tokens.size());
        boolean json = mentions(rest, "--json");
        if (command == null) {
            return usage(first.startsWith("-") ? "unknown option " + first + " (give the command first)"
                    : "unknown command '" + first + "'", null, json);
        }
        if (Args.wantsHelp(rest)) {
            out.println(command.help());
            return ExitCode.OK;
        }
        Args args;
        Context context;
        try {
            if (command.localOnly() && mentions(rest, "--server")) {
                throw new UsageException(command.name() + " works on this machine only (--server is not supported)");
            }
            args = Args.parse(rest, command.options());
            context = new Context(out, err, in, zone, servers(args.all("server")), args.flag("json"));
            command.check(args, context);
        } catch (UsageException e) {
            return usage(e.getMessage(), command, json);
        } catch (IllegalArgumentException e) { // the library's own argument checks, in check
            return usage(e.getMessage(), command, json);
        } catch (Declined e) {
            return failure(command, ExitCode.DECLINED, "declined", e.getMessage(), json);
        } catch (RuntimeException e) { // e.g. standard input unreadable
            return failure(command, ExitCode.FAILED, "error", Formats.message(e), json);
        }
        int loaded = loadLibrary(command, json);
        if (loaded != ExitCode.OK) {
            return loaded;
        }
        try {
            return command.run(args, context);
        } catch (UsageException | IllegalArgumentException e) { // an argument only Windows' answer shows wrong
            return usage(e.getMessage(), command, json);
        } catch (RuntimeException e) {
            if (json) {
                out.println(Json.write(errorDocument(command, Formats.error(e))));
            }
            err.println(PROGRAM + ": " + Formats.message(e));
            return ExitCode.FAILED;
        }
    }

    /** Thrown by a command's check when the user does not confirm (exit 6). */
    static final class Declined extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Declined(String message) {
            super(message);
        }
    }

    /**
     * The --server values as names: each may be a comma-separated list or {@code @FILE} (one
     * name a line; blank lines and lines starting with '#' skipped). Duplicates (ignoring case)
     * are dropped.
     */
    static List<String> servers(List<String> given) throws UsageException {
        List<String> names = new ArrayList<>();
        for (String value : given) {
            List<String> parts = new ArrayList<>();
            if (value.startsWith("@")) {
                for (String line : lines(value.substring(1), "--server")) {
                    if (!line.isBlank() && !line.strip().startsWith("#")) {
                        parts.add(line.strip());
                    }
                }
                if (parts.isEmpty()) {
                    throw new UsageException("--server " + value + ": the file names no server");
                }
            } else {
                parts.addAll(Arrays.asList(value.split(",", -1)));
            }
            for (String part : parts) {
                String server = value.startsWith("@") ? part : part.strip();
                if (server.isEmpty() || server.indexOf('\0') >= 0 || server.length() > WtsServer.MAX_NAME_LENGTH) {
                    throw new UsageException("--server needs a server name (1 to " + WtsServer.MAX_NAME_LENGTH + " characters)");
                }
                if (names.stream().noneMatch(server::equalsIgnoreCase)) {
                    names.add(server);
                }
            }
        }
        return names;
    }

    /** The lines of a file named on the command line (for @FILE arguments); a usage error if unreadable. */
    static List<String> lines(String file, String what) throws UsageException {
        try {
            return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | InvalidPathException | java.io.UncheckedIOException e) {
            throw new UsageException(what + " @" + file + ": cannot read the file (" + Formats.message(e) + ")");
        }
    }

    private static boolean mentions(List<String> tokens, String option) {
        for (String token : tokens) {
            if (token.equals("--")) {
                return false;
            }
            if (token.equals(option) || token.startsWith(option + "=")) {
                return true;
            }
        }
        return false;
    }

    private int usage(String message, Command command, boolean json) {
        if (json) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("kind", "usage");
            error.put("message", message);
            out.println(Json.write(errorDocument(command, error)));
        }
        err.println(PROGRAM + ": " + message);
        err.println(command == null ? "Try '" + PROGRAM + " --help'." : "usage: " + command.usage()
                + System.lineSeparator() + "Try '" + PROGRAM + " " + command.name() + " --help'.");
        return ExitCode.USAGE;
    }

    private int failure(Command command, int code, String kind, String message, boolean json) {
        if (json) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("kind", kind);
            error.put("message", message);
            out.println(Json.write(errorDocument(command, error)));
        }
        err.println(message.startsWith(PROGRAM + " ") ? message : PROGRAM + ": " + message); // the loader's own line as it is
        return code;
    }

    /** {"command": NAME, "error": {...}}: what --json prints when the command could not run at all. */
    static Map<String, Object> errorDocument(Command command, Map<String, Object> error) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", command == null ? null : command.name());
        json.put("error", error);
        return json;
    }

    /** 0 when the library is usable; else one line on stderr and 4 (not Windows) or 5. */
    private int loadLibrary(Command command, boolean json) {
        try {
            loader.run();
            return ExitCode.OK;
        } catch (RuntimeException e) {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            boolean notWindows = e instanceof UnsupportedOperationException && !os.startsWith("windows");
            return failure(command, notWindows ? ExitCode.NOT_WINDOWS : ExitCode.NO_LIBRARY,
                    notWindows ? "not-windows" : "no-library", Formats.message(e), json);
        }
    }

    String overallHelp() {
        String nl = System.lineSeparator();
        List<String> lines = new ArrayList<>();
        lines.add("usage: " + PROGRAM + " <command> [options] [arguments]");
        lines.add("       (run as: java -jar wts-bridge-<version>-all.jar <command> ...)");
        lines.add("");
        lines.add("Windows Terminal Services from the command line, in the terms of qwinsta, quser, query");
        lines.add("process, logoff, tsdiscon, tscon, shadow, msg, tskill and query termserver: sessions,");
        lines.add("users and processes of this machine or of many servers at once; logoff, disconnect,");
        lines.add("connect, remote control, message, kill, shutdown; session events; starting a program on");
        lines.add("a user's desktop.");
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
        lines.add("Every command takes --json and --help; those that can reach other servers take --server NAME");
        lines.add("(repeatable; also NAME,NAME or @FILE with one name a line; without it: this machine).");
        lines.add("'" + PROGRAM + " --version' prints the version and git commit.");
        lines.add("'" + PROGRAM + " <command> --help' (or '" + PROGRAM + " help <command>') tells more.");
        lines.add("");
        lines.add(ExitCode.HELP);
        return String.join(nl, lines);
    }
}
