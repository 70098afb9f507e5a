package io.github.wtsbridge;

import io.github.wtsbridge.internal.Checks;
import io.github.wtsbridge.internal.NativeHandle;
import io.github.wtsbridge.internal.NativeLibrary;
import io.github.wtsbridge.internal.ServersNative;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.LongToIntFunction;

/**
 * The Terminal Server that calls go to. {@link #local()} is this machine
 * (WTS_CURRENT_SERVER_HANDLE) and needs no closing; {@link #open(String)} opens a handle to
 * another server (WTSOpenServerW), which {@link #close()} releases (WTSCloseServer).
 *
 * <p>Every call made with a server goes through its handle. Closing is idempotent; a call on
 * a closed server throws {@link IllegalStateException} without reaching Windows. A close
 * that races a call on another thread never pulls the handle from under it: the handle is
 * closed when the last call using it returns. A server that is never closed is closed by a
 * Cleaner once it is unreachable — a safety net, not a substitute for
 * try-with-resources.
 *
 * <p>Windows may hand out a handle for a name that does not resolve; the failure
 * ({@link WtsException#RPC_S_SERVER_UNAVAILABLE}, 1722) then shows on the first call.
 */
public final class WtsServer implements AutoCloseable {
    /** Longest server name accepted (a DNS name is at most 255 characters, plus a "\\\\" prefix). */
    public static final int MAX_NAME_LENGTH = 257;
    /** Longest domain name accepted by {@link #enumerate(String)}. */
    public static final int MAX_DOMAIN_LENGTH = 255;

    private static final WtsServer LOCAL = new WtsServer();

    private final String name;
    private final NativeHandle handle; // null for the local server

    private WtsServer() {
        this.name = null;
        this.handle = null;
    }

    private WtsServer(String name, long value) {
        this.name = name;
        this.handle = new NativeHandle(this, value, ServersNative::close, "the server " + name);
    }

    /**
     * This machine (WTS_CURRENT_SERVER_HANDLE). Closing it does nothing.
     *
     * @return the one instance for the local server
     */
    public static WtsServer local() {
        return LOCAL;
    }

