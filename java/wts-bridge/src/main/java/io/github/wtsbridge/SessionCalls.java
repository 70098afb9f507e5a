package io.github.wtsbridge;

import io.github.wtsbridge.internal.Checks;
import io.github.wtsbridge.internal.ControlNative;
import io.github.wtsbridge.internal.EnumExNative;
import io.github.wtsbridge.internal.FileTimes;
import io.github.wtsbridge.internal.FlatLayouts;
import io.github.wtsbridge.internal.FlatNames;
import io.github.wtsbridge.internal.InfoClass;
import io.github.wtsbridge.internal.Launcher;
import io.github.wtsbridge.internal.NativeLibrary;
import io.github.wtsbridge.internal.RemoteNative;
import io.github.wtsbridge.internal.SessionInfoNative;
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
final class SessionCalls {
    /** WTSGetActiveConsoleSessionId's value when no session is attached to the console. */
    static final int NO_CONSOLE_SESSION = 0xFFFF_FFFF;

    private SessionCalls() {
    }

    /** The sessions on a server (WTSEnumerateSessionsW). */
    public static List<WtsSessionEntry> list(WtsServer server) {
        Objects.requireNonNull(server, "server");
        int[] small = new int[1 + SessionsNative.SMALL_SESSIONS * FlatLayouts.SESSION_LIST_COUNT];
        char[] smallNames = new char[SessionsNative.SMALL_NAME_UNITS];
        Object[] large = server.call(h -> SessionsNative.enumerateSessions(h, small, smallNames));
        if (large == null) {
            return SessionRecords.sessions(server, small, 1, small[0], smallNames);
        }
        int[] v = (int[]) large[0];
        return SessionRecords.sessions(server, v, 0, v.length / FlatLayouts.SESSION_LIST_COUNT, large[1]);
    }

    /** The session this JVM runs in (ProcessIdToSessionId of the current process). */
    public static int currentSessionId() {
        NativeLibrary.ensureLoaded();
        return SessionsNative.currentSessionId();
    }

    /** The client's network address (WTSClientAddress). */
    public static WtsClientAddress clientAddress(WtsServer server, int sessionId) {
        Objects.requireNonNull(server, "server");
        int session = Checks.sessionId(sessionId);
        byte[] raw = new byte[20];
        int family = server.callInt(h -> SessionInfoNative.queryAddress(h, session, InfoClass.CLIENT_ADDRESS, raw));
        return new WtsClientAddress(family, raw);
    }

    /** What {@link WtsSession#info} does; documented there. */
    public static WtsSessionInfo info(WtsServer server, int sessionId) {
        Objects.requireNonNull(server, "server");
        int session = Checks.sessionId(sessionId);
        long[] n = new long[FlatLayouts.SESSION_INFO_NUMBERS_COUNT + FlatLayouts.SESSION_INFO_TEXTS_COUNT];
        char[] u = new char[SessionsNative.SESSION_INFO_TEXT_UNITS];
        server.run(h -> SessionsNative.querySessionInfo(h, session, n, u));
        return SessionRecords.info(n, FlatNames.texts(n, FlatLayouts.SESSION_INFO_NUMBERS_COUNT,
                FlatLayouts.SESSION_INFO_TEXTS_COUNT, u));
    }

    // ---- every other info class ----

    /** The client's display (WTSClientDisplay). */
    public static WtsClientDisplay clientDisplay(WtsServer server, int sessionId) {
        Objects.requireNonNull(server, "server");
        int session = Checks.sessionId(sessionId);
        int[] v = new int[FlatLayouts.CLIENT_DISPLAY_COUNT];
        server.run(h -> SessionInfoNative.queryClientDisplay(h, session, v));
        return SessionRecords.clientDisplay(v);
    }

    /** What {@link WtsSession#idleTime} does; documented there. */
    public static Duration idleTime(WtsServer server, int sessionId) {
        long ticks = queryLong(server, sessionId, InfoClass.IDLE_TIME);
        return Duration.ofSeconds(Long.divideUnsigned(ticks, 10_000_000L), Long.remainderUnsigned(ticks, 10_000_000L) * 100);
    }

    /** What {@link WtsSession#counter} does; documented there. */
    public static long counter(WtsServer server, int sessionId, WtsInfoClass counter) {
        Objects.requireNonNull(counter, "counter");
        if (counter.code() < InfoClass.INCOMING_BYTES || counter.code() > InfoClass.OUTGOING_FRAMES) {
            throw new IllegalArgumentException(counter + " is not one of the byte/frame counter classes");
        }
        return queryLong(server, sessionId, counter.code());
    }

