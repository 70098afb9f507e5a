package io.github.wtsbridge.internal;

/**
 * The session natives (native/src/jni_sessions.c). Flat marshalling: one JNI call per
 * Windows call, primitive arrays and strings out, records built in Java. Callers check
 * arguments and call {@link NativeLibrary#ensureLoaded()} first.
 */
public final class SessionsNative {
    /**
     * The UTF-16 units WTSSessionInfo's texts take at most (WTSINFOW's WinStationName[32],
     * Domain[17] and UserName[21]; native/include/session_query.h asserts the same number).
     */
    public static final int SESSION_INFO_TEXT_UNITS = 70;

    private SessionsNative() {
    }

    /**
     * WTSEnumerateSessionsW: {int[] {@link FlatLayouts} SESSION_LIST_* per session, the WinStation
     * names one after another ({@link FlatNames}: byte[] Latin-1 or char[] UTF-16)}; cut by the
     * lengths. Read by {@link SessionRecords#sessions}.
     */
    public static native Object[] enumerateSessions(long server);

    /** WTSQuerySessionInformationW for a string class. */
    public static native String queryString(long server, int session, int infoClass);

    /**
     * WTSSessionInfo: fills numbers ({@link FlatLayouts} SESSION_INFO_NUMBERS_*, then the length of
     * each of SESSION_INFO_TEXTS_*: SESSION_INFO_NUMBERS_COUNT + SESSION_INFO_TEXTS_COUNT slots) and
     * units ({@link #SESSION_INFO_TEXT_UNITS}) with the texts one after another; read by
     * {@link FlatNames#texts}.
     */
    public static native void querySessionInfo(long server, int session, long[] numbers, char[] units);

    /** WTSGetActiveConsoleSessionId, raw (0xFFFFFFFF = none). */
    public static native int activeConsoleSessionId();

    /** ProcessIdToSessionId(GetCurrentProcessId()). */
    public static native int currentSessionId();
}
