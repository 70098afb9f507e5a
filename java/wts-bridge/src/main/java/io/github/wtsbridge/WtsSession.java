package io.github.wtsbridge;

import io.github.wtsbridge.internal.Checks;
import io.github.wtsbridge.internal.FileTimes;
import io.github.wtsbridge.internal.InfoClass;
import io.github.wtsbridge.internal.NativeLibrary;
import io.github.wtsbridge.internal.ProcessesNative;
import io.github.wtsbridge.internal.SessionsNative;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A session on a Terminal Server: a cheap value of (server, session id), with everything
 * Windows knows and does about the session as methods. Get one from
 * {@link WtsServer#session(int)}, {@link WtsServer#sessions()}, {@link #current()},
 * {@link #activeConsole()} or {@link #ofProcess(long)}; holding one costs nothing and asks
 * Windows nothing. Each method is one Windows call (or a few, where said) made through the
 * session's {@link #server()}, so it fails with {@link IllegalStateException} once that server
 * is closed.
 *
 * <p>Windows failures throw {@link WtsException}; a session that does not exist (or has just
 * ended) is {@link WtsException#isNoSuchSession()}. Microsoft documents no error codes for
 * the session queries and controls; Windows reports 7022 (ERROR_CTX_WINSTATION_NOT_FOUND) for
 * them, while WTSQueryUserToken, under {@link #startProcess}, documents 2 (ERROR_FILE_NOT_FOUND).
 * Bad arguments throw {@link IllegalArgumentException} or {@link NullPointerException} before
 * any native call. A few Windows functions work on this machine only (they take no server):
 * on a session of a remote server those methods throw {@link UnsupportedOperationException},
 * as their documentation says.
 *
 * <p>Two sessions are equal when they have the same server object and the same id.
 */
public final class WtsSession {
    /** Longest message box title accepted by {@link #sendMessage}. */
    public static final int MAX_MESSAGE_TITLE_LENGTH = SessionActions.MAX_MESSAGE_TITLE_LENGTH;
    /** Longest message text accepted by {@link #sendMessage}. */
    public static final int MAX_MESSAGE_LENGTH = SessionActions.MAX_MESSAGE_LENGTH;
    /** Longest command line {@link #startProcess} takes: 32767 units with the NUL. */
    public static final int MAX_COMMAND_LINE_CHARS = SessionActions.MAX_COMMAND_LINE_CHARS;

    private final WtsServer server;
    private final int id;

    WtsSession(WtsServer server, int id) {
        this.server = Objects.requireNonNull(server, "server");
        this.id = Checks.sessionId(id);
    }

    // ---- finding a session on this machine ----

    /**
     * The session this JVM runs in (ProcessIdToSessionId of the current process).
     *
     * @return this JVM's session on {@link WtsServer#local()}; session 0 for a service
     * @throws WtsException if ProcessIdToSessionId fails
     */
    public static WtsSession current() {
        return new WtsSession(WtsServer.local(), SessionCalls.currentSessionId());
    }

    /**
     * The session attached to the physical console (WTSGetActiveConsoleSessionId); empty when
     * none is, for example during a session switch.
     *
     * @return the console's session on {@link WtsServer#local()}; empty when
     *         WTSGetActiveConsoleSessionId returns 0xFFFFFFFF
     */
    public static Optional<WtsSession> activeConsole() {
        NativeLibrary.ensureLoaded();
        int id = SessionsNative.activeConsoleSessionId();
        return id == SessionCalls.NO_CONSOLE_SESSION ? Optional.empty() : Optional.of(new WtsSession(WtsServer.local(), id));
    }

    /**
     * The session a process of this machine runs in (ProcessIdToSessionId).
     *
     * @param pid the process id, a DWORD (0 to 4294967295)
     * @return the process's session on {@link WtsServer#local()}
     * @throws IllegalArgumentException for a pid outside 0 to 4294967295
     * @throws WtsException             from ProcessIdToSessionId, e.g. for a pid that no process
     *                                  has (any more)
     */
    public static WtsSession ofProcess(long pid) {
        int dword = Checks.processId(pid);
        NativeLibrary.ensureLoaded();
        return new WtsSession(WtsServer.local(), ProcessesNative.processIdToSessionId(dword));
    }

    /**
     * Starts a program in the session a person is using: the console when a user is logged
     * on to it, else the active remote (RDP) session with a user
     * ({@link WtsSessionChoice#CONSOLE_THEN_REMOTE}; several: the latest logon). As
     * {@link #startProcessInActiveSession(String, WtsStartOptions, WtsSessionChoice)}.
     *
     * @param commandLine the command line, as {@link #startProcess(String, WtsStartOptions)} takes it
     * @param options     directory, environment, desktop, window, elevation, standard streams, job
     * @return the started program ({@link WtsStartedProcess#sessionId()} says which session it
     *         went to); close it to release its handles
     * @throws IllegalArgumentException as {@link #startProcess(String, WtsStartOptions)}
     * @throws WtsNoUserException       nobody is logged on to the console and no remote session
     *                                  is active with a user (nothing was started;
     *                                  {@link WtsNoUserException#sessionId()} is empty), or the
     *                                  user of the chosen session logged off in between (1008
     *                                  from WTSQueryUserToken, with that session)
     * @throws WtsException             as {@link #startProcess(String, WtsStartOptions)}
     */
    public static WtsStartedProcess startProcessInActiveSession(String commandLine, WtsStartOptions options) {
        return SessionActions.startProcessInActiveSession(commandLine, options, WtsSessionChoice.CONSOLE_THEN_REMOTE);
    }

    /**
     * Starts a program, as {@link #startProcess(String, WtsStartOptions)}, in the session
     * {@code choice} picks ({@link #activeUserSession}; the rule for several candidates is on
     * {@link WtsSessionChoice}).
     *
     * @param commandLine the command line, as {@link #startProcess(String, WtsStartOptions)} takes it
     * @param options     directory, environment, desktop, window, elevation, standard streams, job
     * @param choice      which sessions qualify (console, remote, either, any active one)
     * @return the started program ({@link WtsStartedProcess#sessionId()} says which session it
     *         went to); close it to release its handles
     * @throws IllegalArgumentException as {@link #startProcess(String, WtsStartOptions)}
     * @throws WtsNoUserException no session qualifies (nothing was started;
     *                            {@link WtsNoUserException#sessionId()} is empty), or the user
     *                            of the chosen one logged off in between (1008 from
     *                            WTSQueryUserToken, with that session)
     * @throws WtsException       as {@link #startProcess(String, WtsStartOptions)}
     */
    public static WtsStartedProcess startProcessInActiveSession(String commandLine, WtsStartOptions options,
                                                                WtsSessionChoice choice) {
        return SessionActions.startProcessInActiveSession(commandLine, options, choice);
    }

    /**
     * The session of this machine that {@code choice} picks (WTSGetActiveConsoleSessionId,
     * WTSEnumerateSessionsW and WTSSessionInfo of each session); empty when none qualifies.
     * A session whose WTSSessionInfo and user name both fail (one that just ended) is left out.
     *
     * @param choice which sessions qualify; several: the latest logon, then the lowest id
     * @return the chosen session on {@link WtsServer#local()}; empty when no session qualifies
     * @throws WtsException if WTSEnumerateSessionsW fails
     */
    public static Optional<WtsSession> activeUserSession(WtsSessionChoice choice) {
        java.util.OptionalInt id = SessionActions.chooseSession(choice);
        return id.isPresent() ? Optional.of(new WtsSession(WtsServer.local(), id.getAsInt())) : Optional.empty();
    }

    /**
     * The session of this machine where {@code user} is logged on; empty when there is none.
     * {@code user} is {@code DOMAIN\name}, a UPN {@code name@dns.domain}, or a bare
     * {@code name}; names compare as Windows compares them, without regard to case, and a bare
     * name matches in any domain. A UPN matches a session whose domain is its suffix or the
     * suffix's first label ({@code alice@contoso.com} matches {@code CONTOSO\alice}). When
     * the user has several sessions: an active one before a disconnected one, then the
     * console, then the latest logon, then the lowest session id.
     *
     * @param user {@code DOMAIN\name}, {@code name@dns.domain} or {@code name}
     * @return that user's session on {@link WtsServer#local()}; empty when the user is not
     *         logged on to any session of this machine
     * @throws IllegalArgumentException an empty name or domain, more than one backslash, a NUL,
     *                                  a name over 256 or a domain over 255 characters
     */
    public static Optional<WtsSession> sessionOfUser(String user) {
        java.util.OptionalInt id = SessionActions.sessionOfUser(user);
        return id.isPresent() ? Optional.of(new WtsSession(WtsServer.local(), id.getAsInt())) : Optional.empty();
    }

    /**
     * Starts a program, as {@link #startProcess(String, WtsStartOptions)}, in the session of
     * {@code user} ({@link #sessionOfUser} says which one, and how names match).
     *
     * @param user        {@code DOMAIN\name}, {@code name@dns.domain} or {@code name}
     * @param commandLine the command line, as {@link #startProcess(String, WtsStartOptions)} takes it
     * @param options     directory, environment, desktop, window, elevation, standard streams, job
     * @return the started program, running as that user in that user's session; close it to
     *         release its handles
     * @throws WtsNoUserException       the user has no session (nothing was started), or logged
     *                                  off in between (1008 from WTSQueryUserToken)
     * @throws IllegalArgumentException as {@link #sessionOfUser} and
     *                                  {@link #startProcess(String, WtsStartOptions)}
     * @throws WtsException             as {@link #startProcess(String, WtsStartOptions)}
     */
    public static WtsStartedProcess startProcessForUser(String user, String commandLine, WtsStartOptions options) {
        return SessionActions.startProcessForUser(user, commandLine, options);
    }

    // ---- identity ----

    /**
     * The server the session is on.
     *
     * @return the server object this session was made with; every call goes through it
     */
    public WtsServer server() {
        return server;
    }

    /**
     * The session id (a DWORD; Windows never hands out one above 2^31 - 1).
     *
     * @return the id, 0 or more (0 is the services' session)
     */
    public int id() {
        return id;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WtsSession that && that.server == server && that.id == id;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(server) * 31 + id;
    }

    @Override
    public String toString() {
        return "WtsSession[" + id + (server.isLocal() ? "" : " on " + server.name().orElse("?")) + "]";
    }

    // ---- what Windows knows about the session (WTSQuerySessionInformationW) ----

    /**
     * The logged-on user's name (WTSUserName).
     *
     * @return the user's SAM account name without the domain; empty if nobody is logged on
     */
    public String userName() {
        return SessionCalls.queryString(server, id, InfoClass.USER_NAME);
    }

    /**
     * The logged-on user's domain (WTSDomainName).
     *
     * @return the NetBIOS name of the user's domain (the computer's name for a local account);
     *         empty if nobody is logged on
     */
    public String domainName() {
        return SessionCalls.queryString(server, id, InfoClass.DOMAIN_NAME);
    }

    /**
     * The name of the client machine (WTSClientName).
     *
     * @return the NetBIOS name the RDP client gave; empty for the console
     */
    public String clientName() {
        return SessionCalls.queryString(server, id, InfoClass.CLIENT_NAME);
    }

    /**
     * The WinStation name (WTSWinStationName).
     *
     * @return e.g. {@code Console}, {@code RDP-Tcp#3}, {@code Services}, or a listener's
     *         {@code RDP-Tcp}
     */
    public String winStationName() {
        return SessionCalls.queryString(server, id, InfoClass.WIN_STATION_NAME);
    }

    /**
     * The connection state (WTSConnectState).
     *
     * @return the WTS_CONNECTSTATE_CLASS value, e.g. {@link WtsConnectState#ACTIVE} or
     *         {@link WtsConnectState#DISCONNECTED}
     */
    public WtsConnectState connectState() {
        return WtsConnectState.of(SessionCalls.queryInt(server, id, InfoClass.CONNECT_STATE));
    }

    /**
     * The client's protocol (WTSClientProtocolType).
     *
     * @return {@link WtsProtocol#CONSOLE} for the console session, {@link WtsProtocol#RDP} for
     *         a Remote Desktop one
     */
    public WtsProtocol clientProtocol() {
        return WtsProtocol.of(SessionCalls.queryInt(server, id, InfoClass.CLIENT_PROTOCOL_TYPE));
    }

    /**
     * The client's network address (WTSClientAddress): IPv4 read from {@code Address[2]}, IPv6
     * from {@code Address[0]}; see {@link WtsClientAddress} for hosts before Windows 8 / 2012.
     *
     * @return the family and the 20 raw bytes; family {@link WtsClientAddress#FAMILY_UNSPEC}
     *         (no address) for the console and for clients behind an RD Gateway
     */
    public WtsClientAddress clientAddress() {
        return SessionCalls.clientAddress(server, id);
    }

    /**
     * Names, state, counters and times in one call (WTSSessionInfo). The idle time
     * ({@code times().idle()}) is CurrentTime − LastInputTime; for the console session it is
     * not a reliable measure of the user's idleness (see {@link WtsSessionTimes#idle()}).
     *
     * @return the WTSINFOW reply: state, WinStation, user and domain names, byte and frame
     *         counters, and the times
     */
    public WtsSessionInfo info() {
        return SessionCalls.info(server, id);
    }

    /**
     * Logon, connect, disconnect, last-input and current time (from WTSSessionInfo): the same
     * query as {@link #info()}, keeping only the times.
     *
     * @return the session's times; a time Windows leaves at 0 (e.g. no disconnect yet) is empty
     */
    public WtsSessionTimes times() {
        return SessionCalls.info(server, id).times();
    }

    /**
     * WTSSessionInfoEx: names, state, lock state, counters and times.
     *
     * @return the WTSINFOEX_LEVEL1_W reply; its lock state already corrected for Windows 7 /
     *         Server 2008 R2 on the local server (see {@link #lockState()})
     */
    public WtsSessionInfoEx infoEx() {
        return SessionCalls.infoEx(server, id);
    }

    /**
     * Whether the session is locked (WTSSessionInfoEx). Windows 7 and Server 2008 R2 report
     * LOCK and UNLOCK swapped. For the local server this is undone from the OS version; a
     * remote server's version is not known here, so its answer is read as Windows 8 / Server
     * 2012 or later reports it. For a 2008 R2 host, map the raw flags yourself:
     * {@code WtsLockState.fromSessionFlags(session.infoEx().sessionFlags(), "Windows Server 2008 R2", "6.1")}.
     *
     * @return {@link WtsLockState#LOCKED}, {@link WtsLockState#UNLOCKED}, or
     *         {@link WtsLockState#UNKNOWN} when Windows reports neither (SessionFlags
     *         WTS_SESSIONSTATE_UNKNOWN)
     */
    public WtsLockState lockState() {
        return SessionCalls.infoEx(server, id).lockState();
    }

    /**
     * What the client told the server, in one reply (WTSClientInfo).
     *
     * @return the WTSCLIENTW reply: the client's name, domain, user, address, display,
     *         encryption level, build, product and device ids, buffers
     */
    public WtsClientInfo clientInfo() {
        return SessionCalls.clientInfo(server, id);
    }

    /**
     * The client's display (WTSClientDisplay).
     *
     * @return the WTS_CLIENT_DISPLAY reply: width and height in pixels and Windows' colour
     *         depth code
     */
    public WtsClientDisplay clientDisplay() {
        return SessionCalls.clientDisplay(server, id);
    }

    /**
     * The session's configuration (WTSConfigInfo).
     *
     * @return the WTSCONFIGINFOW reply: drive and printer mapping at logon, the remote-control
     *         setting, the logon user and domain, the initial program and its directory
     */
    public WtsConfigInfo configInfo() {
        return SessionCalls.configInfo(server, id);
    }

    /**
     * The initial program Windows started in the session (WTSInitialProgram).
     *
     * @return its command line; empty when the session runs the normal shell
     */
    public String initialProgram() {
        return SessionCalls.queryString(server, id, InfoClass.INITIAL_PROGRAM);
    }

    /**
     * The published application's name (WTSApplicationName).
     *
     * @return the name; empty when the session is not a published application's
     */
    public String applicationName() {
        return SessionCalls.queryString(server, id, InfoClass.APPLICATION_NAME);
    }

    /**
     * The initial program's working directory (WTSWorkingDirectory).
     *
     * @return the directory's path; empty when none is configured
     */
    public String workingDirectory() {
        return SessionCalls.queryString(server, id, InfoClass.WORKING_DIRECTORY);
    }

    /**
     * The session id as Windows reports it (WTSSessionId): a check that the id asked for is
     * the session Windows answered for.
     *
     * @return the DWORD Windows returned; normally equal to {@link #id()}
     */
    public int reportedId() {
        return SessionCalls.queryInt(server, id, InfoClass.SESSION_ID);
    }

    /**
     * The client's build number (WTSClientBuildNumber, a ULONG).
     *
     * @return the RDP client's build, 0 to 4294967295 (unsigned); 0 for the console
     */
    public long clientBuildNumber() {
        return SessionCalls.queryLong(server, id, InfoClass.CLIENT_BUILD_NUMBER);
    }

    /**
     * The directory the client is installed in (WTSClientDirectory).
     *
     * @return a path on the client machine, as the client reported it; empty for the console
     */
    public String clientDirectory() {
        return SessionCalls.queryString(server, id, InfoClass.CLIENT_DIRECTORY);
    }

    /**
     * The client's product id (WTSClientProductId, a USHORT).
     *
     * @return 0 to 65535 (unsigned)
     */
    public int clientProductId() {
        return (int) SessionCalls.queryLong(server, id, InfoClass.CLIENT_PRODUCT_ID);
    }

    /**
     * The client's hardware id (WTSClientHardwareId; documented as reserved, always 0).
     *
     * @return the ULONG Windows returned, unsigned
     */
    public long clientHardwareId() {
        return SessionCalls.queryLong(server, id, InfoClass.CLIENT_HARDWARE_ID);
    }

    /**
     * WTSIdleTime. <b>Fails with {@link WtsException#ERROR_NOT_SUPPORTED} on Windows 7 / Server
     * 2008 R2 and later</b>; use {@code info().times().idle()} instead.
     *
     * @return the idle time, read from the reply's 100 ns units (unsigned)
     * @throws WtsException {@link WtsException#ERROR_NOT_SUPPORTED} on current Windows
     */
    public Duration idleTime() {
        return SessionCalls.idleTime(server, id);
    }

    /**
     * WTSLogonTime. <b>Fails with {@link WtsException#ERROR_NOT_SUPPORTED} on Windows 7 / Server
     * 2008 R2 and later</b>; use {@code info().times().logon()} instead.
     *
     * @return the logon time, from the reply's FILETIME (UTC)
     * @throws WtsException {@link WtsException#ERROR_NOT_SUPPORTED} on current Windows
     */
    public Instant logonTime() {
        return FileTimes.toInstant(SessionCalls.queryLong(server, id, InfoClass.LOGON_TIME));
    }

    /**
     * WTSIncomingBytes, WTSOutgoingBytes, WTSIncomingFrames or WTSOutgoingFrames. <b>These fail
     * with {@link WtsException#ERROR_NOT_SUPPORTED} on Windows 7 / Server 2008 R2 and later</b>;
     * use {@code info().counters()} instead.
     *
     * @param counter {@link WtsInfoClass#INCOMING_BYTES}, {@link WtsInfoClass#OUTGOING_BYTES},
     *                {@link WtsInfoClass#INCOMING_FRAMES} or {@link WtsInfoClass#OUTGOING_FRAMES}
     * @return the count since the session connected, as Windows returned it (zero-extended)
     * @throws IllegalArgumentException for any other class
     */
    public long counter(WtsInfoClass counter) {
        return SessionCalls.counter(server, id, counter);
    }

    /**
     * The session's virtual IPv4 address (WTSSessionAddressV4); empty if the reply has no IPv4
     * address. Windows fails with {@link WtsException#ERROR_NOT_SUPPORTED} where the session
     * has no virtual IP.
     *
     * @return the session's own address (Remote Desktop IP Virtualization): the
     *         WTS_SESSION_ADDRESS reply, read as {@link WtsClientAddress#address()} reads a
     *         client's (an AF_INET address from {@code Address[2..5]})
     */
    public Optional<InetAddress> sessionAddressV4() {
        return SessionCalls.sessionAddressV4(server, id);
    }

    /**
     * Whether this is a remote (RDP) session (WTSIsRemoteSession). Microsoft documents the class
     * as telling "whether the current session is a remote session", for the local server only:
     * it is asked for the session this JVM runs in. For any other session use
     * {@code clientProtocol() != WtsProtocol.CONSOLE}.
     *
     * @return true when this JVM's session is an RDP session, false on the console
     * @throws UnsupportedOperationException for a session other than {@link #current()}
     */
    public boolean isRemote() {
        requireLocal("WTSIsRemoteSession");
        return SessionCalls.isRemoteSession(id);
    }

    /**
     * The raw reply of any info class, as Windows returned it (WTSQuerySessionInformationW):
     * for the classes this library has no record of, or to decode a reply yourself.
     *
     * @param infoClass the WTS_INFO_CLASS to ask for
     * @return a copy of the buffer, as many bytes as pBytesReturned said: strings as UTF-16LE
     *         with their NUL, structures in the layout of the machine that answered
     * @throws WtsException if Windows refuses the class (e.g. {@link WtsException#ERROR_NOT_SUPPORTED})
     */
    public byte[] queryRaw(WtsInfoClass infoClass) {
        return SessionCalls.queryRaw(server, id, infoClass);
    }

    /**
     * Everything WTSQuerySessionInformationW tells about the session, one query per info class.
     * A class this Windows does not answer (ERROR_NOT_SUPPORTED, ERROR_CALL_NOT_IMPLEMENTED,
     * ERROR_INVALID_PARAMETER, or a failure that sets no error code at all, as Wine's wtsapi32
     * gives for all but three classes) is an empty field; any other failure fails the snapshot,
     * e.g. a session that ended meanwhile ({@link WtsException#isNoSuchSession()}).
     *
     * @return one field per info class; {@code isRemoteSession} is given only for this JVM's
     *         own session on the local server, empty for any other
     */
    public WtsSessionSnapshot snapshot() {
        return SessionCalls.snapshot(server, id);
    }

    // ---- session control ----

    /**
     * Logs the session off (WTSLogoffSession); with wait, returns when the logoff is done. A
     * session that does not exist: {@link WtsException#isNoSuchSession()}.
     *
     * @param wait true: return when the session is logged off (bWait TRUE); false: return as
     *             soon as Windows has started the logoff
     */
    public void logoff(boolean wait) {
        SessionActions.logoff(server, id, wait);
    }

    /**
     * Disconnects the session, leaving the user logged on (WTSDisconnectSession). A session
     * that does not exist: {@link WtsException#isNoSuchSession()}.
     *
     * @param wait true: return when the session is disconnected (bWait TRUE); false: return
     *             as soon as Windows has started the disconnect
     */
    public void disconnect(boolean wait) {
        SessionActions.disconnect(server, id, wait);
    }

    /**
     * Shows a message box in the session (WTSSendMessageW).
     *
     * @param title   the caption; an empty title is sent as one space (some Windows versions
     *                misbehave on an empty one); at most {@link #MAX_MESSAGE_TITLE_LENGTH}
     * @param message the text, at most {@link #MAX_MESSAGE_LENGTH}
     * @param style   buttons, icon, default button, modality
     * @param timeout how long to wait for an answer, in whole seconds (a fraction rounds up);
     *                {@link Duration#ZERO} waits forever. It bounds the <em>wait</em>: without
     *                wait the call returns at once whatever the timeout (Microsoft: "the function
     *                returns immediately and pResponse returns IDASYNC"), so no
     *                {@link WtsMessageResponse#TIMEOUT} ever comes back and the caller never
     *                learns the answer
     * @param wait    false: return at once with {@link WtsMessageResponse#ASYNC}; true: block
     *                until the user answers or the timeout runs out ({@link WtsMessageResponse#TIMEOUT})
     * @return the button pressed, {@link WtsMessageResponse#TIMEOUT} or {@link WtsMessageResponse#ASYNC}
     * @throws IllegalArgumentException for texts with NUL or over the limits, a negative
     *                                  timeout or one over 4294967295 seconds
     */
    public WtsMessageReply sendMessage(String title, String message, WtsMessageStyle style, Duration timeout,
                                       boolean wait) {
        return SessionActions.sendMessage(server, id, title, message, style, timeout, wait);
    }

    // ---- programs in the session (this machine only) ----

    /**
     * Starts a program on the session's desktop — what installers and services running as
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
     * @param commandLine the command line, as CreateProcess parses it (quote paths with
     *                    spaces, see above); not empty, no NUL, at most 32766 characters
     * @param options     directory, environment, desktop, window, elevation
     * @return the started program; close it to release its handle
     * @throws IllegalArgumentException an empty or over-long line, a NUL, or an unquoted program
     *                                  path with a space in it (see above)
     * @throws UnsupportedOperationException for a session of a remote server (WTSQueryUserToken
     *                                  works on this machine only)
     * @throws WtsNoUserException nobody is logged on to the session (1008)
     * @throws WtsException       from WTSQueryUserToken: 1314 or 5 when the caller is not
     *                            LocalSystem with SE_TCB_NAME, 2 for a session that does not exist
     *                            (documented; {@link WtsException#isNoSuchSession()} is true, also
     *                            for a 7022); from CreateProcessAsUserW: 2/3/5 for a program that
     *                            is not there or not allowed (isNoSuchSession() false); each
     *                            names its function
     */
    public WtsStartedProcess startProcess(String commandLine, WtsStartOptions options) {
        requireLocal("WTSQueryUserToken");
        return SessionActions.startProcess(id, commandLine, options);
    }

    /**
     * Starts a program given by its full path on the session's desktop, as
     * {@link #startProcess(String, WtsStartOptions)} does, but passes the path to
     * CreateProcessAsUserW as lpApplicationName: Windows runs exactly that file — it does not
     * search for it, try ".exe" after each space, or read the program out of the command
     * line. The command line the program sees is {@code WtsCommandLine.of(path + arguments)},
     * so its {@code argv[0]} is the path and each argument arrives whole.
     *
     * @param applicationPath the program's absolute path ({@code C:\...} or {@code \\server\share\...})
     *                        with its extension — Windows assumes none and does not search
     * @param arguments       the arguments, each passed as one argument (may be empty)
     * @param options         directory, environment, desktop, window, elevation
     * @return the started program; close it to release its handle
     * @throws IllegalArgumentException a relative path, one without an extension, one with a
     *                                  double quote or NUL, or a command line over 32766 characters
     * @throws UnsupportedOperationException for a session of a remote server
     * @throws WtsNoUserException       nobody is logged on to the session (1008)
     * @throws WtsException             as {@link #startProcess(String, WtsStartOptions)}
     */
    public WtsStartedProcess startApplication(String applicationPath, List<String> arguments, WtsStartOptions options) {
        requireLocal("WTSQueryUserToken");
        return SessionActions.startApplication(id, applicationPath, arguments, options);
    }

    /**
     * The primary token of the session's user (WTSQueryUserToken); needs LocalSystem with
     * SE_TCB_NAME. Close it.
     *
     * @return the open token handle of the user logged on to this session
     * @throws UnsupportedOperationException for a session of a remote server
     * @throws WtsNoUserException nobody is logged on to the session (1008)
     */
    public WtsUserToken userToken() {
        requireLocal("WTSQueryUserToken");
        return WtsUserToken.query(id);
    }

    // ---- remote control and connect ----

    /**
     * Starts remote control (shadowing) of this session from the caller's own session
     * (WTSStartRemoteControlSessionW, with the server's name for a remote one); the hotkey ends
     * it. Must be called from a remote session. Microsoft documents no error codes for it; the
     * ERROR_CTX_* codes for the cases are 7044 ERROR_CTX_SHADOW_DENIED (the user refused or
     * policy forbids), 7045 ERROR_CTX_WINSTATION_ACCESS_DENIED, 7050 ERROR_CTX_SHADOW_INVALID
     * (e.g. shadowing oneself), 7051 ERROR_CTX_SHADOW_DISABLED; a session that does not exist:
     * {@link WtsException#isNoSuchSession()}.
     *
     * @param hotkey the virtual key and modifiers the viewer presses to end the remote control
     */
    public void startRemoteControl(WtsHotkey hotkey) {
        SessionActions.startRemoteControl(server, id, hotkey);
    }

    /**
     * Stops the remote control of this session (WTSStopRemoteControlSession, this machine only).
     * The ERROR_CTX_* code for nobody shadowing it is 7057 ERROR_CTX_SHADOW_NOT_RUNNING.
     *
     * @throws UnsupportedOperationException for a session of a remote server
     */
    public void stopRemoteControl() {
        requireLocal("WTSStopRemoteControlSession");
        SessionActions.stopRemoteControl(id);
    }

    /**
     * Connects this session to the session {@code target} (WTSConnectSessionW, this machine
     * only): the target's client then shows this session's desktop — the "Connect" of Task
     * Manager's Users tab. The password is that of this session's user (may be empty when the
     * caller is that user).
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
     *
     * @param target   the session whose client is to show this session; a session of this
     *                 machine
     * @param password this session's user's password; not copied into any String, not
     *                 cleared; no NUL
     * @param wait     true: return when the connection is made (bWait TRUE)
     * @throws IllegalArgumentException      for a password with a NUL
     * @throws UnsupportedOperationException for sessions of a remote server
     */
    public void connectTo(WtsSession target, char[] password, boolean wait) {
        Objects.requireNonNull(target, "target");
        requireLocal("WTSConnectSessionW");
        target.requireLocal("WTSConnectSessionW");
        SessionActions.connect(id, target.id, password, wait);
    }

    /**
     * {@link #connectTo} the caller's own session (LOGONID_CURRENT): what tscon does.
     *
     * @param password this session's user's password, as for {@link #connectTo}
     * @param wait     true: return when the connection is made (bWait TRUE)
     * @throws IllegalArgumentException      for a password with a NUL
     * @throws UnsupportedOperationException for a session of a remote server
     */
    public void connectToCurrent(char[] password, boolean wait) {
        requireLocal("WTSConnectSessionW");
        SessionActions.connectToCurrent(id, password, wait);
    }

    /** Functions that take no server reach this machine only. */
    private void requireLocal(String function) {
        if (!server.isLocal()) {
            throw new UnsupportedOperationException(function + " works on this machine's sessions only, not on "
                    + server.name().orElse("a remote server") + "'s session " + id);
        }
    }
}