    /**
     * Opens a handle to a Terminal Server by NetBIOS or DNS name (WTSOpenServerW).
     *
     * @param name the server's NetBIOS or DNS name, as {@code mstsc} would take it
     * @return the open server; close it (try-with-resources) to release the handle
     * @throws NullPointerException     if name is null
     * @throws IllegalArgumentException if name is empty, longer than {@link #MAX_NAME_LENGTH}
     *                                  or contains NUL
     * @throws WtsException             if Windows refuses (an unreachable server usually fails
     *                                  only on the first call made with it)
     */
    public static WtsServer open(String name) {
        Checks.text(name, "server name", MAX_NAME_LENGTH);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("server name must not be empty; use WtsServer.local()");
        }
        NativeLibrary.ensureLoaded();
        long value = ServersNative.open(Checks.nulTerminated(name));
        return new WtsServer(name, value);
    }

    /**
     * The Terminal Servers of the caller's domain (WTSEnumerateServersW with no domain).
     *
     * @return the servers' names, unmodifiable; empty where NetBIOS browsing finds none
     */
    public static List<String> enumerate() {
        NativeLibrary.ensureLoaded();
        return Collections.unmodifiableList(Arrays.asList(ServersNative.enumerateServers(null)));
    }

    /**
     * The Terminal Servers of a domain (WTSEnumerateServersW). Windows finds them through
     * NetBIOS browsing; where that is off the list is empty or the call fails.
     *
     * @param domain the NetBIOS name of the domain to browse
     * @return the servers' names, unmodifiable
     * @throws IllegalArgumentException if domain is empty, too long or contains NUL
     */
    public static List<String> enumerate(String domain) {
        Checks.text(domain, "domain", MAX_DOMAIN_LENGTH);
        if (domain.isEmpty()) {
            throw new IllegalArgumentException("domain must not be empty; use enumerate() for the caller's domain");
        }
        NativeLibrary.ensureLoaded();
        return Collections.unmodifiableList(Arrays.asList(ServersNative.enumerateServers(Checks.nulTerminated(domain))));
    }

    // ---- sessions ----

    /**
     * The sessions on this server (WTSEnumerateSessionsW), listeners and services' session 0
     * included.
     *
     * @return one entry per session, in Windows' order, unmodifiable
     */
    public List<WtsSessionEntry> sessions() {
        return SessionCalls.list(this);
    }

    /**
     * The sessions on this server with host, user, domain and farm names
     * (WTSEnumerateSessionsExW level 1).
     *
     * @return one record per session, unmodifiable
     */
    public List<WtsSessionEx> sessionsEx() {
        return SessionCalls.listEx(this);
    }

    /**
     * The session with this id on this server. Asks Windows nothing: a session that does not
     * exist fails on its first query ({@link WtsException#isNoSuchSession()}).
     *
     * @param id the session id (as {@code query session} shows it)
     * @return the session entity on this server
     * @throws IllegalArgumentException for a negative id (Windows' ids are DWORDs below 2^31)
     */
    public WtsSession session(int id) {
        return new WtsSession(this, id);
    }

    // ---- processes ----

    /**
     * The processes on this server (WTSEnumerateProcessesW). Without administrator rights,
     * Windows lists other users' processes without their SID.
     *
     * @return one record per process, unmodifiable
     */
    public List<WtsProcess> processes() {
        return ProcessCalls.list(this);
    }

    /**
     * The processes of one session: {@link #processes()} filtered by session id.
     *
     * @param sessionId the session whose processes to keep
     * @return the processes of that session, unmodifiable (empty for a session without any)
     */
    public List<WtsProcess> processes(int sessionId) {
        Checks.sessionId(sessionId);
        return processes().stream().filter(p -> p.sessionId() == sessionId).toList();
    }

    /**
     * Every process on this server with counters and CPU times (WTSEnumerateProcessesExW level
     * 1, WTS_ANY_SESSION). Seeing other users' processes needs Administrators.
     *
     * @return one record per process, unmodifiable
     */
    public List<WtsProcessEx> processesEx() {
        return ProcessCalls.listEx(this);
    }

    /**
     * The processes of one session with counters and CPU times (WTSEnumerateProcessesExW level 1,
     * asked for that session).
     *
     * @param sessionId the session to list
     * @return one record per process of that session, unmodifiable
     */
    public List<WtsProcessEx> processesEx(int sessionId) {
        return ProcessCalls.listEx(this, sessionId);
    }

    /**
     * Terminates a process on this server (WTSTerminateProcess); {@code exitCode} is the DWORD
     * the process ends with (read as unsigned by Windows).
     *
     * @param pid      the process id, a DWORD
     * @param exitCode the exit code the process is given
     * @throws IllegalArgumentException for a pid outside 0 to 4294967295
     */
    public void terminateProcess(long pid, int exitCode) {
        ProcessCalls.terminate(this, pid, exitCode);
    }

    // ---- the server itself ----

    /**
     * Shuts this server down (WTSShutdownSystem). The flags: {@link WtsShutdownFlag#LOGOFF}, at
     * most one of SHUTDOWN / REBOOT / POWEROFF / FASTREBOOT, or LOGOFF with one of them.
     *
     * <p>On the local server the caller's SE_SHUTDOWN_NAME is enabled for the call and put
     * back after it, as shutdown.exe does: an administrator holds it, but disabled (the
     * thread's token if it impersonates, else the process's). A remote server checks its own
     * rights for the caller (SE_REMOTE_SHUTDOWN_NAME there); nothing is adjusted for it.
     *
     * @param flags what to do: the WTS_WSD_* flags, combined
     * @throws IllegalArgumentException for an empty set or two power actions
     * @throws WtsException             1314 from AdjustTokenPrivileges when the token does not
     *                                  hold SE_SHUTDOWN_NAME at all (nothing was shut down); 5
     *                                  or 1314 from WTSShutdownSystem when a server refuses
     */
    public void shutdown(Set<WtsShutdownFlag> flags) {
        ShutdownCall.shutdownSystem(this, flags);
    }

    // ---- per-user Remote Desktop configuration (WTSQueryUserConfigW / WTSSetUserConfigW) ----
    // These Windows functions take a server name, not a handle: this server's name (none for
    // the local one). Account data usually lives on a domain controller: open the DC by name.

    /**
     * One setting of a user's configuration (WTSQueryUserConfigW), e.g.
     * {@code userConfig("alice", WtsUserSetting.PROFILE_PATH)}.
     *
     * @param <T>     the setting's Java type
     * @param user    the account name, without a domain (the server decides where it lives)
     * @param setting which setting
     * @return the setting's value, converted to its Java type
     */
    public <T> T userConfig(String user, WtsUserSetting<T> setting) {
        return UserConfigCalls.getConfig(UserConfigCalls.nameOf(this), user, setting);
    }

    /**
     * The DWORD Windows stores for a number setting (flags, timers in ms, enum codes), for
     * values newer than this library (an enum's UNKNOWN).
     *
     * @param user    the account name
     * @param setting a number setting
     * @return the DWORD as stored, unconverted
     */
    public int userConfigRaw(String user, WtsUserSetting<?> setting) {
        return UserConfigCalls.getConfigRaw(UserConfigCalls.nameOf(this), user, setting);
    }

    /**
     * Changes one setting of a user's configuration. Only a {@link WtsUserSetting.Writable} is
     * accepted: {@link WtsUserSetting#REMOTE_HOME_DIRECTORY}, which Windows documents as not
     * settable, does not compile here.
     *
     * @param <T>     the setting's Java type
     * @param user    the account name
     * @param setting which setting
     * @param value   the new value (WTSSetUserConfigW)
     */
    public <T> void setUserConfig(String user, WtsUserSetting.Writable<T> setting, T value) {
        UserConfigCalls.setConfig(UserConfigCalls.nameOf(this), user, setting, value);
    }

    /**
     * A user's whole configuration in one call (WTSUserConfigUser).
     *
     * @param user the account name
     * @return every setting, read at once
     */
    public WtsUserConfig userConfig(String user) {
        return UserConfigCalls.getConfig(UserConfigCalls.nameOf(this), user);
    }

    /**
     * Writes a user's whole configuration in one call (WTSUserConfigUser, a WTSUSERCONFIGW).
     * The record's {@code remoteHomeDirectory} is passed in the structure's
     * TerminalServerRemoteHomeDir field as it is; Microsoft documents the matching class as not
     * settable and says nothing of the field here, so do not count on it being stored: Windows
     * derives it from the home directory and its drive. Read the configuration back to see
     * what Windows kept.
     *
     * @param user   the account name
     * @param config every setting to write
     */
    public void setUserConfig(String user, WtsUserConfig config) {
        UserConfigCalls.setConfig(UserConfigCalls.nameOf(this), user, config);
    }

    /**
     * Whether this is {@link #local()}.
     *
     * @return true for the local server
     */
    public boolean isLocal() {
        return handle == null;
    }

    /**
     * Whether calls can still use this server.
     *
     * @return false once {@link #close()} was called; always true for {@link #local()}
     */
    public boolean isOpen() {
        return handle == null || handle.isOpen();
    }

    /**
     * The server's name as it was opened.
     *
     * @return the name given to {@link #open(String)}; empty for the local server
     */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /**
     * Releases the handle (WTSCloseServer) — at once, or when the last call still using it
     * on another thread returns. Idempotent; for {@link #local()} nothing happens.
     */
    @Override
    public void close() {
        if (handle != null) {
            handle.close();
        }
    }

    @Override
    public String toString() {
        return isLocal() ? "WtsServer[local]" : "WtsServer[" + name + (isOpen() ? "]" : ", closed]");
    }

    /** The handle for a call that is not tracked (see {@link #call}); checked to be open. */
    long handle() {
        return handle == null ? 0L : handle.use(value -> value);
    }

    /**
     * Runs one native call with this server's handle: loads the library, throws
     * {@link IllegalStateException} if closed, and keeps the handle open until the call returns.
     */
    <T> T call(LongFunction<T> nativeCall) {
        if (handle == null) {
            NativeLibrary.ensureLoaded();
            return nativeCall.apply(0L);
        }
        return handle.use(nativeCall); // open() loaded the library
    }

    int callInt(LongToIntFunction nativeCall) {
        return call(value -> nativeCall.applyAsInt(value));
    }

    void run(LongConsumer nativeCall) {
        call(value -> {
            nativeCall.accept(value);
            return null;
        });
    }
}
