package io.github.wtsbridge;

import io.github.wtsbridge.internal.Checks;
import io.github.wtsbridge.internal.ChildIo;
import io.github.wtsbridge.internal.LaunchNative;
import io.github.wtsbridge.internal.ControlNative;
import io.github.wtsbridge.internal.Launcher;
import io.github.wtsbridge.internal.NativeLibrary;
import io.github.wtsbridge.internal.RemoteNative;
import io.github.wtsbridge.internal.SessionsNative;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link WtsSession} does to a session, as opposed to asking about it ({@link SessionCalls}):
 * logoff, disconnect and messages; programs started in the session; remote control and connect.
 * The argument checks happen here, before any native call; the public documentation is on
 * {@link WtsSession}.
 */
final class SessionActions {
    private SessionActions() {
    }

    /** Longest message box title accepted by {@link #sendMessage}. */
    public static final int MAX_MESSAGE_TITLE_LENGTH = 1024;

    /** Longest message text accepted by {@link #sendMessage}. */
    public static final int MAX_MESSAGE_LENGTH = 32767;

    /** What {@link WtsSession#logoff} does; documented there. */
    public static void logoff(WtsServer server, int sessionId, boolean wait) {
        Objects.requireNonNull(server, "server");
        int session = Checks.sessionId(sessionId);
        server.run(h -> ControlNative.logoff(h, session, wait));
    }

    /** What {@link WtsSession#disconnect} does; documented there. */
    public static void disconnect(WtsServer server, int sessionId, boolean wait) {
        Objects.requireNonNull(server, "server");
        int session = Checks.sessionId(sessionId);
        server.run(h -> ControlNative.disconnect(h, session, wait));
    }

    /** What {@link WtsSession#sendMessage} does; documented there. */
    public static WtsMessageReply sendMessage(WtsServer server, int sessionId, String title, String message,
                                              WtsMessageStyle style, Duration timeout, boolean wait) {
        Objects.requireNonNull(server, "server");
        int session = Checks.sessionId(sessionId);
        Checks.text(title, "title", MAX_MESSAGE_TITLE_LENGTH);
        Checks.text(message, "message", MAX_MESSAGE_LENGTH);
        Objects.requireNonNull(style, "style");
        int seconds = timeoutSeconds(timeout);
        char[] titleChars = Checks.nulTerminated(title.isEmpty() ? " " : title);
        char[] messageChars = Checks.nulTerminated(message);
        int flags = style.flags();
        int code = server.callInt(h -> ControlNative.sendMessage(h, session, titleChars, messageChars, flags,
                seconds, wait));
        return WtsMessageReply.of(code);
    }

    /** A timeout as WTSSendMessage's DWORD seconds (0 = forever), rounded up. */
    static int timeoutSeconds(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        long seconds = timeout.getSeconds() + (timeout.getNano() > 0 ? 1 : 0);
        if (seconds > Checks.MAX_DWORD) {
            throw new IllegalArgumentException("timeout must be at most " + Checks.MAX_DWORD + " seconds: " + timeout);
        }
        return (int) seconds;
    }

    /** Longest command line CreateProcessAsUserW takes: 32767 units with the NUL. */
    public static final int MAX_COMMAND_LINE_CHARS = 32_766;

    /** What {@link WtsSession#startProcess} does; documented there. */
    public static WtsStartedProcess startProcess(int sessionId, String commandLine, WtsStartOptions options) {
        Checks.sessionId(sessionId);
        checkCommandLine(commandLine);
        Objects.requireNonNull(options, "options");
        NativeLibrary.ensureLoaded();
        return launch(sessionId, null, commandLine, options);
    }

    /** What {@link WtsSession#startApplication} does; documented there. */
    public static WtsStartedProcess startApplication(int sessionId, String applicationPath, List<String> arguments,
                                                     WtsStartOptions options) {
        Checks.sessionId(sessionId);
        Objects.requireNonNull(applicationPath, "applicationPath");
        Objects.requireNonNull(arguments, "arguments");
        checkApplicationPath(applicationPath);
        List<String> line = new ArrayList<>(arguments.size() + 1);
        line.add(applicationPath);
        line.addAll(arguments); // null elements: WtsCommandLine.of throws NullPointerException
        String commandLine = WtsCommandLine.of(line);
        Checks.text(commandLine, "command line", MAX_COMMAND_LINE_CHARS);
        Objects.requireNonNull(options, "options");
        NativeLibrary.ensureLoaded();
        return launch(sessionId, applicationPath, commandLine, options);
    }

