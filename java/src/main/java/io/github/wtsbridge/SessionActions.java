package io.github.wtsbridge;

import io.github.wtsbridge.internal.Checks;
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

    /**
     * Logs a session off (WTSLogoffSession); with wait, returns when the logoff is done. A
     * session that does not exist: {@link WtsException#isNoSuchSession()}.
     */
    public static void logoff(WtsServer server, int sessionId, boolean wait) {
        Objects.requireNonNull(server, "server");
        int session = Checks.sessionId(sessionId);
        server.run(h -> ControlNative.logoff(h, session, wait));
    }

    /**
     * Disconnects a session, leaving the user logged on (WTSDisconnectSession). A session
     * that does not exist: {@link WtsException#isNoSuchSession()}.
     */
    public static void disconnect(WtsServer server, int sessionId, boolean wait) {
        Objects.requireNonNull(server, "server");
        int session = Checks.sessionId(sessionId);
        server.run(h -> ControlNative.disconnect(h, session, wait));
    }

    /**
     * Shows a message box in a session (WTSSendMessageW).
     *
     * @param title   the caption; an empty title is sent as one space (some Windows versions
     *                misbehave on an empty one)
     * @param message the text
     * @param style   buttons, icon, default button, modality
     * @param timeout how long to wait for an answer, in whole seconds (a fraction rounds up);
     *                {@link Duration#ZERO} waits forever. It bounds the <em>wait</em>: without
     *                wait the call returns at once whatever the timeout (Microsoft: "the function
     *                returns immediately and pResponse returns IDASYNC"), so no
     *                {@link WtsMessageResponse#TIMEOUT} ever comes back and the caller never
     *                learns the answer; the timeout is still passed to Windows, which documents
     *                nothing about it for that case
     * @param wait    false: return at once with {@link WtsMessageResponse#ASYNC}; true: block
     *                until the user answers or the timeout runs out ({@link WtsMessageResponse#TIMEOUT})
     * @return the button pressed, {@link WtsMessageResponse#TIMEOUT} or {@link WtsMessageResponse#ASYNC}
     * @throws IllegalArgumentException for texts with NUL or over the limits, a negative
     *                                  timeout or one over 4294967295 seconds
     */
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

    /**
     * Starts a program on a user's desktop — what installers and services running as
     * LocalSystem need. Runs WTSQueryUserToken → (linked token, if elevated and UAC applies)
     * → DuplicateTokenEx (primary) → CreateEnvironmentBlock (the user's own variables plus
     * the options' extra ones) → CreateProcessAsUserW on {@code winsta0\default}, and
     * releases every token and environment block on every path.
     *
     * <p>How the command line is read: no application name is passed, so CreateProcessAsUserW
     * takes the program from the command line's first token — up to the closing quote when it
     * starts with one, else up to the first space, trying each space in turn with ".exe"
     * appended ({@code C:\Program Files\app.exe} first tries {@code C:\Program.exe}). The
     * program then splits its arguments by the CommandLineToArgvW rules. Build the line with
     * {@link WtsCommandLine#of} to get both right; an unquoted first token that holds a path
     * separator but names no .exe/.com/.bat/.cmd, followed by more text, is refused. To name
     * the program by its path and have Windows read nothing out of the line, use
     * {@link #startApplication}.
     *
     * @param sessionId   the user's session
     * @param commandLine the command line, as CreateProcess parses it (quote paths with
     *                    spaces, see above); not empty, no NUL, at most 32766 characters
     * @param options     directory, environment, desktop, window, elevation
     * @return the started program; close it to release its handle
     * @throws IllegalArgumentException an empty or over-long line, a NUL, or an unquoted program
     *                                  path with a space in it (see above)
     * @throws WtsNoUserException nobody is logged on to the session (1008)
     * @throws WtsException       from WTSQueryUserToken: 1314 or 5 when the caller is not
     *                            LocalSystem with SE_TCB_NAME, 2 for a session that does not exist
     *                            (documented; {@link WtsException#isNoSuchSession()} is true, also
     *                            for a 7022); from CreateProcessAsUserW: 2/3/5 for a program that
     *                            is not there or not allowed (isNoSuchSession() false); each
     *                            names its function
     */
    public static WtsStartedProcess startProcess(int sessionId, String commandLine, WtsStartOptions options) {
        Checks.sessionId(sessionId);
        checkCommandLine(commandLine);
        Objects.requireNonNull(options, "options");
        NativeLibrary.ensureLoaded();
        return launch(sessionId, null, commandLine, options);
    }

    /**
     * Starts a program given by its full path on a user's desktop, as
     * {@link #startProcess(int, String, WtsStartOptions)} does, but passes the path to
     * CreateProcessAsUserW as lpApplicationName: Windows runs exactly that file — it does not
     * search for it, try ".exe" after each space, or read the program out of the command
     * line. The command line the program sees is {@code WtsCommandLine.of(path + arguments)},
     * so its {@code argv[0]} is the path and each argument arrives whole.
     *
     * @param sessionId       the user's session
     * @param applicationPath the program's absolute path ({@code C:\...} or {@code \server\share\...})
     *                        with its extension — Windows assumes none and does not search
     * @param arguments       the arguments, each passed as one argument (may be empty)
     * @param options         directory, environment, desktop, window, elevation
     * @throws IllegalArgumentException a relative path, one without an extension, one with a
     *                                  double quote or NUL, or a command line over 32766 characters
     * @throws WtsNoUserException       nobody is logged on to the session (1008)
     * @throws WtsException             as {@link #startProcess(int, String, WtsStartOptions)}
     */
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

    /** {@link #startProcess(int, String, WtsStartOptions)} with {@link WtsStartOptions#defaults()}. */
    public static WtsStartedProcess startProcess(int sessionId, String commandLine) {
        return startProcess(sessionId, commandLine, WtsStartOptions.defaults());
    }

    /**
     * Starts a program in the session attached to the physical console
     * (WTSGetActiveConsoleSessionId), as {@link #startProcess(int, String, WtsStartOptions)}.
     *
     * @throws WtsNoUserException no session is attached to the console, or nobody is logged
     *                            on to it
     */
    public static WtsStartedProcess startProcessInActiveSession(String commandLine, WtsStartOptions options) {
        checkCommandLine(commandLine);
        Objects.requireNonNull(options, "options");
        NativeLibrary.ensureLoaded();
        int console = SessionsNative.activeConsoleSessionId();
        if (console == SessionCalls.NO_CONSOLE_SESSION) {
            throw new WtsNoUserException("WTSGetActiveConsoleSessionId", "", -1);
        }
        return launch(console, null, commandLine, options);
    }

    private static WtsStartedProcess launch(int sessionId, String application, String commandLine,
                                            WtsStartOptions options) {
        Launcher.Started started;
        try {
            started = Launcher.start(sessionId, application, commandLine, options.desktop(),
                    options.workingDirectory().orElse(null), options.environment(), options.elevated(),
                    options.window().code());
        } catch (WtsException e) {
            throw WtsNoUserException.ifNoToken(e, sessionId);
        }
        return new WtsStartedProcess(started.pid(), sessionId, started.processHandle());
    }

    private static void checkCommandLine(String commandLine) {
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

    /**
     * Stops the remote control of a session (WTSStopRemoteControlSession). Microsoft documents
     * no error codes; the ERROR_CTX_* code for nobody shadowing it is 7057
     * ERROR_CTX_SHADOW_NOT_RUNNING; a session that does not exist:
     * {@link WtsException#isNoSuchSession()}.
     */
    public static void stopRemoteControl(int sessionId) {
        Checks.sessionId(sessionId);
        NativeLibrary.ensureLoaded();
        RemoteNative.stopRemoteControl(sessionId);
    }

    /**
     * Connects the session {@code sessionId} to the session {@code targetSessionId}
     * (WTSConnectSessionW): the target's client then shows {@code sessionId}'s desktop — the
     * "Connect" of Task Manager's Users tab. The password is that of {@code sessionId}'s user
     * (may be empty when the caller is that user).
     *
     * <p>The password: the bridge copies it into native memory for the call and overwrites
     * that copy with zeros before freeing it, on success and failure alike; it never makes a
     * {@code String} of it. It does not modify {@code password}: clear your array yourself
     * ({@code Arrays.fill(password, '\0')}) when you are done with it.
     *
     * <p>Errors (Microsoft documents none for this function; these are the Win32 codes for the
     * cases): 1326 ERROR_LOGON_FAILURE (wrong password), 5 ERROR_ACCESS_DENIED, 7024
     * ERROR_CTX_WINSTATION_BUSY; a session that does not exist:
     * {@link WtsException#isNoSuchSession()}.
     */
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