    /** What the client told the server, in one reply (WTSClientInfo). */
    public static WtsClientInfo clientInfo(WtsServer server, int sessionId) {
        Objects.requireNonNull(server, "server");
        int session = Checks.sessionId(sessionId);
        long[] n = new long[FlatLayouts.CLIENT_INFO_NUMBERS_COUNT + FlatLayouts.CLIENT_INFO_TEXTS_COUNT];
        char[] u = new char[SessionInfoNative.CLIENT_INFO_TEXT_UNITS];
        byte[] address = new byte[SessionInfoNative.CLIENT_INFO_ADDRESS_BYTES];
        server.run(h -> SessionInfoNative.queryClientInfo(h, session, n, u, address));
        String[] t = FlatNames.texts(n, FlatLayouts.CLIENT_INFO_NUMBERS_COUNT, FlatLayouts.CLIENT_INFO_TEXTS_COUNT, u);
        return SessionRecords.clientInfo(n, t, address);
    }

    /** WTSSessionInfoEx: names, state, lock state, counters and times. */
    public static WtsSessionInfoEx infoEx(WtsServer server, int sessionId) {
        Objects.requireNonNull(server, "server");
        int session = Checks.sessionId(sessionId);
        long[] n = new long[FlatLayouts.SESSION_INFO_EX_NUMBERS_COUNT + FlatLayouts.SESSION_INFO_EX_TEXTS_COUNT];
        char[] u = new char[SessionInfoNative.SESSION_INFO_EX_TEXT_UNITS];
        server.run(h -> SessionInfoNative.querySessionInfoEx(h, session, n, u));
        String[] t = FlatNames.texts(n, FlatLayouts.SESSION_INFO_EX_NUMBERS_COUNT,
                FlatLayouts.SESSION_INFO_EX_TEXTS_COUNT, u);
        return SessionRecords.infoEx(n, t, server.isLocal());
    }

    /** The session's configuration (WTSConfigInfo). */
    public static WtsConfigInfo configInfo(WtsServer server, int sessionId) {
        Objects.requireNonNull(server, "server");
        int session = Checks.sessionId(sessionId);
        long[] n = new long[FlatLayouts.CONFIG_INFO_NUMBERS_COUNT + FlatLayouts.CONFIG_INFO_TEXTS_COUNT];
        char[] u = new char[SessionInfoNative.CONFIG_INFO_TEXT_UNITS];
        server.run(h -> SessionInfoNative.queryConfigInfo(h, session, n, u));
        String[] t = FlatNames.texts(n, FlatLayouts.CONFIG_INFO_NUMBERS_COUNT, FlatLayouts.CONFIG_INFO_TEXTS_COUNT, u);
        return SessionRecords.configInfo(n, t);
    }

    /** What {@link WtsSession#sessionAddressV4} does; documented there. */
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
     * @throws UnsupportedOperationException for an id other than {@link #currentSessionId()}
     */
    public static boolean isRemoteSession(int sessionId) {
        Checks.sessionId(sessionId);
        int current = currentSessionId();
        if (sessionId != current) {
            throw new UnsupportedOperationException("WTSIsRemoteSession answers for the caller's own session only"
                    + " (this process runs in session " + Integer.toUnsignedString(current) + ", not " + sessionId
                    + "); for another session use clientProtocol()");
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

    /** What {@link WtsSession#snapshot} does; documented there. */
    public static WtsSessionSnapshot snapshot(WtsServer server, int sessionId) {
        WtsSession session = server.session(sessionId);
        return new WtsSessionSnapshot(session.id(),
                optional(session::initialProgram),
                optional(session::applicationName),
                optional(session::workingDirectory),
                optional(session::userName),
                optional(session::winStationName),
                optional(session::domainName),
                optional(session::connectState),
                optionalLong(session::clientBuildNumber),
                optional(session::clientName),
                optional(session::clientDirectory),
                optional(session::clientProductId).map(OptionalInt::of).orElse(OptionalInt.empty()),
                optionalLong(session::clientHardwareId),
                optional(session::clientAddress),
                optional(session::clientDisplay),
                optional(session::clientProtocol),
                optional(session::clientInfo),
                optional(session::info),
                optional(session::infoEx),
                optional(session::configInfo),
                optional(session::sessionAddressV4).flatMap(a -> a),
                server.isLocal() && session.id() == currentSessionId() ? optional(SessionCalls::isRemoteSession)
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

    static long queryLong(WtsServer server, int sessionId, int infoClass) {
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

    /** The sessions on a server with their names (WTSEnumerateSessionsExW level 1). */
    public static List<WtsSessionEx> listEx(WtsServer server) {
        Objects.requireNonNull(server, "server");
        return SessionRecords.sessionsEx(server, server.call(EnumExNative::enumerateSessionsEx));
    }

}
