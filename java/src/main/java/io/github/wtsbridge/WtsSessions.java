package io.github.wtsbridge;

import io.github.wtsbridge.internal.Checks;
import io.github.wtsbridge.internal.ControlNative;
import io.github.wtsbridge.internal.EnumExNative;
import io.github.wtsbridge.internal.FileTimes;
import io.github.wtsbridge.internal.FlatLayouts;
import io.github.wtsbridge.internal.InfoClass;
import io.github.wtsbridge.internal.Launcher;
import io.github.wtsbridge.internal.NativeLibrary;
import io.github.wtsbridge.internal.RemoteNative;
import io.github.wtsbridge.internal.SessionInfoNative;
import io.github.wtsbridge.internal.SessionRecords;
import io.github.wtsbridge.internal.SessionsNative;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Sessions on a Terminal Server: listing, the current and console session, and what Windows
 * knows about each one. Methods without a {@link WtsServer} use {@link WtsServer#local()}.
 * Windows failures throw {@link WtsException}; bad arguments throw
 * {@link IllegalArgumentException} or {@link NullPointerException} before any native call.
 *
 * <p>A session that does not exist (or has just ended): test {@link WtsException#isNoSuchSession()}
 * rather than a code. Microsoft documents no error codes for the session queries and controls
 * here; Windows reports 7022 (ERROR_CTX_WINSTATION_NOT_FOUND) for them, while WTSQueryUserToken,
 * under {@link #startProcess}, documents 2 (ERROR_FILE_NOT_FOUND).
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
        Objects.requireNonNull(server, "server");
        return SessionRecords.sessions(server.call(SessionsNative::enumerateSessions));
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
        Objects.requireNonNull(server, "server");
        int session = Checks.sessionId(sessionId);
        byte[] raw = new byte[20];
        int family = server.callInt(h -> SessionInfoNative.queryAddress(h, session, InfoClass.CLIENT_ADDRESS, raw));
        return new WtsClientAddress(family, raw);
    }

    /** Names, state, counters and times in one call (WTSSessionInfo). */
    public static WtsInfo info(int sessionId) {
        return info(WtsServer.local(), sessionId);
    }

    /**
     * Names, state, counters and times in one call (WTSSessionInfo). The idle time
     * ({@code times().idle()}) is CurrentTime − LastInputTime; Microsoft documents LastInputTime
     * only as "the time of the last user input in the session", and for the console session it
     * is not a reliable measure of the user's idleness (see {@link WtsSessionTimes#idle()}).
     */
    public static WtsInfo info(WtsServer server, int sessionId) {
        Objects.requireNonNull(server, "server");
        int session = Checks.sessionId(sessionId);
        long[] n = new long[FlatLayouts.SESSION_INFO_NUMBERS_COUNT];
        return SessionRecords.info(n, server.call(h -> SessionsNative.querySessionInfo(h, session, n)));
    }

    /** Logon, connect, disconnect, last-input and current time (from WTSSessionInfo). */
    public static WtsSessionTimes times(int sessionId) {
        return info(WtsServer.local(), sessionId).times();
    }

    /** Logon, connect, disconnect, last-input and current time (from WTSSessionInfo). */
    public static WtsSessionTimes times(WtsServer server, int sessionId) {
        return info(server, sessionId).times();
    }

    // ---- every other info class ----

    /** The initial program Windows started in the session (WTSInitialProgram). */
    public static String initialProgram(WtsServer server, int sessionId) {
        return queryString(server, sessionId, InfoClass.INITIAL_PROGRAM);
    }

    /** The published application's name (WTSApplicationName). */
    public static String applicationName(WtsServer server, int sessionId) {
        return queryString(server, sessionId, InfoClass.APPLICATION_NAME);
    }

    /** The initial program's working directory (WTSWorkingDirectory). */
    public static String workingDirectory(WtsServer server, int sessionId) {
        return queryString(server, sessionId, InfoClass.WORKING_DIRECTORY);
    }

    /** The session id as Windows reports it (WTSSessionId). */
    public static int querySessionId(WtsServer server, int sessionId) {
        return queryInt(server, sessionId, InfoClass.SESSION_ID);
    }

    /** The client's build number (WTSClientBuildNumber, a ULONG). */
    public static long clientBuildNumber(WtsServer server, int sessionId) {
        return queryLong(server, sessionId, InfoClass.CLIENT_BUILD_NUMBER);
    }

    /** The directory the client is installed in (WTSClientDirectory). */
    public static String clientDirectory(WtsServer server, int sessionId) {
        return queryString(server, sessionId, InfoClass.CLIENT_DIRECTORY);
    }

    /** The client's product id (WTSClientProductId, a USHORT). */
    public static int clientProductId(WtsServer server, int sessionId) {
        return (int) queryLong(server, sessionId, InfoClass.CLIENT_PRODUCT_ID);
    }

    /** The client's hardware id (WTSClientHardwareId; documented as reserved, always 0). */
    public static long clientHardwareId(WtsServer server, int sessionId) {
        return queryLong(server, sessionId, InfoClass.CLIENT_HARDWARE_ID);
    }

    /** The client's display (WTSClientDisplay). */
    public static WtsClientDisplay clientDisplay(int sessionId) {
        return clientDisplay(WtsServer.local(), sessionId);
    }

    /** The client's display (WTSClientDisplay). */
    public static WtsClientDisplay clientDisplay(WtsServer server, int sessionId) {
        Objects.requireNonNull(server, "server");
        int session = Checks.sessionId(sessionId);
        int[] v = new int[FlatLayouts.CLIENT_DISPLAY_COUNT];
        server.run(h -> SessionInfoNative.queryClientDisplay(h, session, v));
        return SessionRecords.clientDisplay(v);
    }

    /**
     * WTSIdleTime. <b>Fails with {@link WtsException#ERROR_NOT_SUPPORTED} on Windows 7 / Server
     * 2008 R2 and later</b>; use {@code info(server, id).times().idle()} instead.
     */
    public static Duration idleTime(WtsServer server, int sessionId) {
        long ticks = queryLong(server, sessionId, InfoClass.IDLE_TIME);
        return Duration.ofSeconds(Long.divideUnsigned(ticks, 10_000_000L), Long.remainderUnsigned(ticks, 10_000_000L) * 100);
    }

    /**
     * WTSLogonTime. <b>Fails with {@link WtsException#ERROR_NOT_SUPPORTED} on Windows 7 / Server
     * 2008 R2 and later</b>; use {@code info(server, id).times().logon()} instead.
     */
    public static Instant logonTime(WtsServer server, int sessionId) {
        return FileTimes.toInstant(queryLong(server, sessionId, InfoClass.LOGON_TIME));
    }

    /**
     * WTSIncomingBytes, WTSOutgoingBytes, WTSIncomingFrames or WTSOutgoingFrames. <b>These fail
     * with {@link WtsException#ERROR_NOT_SUPPORTED} on Windows 7 / Server 2008 R2 and later</b>;
     * use {@code info(server, id).counters()} instead.
     *
     * @throws IllegalArgumentException for any other class
     */
    public static long counter(WtsServer server, int sessionId, WtsInfoClass counter) {
        Objects.requireNonNull(counter, "counter");
        if (counter.code() < InfoClass.INCOMING_BYTES || counter.code() > InfoClass.OUTGOING_FRAMES) {
            throw new IllegalArgumentException(counter + " is not one of the byte/frame counter classes");
        }
        return queryLong(server, sessionId, counter.code());
    }

    /** What the client told the server, in one reply (WTSClientInfo). */
    public static WtsClientInfo clientInfo(int sessionId) {
        return clientInfo(WtsServer.local(), sessionId);
    }

    /** What the client told the server, in one reply (WTSClientInfo). */
    public static WtsClientInfo clientInfo(WtsServer server, int sessionId) {
        Objects.requireNonNull(server, "server");
        int session = Checks.sessionId(sessionId);
        long[] n = new long[FlatLayouts.CLIENT_INFO_NUMBERS_COUNT];
        byte[] address = new byte[SessionInfoNative.CLIENT_INFO_ADDRESS_BYTES];
        String[] t = server.call(h -> SessionInfoNative.queryClientInfo(h, session, n, address));
        return SessionRecords.clientInfo(n, t, address);
    }

    /** WTSSessionInfoEx: names, state, lock state, counters and times. */
    public static WtsSessionInfoEx infoEx(int sessionId) {
        return infoEx(WtsServer.local(), sessionId);
    }

    /** WTSSessionInfoEx: names, state, lock state, counters and times. */
    public static WtsSessionInfoEx infoEx(WtsServer server, int sessionId) {
        Objects.requireNonNull(server, "server");
        int session = Checks.sessionId(sessionId);
        long[] n = new long[FlatLayouts.SESSION_INFO_EX_NUMBERS_COUNT];
        String[] t = server.call(h -> SessionInfoNative.querySessionInfoEx(h, session, n));
        return SessionRecords.infoEx(n, t, server.isLocal());
    }

    /** Whether the session is locked (WTSSessionInfoEx; the Windows 7 inversion undone). */
    public static WtsLockState lockState(int sessionId) {
        return infoEx(WtsServer.local(), sessionId).lockState();
    }

    /**
     * Whether the session is locked (WTSSessionInfoEx). Windows 7 and Server 2008 R2 report
     * LOCK and UNLOCK swapped. For the local server this is undone from the OS version; a
     * remote server's version is not known here, so its answer is read as Windows 8 / Server
     * 2012 or later reports it. For a 2008 R2 host, map the raw flags yourself:
     * {@code WtsLockState.fromSessionFlags(infoEx(server, id).sessionFlags(), "Windows Server 2008 R2", "6.1")}.
     */
    public static WtsLockState lockState(WtsServer server, int sessionId) {
        return infoEx(server, sessionId).lockState();
    }

    /** The session's configuration (WTSConfigInfo). */
    public static WtsConfigInfo configInfo(WtsServer server, int sessionId) {
        Objects.requireNonNull(server, "server");
        int session = Checks.sessionId(sessionId);
        long[] n = new long[FlatLayouts.CONFIG_INFO_NUMBERS_COUNT];
        String[] t = server.call(h -> SessionInfoNative.queryConfigInfo(h, session, n));
        return SessionRecords.configInfo(n, t);
    }

    /**
     * The session's virtual IPv4 address (WTSSessionAddressV4); empty if the reply has no IPv4
     * address. Windows fails with {@link WtsException#ERROR_NOT_SUPPORTED} where the session
     * has no virtual IP.
     */
    public static Optional<InetAddress> sessionAddressV4(WtsServer server, int sessionId) {
        Objects.requireNonNull(server, "server");
        int session = Checks.sessionId(sessionId);
        byte[] raw = new byte[20];
        int family = server.callInt(h -> SessionInfoNative.queryAddress(h, session, InfoClass.SESSION_ADDRESS_V4, raw));
        return new WtsClientAddress(family, raw).address();
    }

    /**
     * Whether the session this JVM runs in is a remote (RDP) session (WTSIsRemoteSession with
     * WTS_CURRENT_SESSION). Microsoft documents the class as telling "whether the current
     * session is a remote session", for the local server only — hence no parameters.
     */
    public static boolean isRemoteSession() {
        NativeLibrary.ensureLoaded();
        return SessionInfoNative.queryLong(0, WTS_CURRENT_SESSION, InfoClass.IS_REMOTE_SESSION) != 0;
    }

    /**
     * {@link #isRemoteSession()}, for callers that hold their own session id. WTSIsRemoteSession
     * answers for the caller's session only (Microsoft: "whether the current session is a remote
     * session"), so any other id is refused rather than answered for the wrong session; for
     * another session use {@code clientProtocol(id) != WtsProtocol.CONSOLE}.
     *
     * @throws IllegalArgumentException for an id other than {@link #currentSessionId()}
     */
    public static boolean isRemoteSession(int sessionId) {
        Checks.sessionId(sessionId);
        int current = currentSessionId();
        if (sessionId != current) {
            throw new IllegalArgumentException("WTSIsRemoteSession answers for the caller's own session only (this"
                    + " process runs in session " + Integer.toUnsignedString(current) + ", not " + sessionId
                    + "); for another session use clientProtocol(" + sessionId + ")");
        }
        return isRemoteSession();
    }

    /** WTS_CURRENT_SESSION: the caller's session, for the calls documented for it only. */
    private static final int WTS_CURRENT_SESSION = -1;

    /** The raw reply of any info class, as Windows returned it (WTSQuerySessionInformationW). */
    public static byte[] queryRaw(WtsServer server, int sessionId, WtsInfoClass infoClass) {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(infoClass, "infoClass");
        int session = Checks.sessionId(sessionId);
        return server.call(h -> SessionInfoNative.queryRaw(h, session, infoClass.code()));
    }

    /** Everything about a session on this machine; see {@link #snapshot(WtsServer, int)}. */
    public static WtsSessionInfo snapshot(int sessionId) {
        return snapshot(WtsServer.local(), sessionId);
    }

    /**
     * Everything WTSQuerySessionInformationW tells about a session, one query per info class.
     * A class this Windows does not answer (ERROR_NOT_SUPPORTED, ERROR_CALL_NOT_IMPLEMENTED,
     * ERROR_INVALID_PARAMETER, or a failure that sets no error code at all, as Wine's
     * wtsapi32 gives for all but three classes) is an empty field; any other failure fails the snapshot, e.g.
     * a session that ended meanwhile ({@link WtsException#isNoSuchSession()}).
     */
    public static WtsSessionInfo snapshot(WtsServer server, int sessionId) {
        Objects.requireNonNull(server, "server");
        int id = Checks.sessionId(sessionId);
        return new WtsSessionInfo(id,
                optional(() -> initialProgram(server, id)),
                optional(() -> applicationName(server, id)),
                optional(() -> workingDirectory(server, id)),
                optional(() -> userName(server, id)),
                optional(() -> winStationName(server, id)),
                optional(() -> domainName(server, id)),
                optional(() -> connectState(server, id)),
                optionalLong(() -> clientBuildNumber(server, id)),
                optional(() -> clientName(server, id)),
                optional(() -> clientDirectory(server, id)),
                optional(() -> clientProductId(server, id)).map(OptionalInt::of).orElse(OptionalInt.empty()),
                optionalLong(() -> clientHardwareId(server, id)),
                optional(() -> clientAddress(server, id)),
                optional(() -> clientDisplay(server, id)),
                optional(() -> clientProtocol(server, id)),
                optional(() -> clientInfo(server, id)),
                optional(() -> info(server, id)),
                optional(() -> infoEx(server, id)),
                optional(() -> configInfo(server, id)),
                optional(() -> sessionAddressV4(server, id)).flatMap(a -> a),
                server.isLocal() && id == currentSessionId() ? optional(WtsSessions::isRemoteSession)
                        : Optional.empty());
    }

    private static <T> Optional<T> optional(Supplier<T> query) {
        try {
            return Optional.of(query.get());
        } catch (WtsException e) {
            if (notAnswered(e.errorCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static OptionalLong optionalLong(LongSupplier query) {
        try {
            return OptionalLong.of(query.getAsLong());
        } catch (WtsException e) {
            if (notAnswered(e.errorCode())) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }

    /** The codes with which Windows says "not this info class here"; 0 is a stub that says nothing. */
    static boolean notAnswered(int code) {
        return code == 0 || code == WtsException.ERROR_NOT_SUPPORTED || code == WtsException.ERROR_CALL_NOT_IMPLEMENTED
                || code == WtsException.ERROR_INVALID_PARAMETER;
    }

    // ---- session control ----

    /** Longest message box title accepted by {@link #sendMessage}. */
    public static final int MAX_MESSAGE_TITLE_LENGTH = 1024;
    /** Longest message text accepted by {@link #sendMessage}. */
    public static final int MAX_MESSAGE_LENGTH = 32767;

    /** Logs a session on this machine off (WTSLogoffSession). */
    public static void logoff(int sessionId, boolean wait) {
        logoff(WtsServer.local(), sessionId, wait);
    }

    /** Disconnects a session on this machine (WTSDisconnectSession). */
    public static void disconnect(int sessionId, boolean wait) {
        disconnect(WtsServer.local(), sessionId, wait);
    }

    /** Shows a message box in a session on this machine; see {@link #sendMessage(WtsServer, int, String, String, WtsMessageStyle, Duration, boolean)}. */
    public static WtsMessageReply sendMessage(int sessionId, String title, String message, WtsMessageStyle style,
                                              Duration timeout, boolean wait) {
        return sendMessage(WtsServer.local(), sessionId, title, message, style, timeout, wait);
    }

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

    private static long queryLong(WtsServer server, int sessionId, int infoClass) {
        Objects.requireNonNull(server, "server");
        int session = Checks.sessionId(sessionId);
        long[] out = new long[1];
        server.run(h -> out[0] = SessionInfoNative.queryLong(h, session, infoClass));
        return out[0];
    }

    static String queryString(WtsServer server, int sessionId, int infoClass) {
        Objects.requireNonNull(server, "server");
        int session = Checks.sessionId(sessionId);
        return server.call(h -> SessionsNative.queryString(h, session, infoClass));
    }

    static int queryInt(WtsServer server, int sessionId, int infoClass) {
        Objects.requireNonNull(server, "server");
        int session = Checks.sessionId(sessionId);
        // DWORD, USHORT or BYTE classes: the width Windows returned decides (zero-extended).
        return (int) (long) server.call(h -> SessionInfoNative.queryLong(h, session, infoClass));
    }

    /**
     * Checks the server (open) and loads the library; returns the handle value. The handle
     * is not held open afterwards: a native call must go through {@code server.call(h -> ...)},
     * which a concurrent close() waits for. This is for checks only.
     */
    static long handleOf(WtsServer server) {
        Objects.requireNonNull(server, "server");
        long handle = server.handle();
        NativeLibrary.ensureLoaded();
        return handle;
    }

    // ---- Beyond win32ts: start a program in a user's session, Ex listing,
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
        if (console == NO_CONSOLE_SESSION) {
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

    /** The sessions with host, user, domain and farm names (WTSEnumerateSessionsExW level 1). */
    public static List<WtsSessionEx> listEx() {
        return listEx(WtsServer.local());
    }

    /** The sessions on a server with their names (WTSEnumerateSessionsExW level 1). */
    public static List<WtsSessionEx> listEx(WtsServer server) {
        Objects.requireNonNull(server, "server");
        return SessionRecords.sessionsEx(server.call(EnumExNative::enumerateSessionsEx));
    }

    /**
     * Starts remote control (shadowing) of a session on this machine from the caller's own
     * session (WTSStartRemoteControlSessionW); the hotkey ends it. Must be called from a
     * remote session. Microsoft documents no error codes for it; the ERROR_CTX_* codes for
     * the cases are 7044 ERROR_CTX_SHADOW_DENIED (the user refused or policy forbids), 7045
     * ERROR_CTX_WINSTATION_ACCESS_DENIED, 7050 ERROR_CTX_SHADOW_INVALID (e.g. shadowing
     * oneself), 7051 ERROR_CTX_SHADOW_DISABLED; a session that does not exist:
     * {@link WtsException#isNoSuchSession()}.
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
