package io.github.wtsbridge;

import io.github.wtsbridge.internal.Checks;
import io.github.wtsbridge.internal.EnumExNative;
import io.github.wtsbridge.internal.FileTimes;
import io.github.wtsbridge.internal.InfoClass;
import io.github.wtsbridge.internal.Launcher;
import io.github.wtsbridge.internal.NativeLibrary;
import io.github.wtsbridge.internal.RemoteNative;
import io.github.wtsbridge.internal.SessionsNative;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Sessions on a Terminal Server: listing, the current and console session, and what Windows
 * knows about each one. Methods without a {@link WtsServer} use {@link WtsServer#local()}.
 * Windows failures throw {@link WtsException}; bad arguments throw
 * {@link IllegalArgumentException} or {@link NullPointerException} before any native call.
 */
public final class WtsSessions {
    /** WTSGetActiveConsoleSessionId's value when no session is attached to the console. */
    static final int NO_CONSOLE_SESSION = 0xFFFF_FFFF;

    private WtsSessions() {
    }

    /** The sessions on this machine (WTSEnumerateSessionsW). */
    public static List<WtsSession> list() {
        return list(WtsServer.local());
    }

    /** The sessions on a server (WTSEnumerateSessionsW). */
    public static List<WtsSession> list(WtsServer server) {
        long handle = handleOf(server);
        Object[] raw = SessionsNative.enumerateSessions(handle);
        int[] pairs = (int[]) raw[0];
        String[] names = (String[]) raw[1];
        List<WtsSession> sessions = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            int state = pairs[2 * i + 1];
            sessions.add(new WtsSession(pairs[2 * i], names[i], WtsConnectState.of(state), state));
        }
        return Collections.unmodifiableList(sessions);
    }

    /** The session this JVM runs in (ProcessIdToSessionId of the current process). */
    public static int currentSessionId() {
        NativeLibrary.ensureLoaded();
        return SessionsNative.currentSessionId();
    }

    /**
     * The session attached to the physical console (WTSGetActiveConsoleSessionId); empty when
     * none is, for example during a session switch.
     */
    public static OptionalInt activeConsoleSessionId() {
        NativeLibrary.ensureLoaded();
        int id = SessionsNative.activeConsoleSessionId();
        return id == NO_CONSOLE_SESSION ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /** The logged-on user's name; empty if nobody is logged on (WTSUserName). */
    public static String userName(int sessionId) {
        return userName(WtsServer.local(), sessionId);
    }

    /** The logged-on user's name; empty if nobody is logged on (WTSUserName). */
    public static String userName(WtsServer server, int sessionId) {
        return queryString(server, sessionId, InfoClass.USER_NAME);
    }

    /** The logged-on user's domain (WTSDomainName). */
    public static String domainName(int sessionId) {
        return domainName(WtsServer.local(), sessionId);
    }

    /** The logged-on user's domain (WTSDomainName). */
    public static String domainName(WtsServer server, int sessionId) {
        return queryString(server, sessionId, InfoClass.DOMAIN_NAME);
    }

    /** The name of the client machine; empty for the console (WTSClientName). */
    public static String clientName(int sessionId) {
        return clientName(WtsServer.local(), sessionId);
    }

    /** The name of the client machine; empty for the console (WTSClientName). */
    public static String clientName(WtsServer server, int sessionId) {
        return queryString(server, sessionId, InfoClass.CLIENT_NAME);
    }

    /** The WinStation name (WTSWinStationName). */
    public static String winStationName(int sessionId) {
        return winStationName(WtsServer.local(), sessionId);
    }

    /** The WinStation name (WTSWinStationName). */
    public static String winStationName(WtsServer server, int sessionId) {
        return queryString(server, sessionId, InfoClass.WIN_STATION_NAME);
    }

    /** The connection state (WTSConnectState). */
    public static WtsConnectState connectState(int sessionId) {
        return connectState(WtsServer.local(), sessionId);
    }

    /** The connection state (WTSConnectState). */
    public static WtsConnectState connectState(WtsServer server, int sessionId) {
        return WtsConnectState.of(queryInt(server, sessionId, InfoClass.CONNECT_STATE));
    }

    /** The client's protocol (WTSClientProtocolType). */
    public static WtsProtocol clientProtocol(int sessionId) {
        return clientProtocol(WtsServer.local(), sessionId);
    }

    /** The client's protocol (WTSClientProtocolType). */
    public static WtsProtocol clientProtocol(WtsServer server, int sessionId) {
        return WtsProtocol.of(queryInt(server, sessionId, InfoClass.CLIENT_PROTOCOL_TYPE));
    }

    /** The client's network address (WTSClientAddress). */
    public static WtsClientAddress clientAddress(int sessionId) {
        return clientAddress(WtsServer.local(), sessionId);
    }

    /** The client's network address (WTSClientAddress). */
    public static WtsClientAddress clientAddress(WtsServer server, int sessionId) {
        long handle = handleOf(server);
        byte[] raw = new byte[20];
        int family = SessionsNative.queryClientAddress(handle, Checks.sessionId(sessionId), raw);
        return new WtsClientAddress(family, raw);
    }

    /** Names, state, counters and times in one call (WTSSessionInfo). */
    public static WtsInfo info(int sessionId) {
        return info(WtsServer.local(), sessionId);
    }

    /** Names, state, counters and times in one call (WTSSessionInfo). */
    public static WtsInfo info(WtsServer server, int sessionId) {
        long handle = handleOf(server);
        long[] n = new long[SessionsNative.SESSION_INFO_NUMBERS];
        String[] texts = SessionsNative.querySessionInfo(handle, Checks.sessionId(sessionId), n);
        WtsSessionCounters counters = new WtsSessionCounters(n[2], n[3], n[4], n[5], n[6], n[7]);
        WtsSessionTimes times = new WtsSessionTimes(FileTimes.toOptionalInstant(n[11]),
                FileTimes.toOptionalInstant(n[8]), FileTimes.toOptionalInstant(n[9]),
                FileTimes.toOptionalInstant(n[10]), FileTimes.toInstant(n[12]));
        return new WtsInfo((int) n[1], WtsConnectState.of((int) n[0]), texts[0], texts[1], texts[2], counters, times);
    }

    /** Logon, connect, disconnect, last-input and current time (from WTSSessionInfo). */
    public static WtsSessionTimes times(int sessionId) {
        return info(WtsServer.local(), sessionId).times();
    }

    /** Logon, connect, disconnect, last-input and current time (from WTSSessionInfo). */
    public static WtsSessionTimes times(WtsServer server, int sessionId) {
        return info(server, sessionId).times();
    }

    private static String queryString(WtsServer server, int sessionId, int infoClass) {
        long handle = handleOf(server);
        return SessionsNative.queryString(handle, Checks.sessionId(sessionId), infoClass);
    }

    private static int queryInt(WtsServer server, int sessionId, int infoClass) {
        long handle = handleOf(server);
        return SessionsNative.queryInt(handle, Checks.sessionId(sessionId), infoClass);
    }

    /** Checks the server, loads the library, and returns the handle to pass down. */
    static long handleOf(WtsServer server) {
        Objects.requireNonNull(server, "server");
        long handle = server.handle();
        NativeLibrary.ensureLoaded();
        return handle;
    }

    // ---- Beyond win32ts (issue 4): start a program in a user's session, Ex listing,
    // ---- remote control and connect.

    /** Longest command line CreateProcessAsUserW takes: 32767 units with the NUL. */
    public static final int MAX_COMMAND_LINE_CHARS = 32_766;

    /**
     * Starts a program on a user's desktop — what installers and services running as
     * LocalSystem need. Runs WTSQueryUserToken → (linked token, if elevated and UAC applies)
     * → DuplicateTokenEx (primary) → CreateEnvironmentBlock (the user's own variables plus
     * the options' extra ones) → CreateProcessAsUserW on {@code winsta0\default}, and
     * releases every token and environment block on every path.
     *
     * @param sessionId   the user's session
     * @param commandLine the command line, as CreateProcess parses it (quote paths with
     *                    spaces); not empty, no NUL, at most 32766 characters
     * @param options     directory, environment, desktop, window, elevation
     * @return the started program; close it to release its handle
     * @throws WtsNoUserException nobody is logged on to the session (1008)
     * @throws WtsException       1314 when the caller is not LocalSystem (SE_TCB_NAME), 7022 for
     *                            a session that does not exist, 2/3/5 from CreateProcessAsUserW for
     *                            a program that is not there or not allowed, each with its function
     */
    public static WtsStartedProcess startProcess(int sessionId, String commandLine, WtsStartOptions options) {
        Checks.sessionId(sessionId);
        checkCommandLine(commandLine);
        Objects.requireNonNull(options, "options");
        NativeLibrary.ensureLoaded();
        return launch(sessionId, commandLine, options);
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
        if (console == NO_CONSOLE_SESSION) {
            throw new WtsNoUserException("WTSGetActiveConsoleSessionId", "", -1);
        }
        return launch(console, commandLine, options);
    }

    private static WtsStartedProcess launch(int sessionId, String commandLine, WtsStartOptions options) {
        Launcher.Started started;
        try {
            started = Launcher.start(sessionId, commandLine, options.desktop(),
                    options.workingDirectory().orElse(null), options.environment(), options.elevated(),
                    options.window().code());
        } catch (WtsException e) {
            if (e.errorCode() == WtsException.ERROR_NO_TOKEN && "WTSQueryUserToken".equals(e.function())
                    && !(e instanceof WtsNoUserException)) {
                WtsNoUserException clear = new WtsNoUserException(e.function(), e.systemMessage(), sessionId);
                clear.initCause(e);
                throw clear;
            }
            throw e;
        }
        return new WtsStartedProcess(started.pid(), sessionId, started.processHandle());
    }

    private static void checkCommandLine(String commandLine) {
        Checks.text(commandLine, "command line", MAX_COMMAND_LINE_CHARS);
        if (commandLine.isBlank()) {
            throw new IllegalArgumentException("command line must not be empty");
        }
    }

    /** The sessions with host, user, domain and farm names (WTSEnumerateSessionsExW level 1). */
    public static List<WtsSessionEx> listEx() {
        return listEx(WtsServer.local());
    }

    /** The sessions on a server with their names (WTSEnumerateSessionsExW level 1). */
    public static List<WtsSessionEx> listEx(WtsServer server) {
        long handle = handleOf(server);
        Object[] raw = EnumExNative.enumerateSessionsEx(handle);
        int[] triples = (int[]) raw[0];
        String[] texts = (String[]) raw[1];
        List<WtsSessionEx> sessions = new ArrayList<>(triples.length / 3);
        for (int i = 0; i < triples.length / 3; i++) {
            int state = triples[3 * i + 1];
            sessions.add(new WtsSessionEx(triples[3 * i + 2], WtsConnectState.of(state), state,
                    texts[5 * i], texts[5 * i + 1], texts[5 * i + 2], texts[5 * i + 3], texts[5 * i + 4]));
        }
        return Collections.unmodifiableList(sessions);
    }

    /**
     * Starts remote control (shadowing) of a session on this machine from the caller's own
     * session (WTSStartRemoteControlSessionW); the hotkey ends it. Must be called from a
     * remote session. Errors: 7044 ERROR_CTX_SHADOW_DENIED (the user refused or policy
     * forbids), 7045 ERROR_CTX_WINSTATION_ACCESS_DENIED, 7050 ERROR_CTX_SHADOW_INVALID
     * (e.g. shadowing oneself), 7051 ERROR_CTX_SHADOW_DISABLED, 7022 no such session.
     */
    public static void startRemoteControl(int targetSessionId, WtsHotkey hotkey) {
        startRemoteControl(WtsServer.local(), targetSessionId, hotkey);
    }

    /** {@link #startRemoteControl(int, WtsHotkey)} for a session on the server's machine (by its name). */
    public static void startRemoteControl(WtsServer server, int targetSessionId, WtsHotkey hotkey) {
        Checks.sessionId(targetSessionId);
        Objects.requireNonNull(hotkey, "hotkey");
        handleOf(server);
        RemoteNative.startRemoteControl(server.name().orElse(null), targetSessionId, hotkey.virtualKey(),
                hotkey.modifierBits());
    }

    /**
     * Stops the remote control of a session (WTSStopRemoteControlSession). Errors: 7057
     * ERROR_CTX_SHADOW_NOT_RUNNING (nobody is shadowing it), 7022 no such session, 5.
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
     * <p>Errors: 1326 ERROR_LOGON_FAILURE (wrong password), 5 ERROR_ACCESS_DENIED, 7022 no
     * such session, 7024 ERROR_CTX_WINSTATION_BUSY.
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
