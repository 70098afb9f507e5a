package io.github.wtsbridge;

import io.github.wtsbridge.internal.Checks;
import io.github.wtsbridge.internal.FileTimes;
import io.github.wtsbridge.internal.FlatNames;
import io.github.wtsbridge.internal.InfoClass;
import io.github.wtsbridge.internal.NativeLibrary;
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
        int[] triples = (int[]) raw[0];
        Object names = raw[1];
        int count = triples.length / 3;
        List<WtsSession> sessions = new ArrayList<>(count);
        int nameAt = 0;
        for (int i = 0; i < count; i++) {
            int state = triples[3 * i + 1];
            int nameLength = triples[3 * i + 2];
            String name = FlatNames.cut(names, nameAt, nameLength);
            nameAt += nameLength;
            sessions.add(new WtsSession(triples[3 * i], name, WtsConnectState.of(state), state));
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
}