    /** An absolute Windows path with an extension in its last part, no quote, no NUL. */
    private static void checkApplicationPath(String path) {
        Checks.text(path, "application path", MAX_COMMAND_LINE_CHARS);
        char letter = path.isEmpty() ? 0 : Character.toUpperCase(path.charAt(0));
        boolean drive = path.length() >= 3 && letter >= 'A' && letter <= 'Z' && path.charAt(1) == ':'
                && (path.charAt(2) == '\\' || path.charAt(2) == '/');
        boolean unc = path.startsWith("\\\\") && path.length() > 2;
        if (!drive && !unc) {
            throw new IllegalArgumentException("the application path must be absolute (C:\\... or \\\\server\\share\\...),"
                    + " not '" + path + "': Windows would resolve it against this process's current directory");
        }
        if (path.indexOf('"') >= 0) {
            throw new IllegalArgumentException("the application path must not contain a double quote: " + path);
        }
        String name = path.substring(Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/')) + 1);
        if (name.lastIndexOf('.') <= 0 || name.endsWith(".")) {
            throw new IllegalArgumentException("the application path must name the file with its extension"
                    + " (Windows assumes none), not '" + path + "'");
        }
    }

    /** What {@link WtsSession#startProcessInActiveSession} does; documented there. */
    public static WtsStartedProcess startProcessInActiveSession(String commandLine, WtsStartOptions options,
                                                                WtsSessionChoice choice) {
        checkCommandLine(commandLine);
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(choice, "choice");
        NativeLibrary.ensureLoaded();
        int session = chooseSession(choice).orElseThrow(() -> noSession(choice));
        return launch(session, null, commandLine, options);
    }

    /** What {@link WtsSession#activeUserSession} does; documented there. */
    public static java.util.OptionalInt chooseSession(WtsSessionChoice choice) {
        Objects.requireNonNull(choice, "choice");
        NativeLibrary.ensureLoaded();
        int console = SessionsNative.activeConsoleSessionId();
        return SessionChooser.choose(SessionChooser.read(console), console, choice)
                .map(c -> java.util.OptionalInt.of(c.id())).orElse(java.util.OptionalInt.empty());
    }

    /** What {@link WtsSession#sessionOfUser} does; documented there. */
    public static java.util.OptionalInt sessionOfUser(String user) {
        SessionChooser.UserName name = SessionChooser.UserName.parse(user);
        NativeLibrary.ensureLoaded();
        return sessionOf(name);
    }

    private static java.util.OptionalInt sessionOf(SessionChooser.UserName name) {
        int console = SessionsNative.activeConsoleSessionId();
        return SessionChooser.ofUser(SessionChooser.read(console), console, name)
                .map(c -> java.util.OptionalInt.of(c.id())).orElse(java.util.OptionalInt.empty());
    }

    /** What {@link WtsSession#startProcessForUser} does; documented there. */
    public static WtsStartedProcess startProcessForUser(String user, String commandLine, WtsStartOptions options) {
        SessionChooser.UserName name = SessionChooser.UserName.parse(user);
        checkCommandLine(commandLine);
        Objects.requireNonNull(options, "options");
        NativeLibrary.ensureLoaded();
        int session = sessionOf(name).orElseThrow(() -> WtsNoUserException.noSession("WTSEnumerateSessionsW",
                "no session of user " + name + " is logged on"));
        return launch(session, null, commandLine, options);
    }

    private static WtsNoUserException noSession(WtsSessionChoice choice) {
        String what = switch (choice) {
            case CONSOLE -> "nobody is logged on to the console";
            case REMOTE -> "no remote session is active with a user";
            case CONSOLE_THEN_REMOTE -> "nobody is logged on to the console and no remote session is active with a user";
            case ANY_ACTIVE, LATEST_LOGON -> "no session is active with a user";
        };
        return WtsNoUserException.noSession("WTSEnumerateSessionsW", what + " (choice " + choice + ")");
    }

    private static WtsStartedProcess launch(int sessionId, String application, String commandLine,
                                            WtsStartOptions options) {
        ChildIo io = options.redirects() ? openChildIo(options) : null;
        long job = 0;
        Launcher.Started started = null;
        try {
            int flags = options.breakawayFromJob() ? LaunchNative.CREATE_BREAKAWAY_FROM_JOB : 0;
            if (options.killOnClose()) {
                job = LaunchNative.createKillOnCloseJob();
                flags |= LaunchNative.CREATE_SUSPENDED; // in the job before it runs a single instruction
            }
            try {
                started = Launcher.start(sessionId, application, commandLine, options.desktop(),
                        options.workingDirectory().orElse(null), options.environment(), options.elevated(),
                        options.window().code(), io == null ? null : io.childHandles(), flags);
            } catch (WtsException e) {
                throw WtsNoUserException.ifNoToken(e, sessionId);
            } finally {
                if (io != null) {
                    io.closeChildEnds(); // the child has its own copies now
                }
            }
            if (job != 0) {
                LaunchNative.assignToJob(job, started.processHandle());
                LaunchNative.resumeThread(started.threadHandle());
            }
        } catch (RuntimeException | Error e) {
            if (started != null) {
                if (started.threadHandle() != 0) {
                    LaunchNative.terminateProcess(started.processHandle(), 1); // suspended, never ran
                }
                LaunchNative.closeHandle(started.processHandle());
            }
            if (io != null) {
                io.closeParentEnds();
            }
            LaunchNative.closeHandle(job);
            throw e;
        } finally {
            if (started != null) {
                LaunchNative.closeHandle(started.threadHandle());
            }
        }
        return new WtsStartedProcess(started.pid(), sessionId, started.processHandle(), job,
                io == null ? 0 : io.takeParentEnd(0), io == null ? 0 : io.takeParentEnd(1),
                io == null ? 0 : io.takeParentEnd(2));
    }

    private static ChildIo openChildIo(WtsStartOptions options) {
        int[] kinds = new int[3];
        String[] paths = new String[3];
        List<java.util.Optional<WtsRedirect>> redirects = List.of(options.stdin(), options.stdout(), options.stderr());
        for (int i = 0; i < 3; i++) {
            WtsRedirect r = redirects.get(i).orElse(WtsRedirect.DISCARD);
            kinds[i] = switch (r.type()) {
                case PIPE -> ChildIo.PIPE;
                case DISCARD -> ChildIo.DISCARD;
                case INHERIT -> ChildIo.INHERIT;
                case READ -> ChildIo.READ_FILE;
                case WRITE -> ChildIo.WRITE_FILE;
                case APPEND -> ChildIo.APPEND_FILE;
            };
            paths[i] = r.path().orElse(null);
        }
        return ChildIo.open(kinds, paths, options.errorToOutput());
    }

    static void checkCommandLine(String commandLine) {
        Checks.text(commandLine, "command line", MAX_COMMAND_LINE_CHARS);
        if (commandLine.isBlank()) {
            throw new IllegalArgumentException("command line must not be empty");
        }
        WtsCommandLine.checkProgramQuoted(commandLine);
    }

    /** {@link #startRemoteControl(int, WtsHotkey)} for a session on the server's machine (by its name). */
    public static void startRemoteControl(WtsServer server, int targetSessionId, WtsHotkey hotkey) {
        Checks.sessionId(targetSessionId);
        Objects.requireNonNull(hotkey, "hotkey");
        SessionCalls.handleOf(server);
        RemoteNative.startRemoteControl(server.name().orElse(null), targetSessionId, hotkey.virtualKey(),
                hotkey.modifierBits());
    }

    /** What {@link WtsSession#stopRemoteControl} does; documented there. */
    public static void stopRemoteControl(int sessionId) {
        Checks.sessionId(sessionId);
        NativeLibrary.ensureLoaded();
        RemoteNative.stopRemoteControl(sessionId);
    }

    /** What {@link WtsSession#connectTo} does; documented there. */
    public static void connect(int sessionId, int targetSessionId, char[] password, boolean wait) {
        Checks.sessionId(sessionId);
        Checks.sessionId(targetSessionId);
        connectSession(sessionId, targetSessionId, password, wait);
    }

    /** {@link #connect(int, int, char[], boolean)} to the caller's session (LOGONID_CURRENT). */
    public static void connectToCurrent(int sessionId, char[] password, boolean wait) {
        Checks.sessionId(sessionId);
        connectSession(sessionId, RemoteNative.LOGONID_CURRENT, password, wait);
    }

    private static void connectSession(int sessionId, int target, char[] password, boolean wait) {
        Objects.requireNonNull(password, "password");
        for (char c : password) {
            if (c == '\0') {
                throw new IllegalArgumentException("password must not contain a NUL character");
            }
        }
        NativeLibrary.ensureLoaded();
        RemoteNative.connectSession(sessionId, target, password, wait);
    }
}
