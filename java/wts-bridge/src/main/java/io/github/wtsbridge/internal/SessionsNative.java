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

    /** The small listing of {@link #enumerateSessions}: at most this many sessions … */
    public static final int SMALL_SESSIONS = 8;
    /** … whose names take at most this many UTF-16 units (native/src/jni_sessions.c: the same). */
    public static final int SMALL_NAME_UNITS = 128;

    /**
     * WTSEnumerateSessionsW. A small listing (above) fills {@code small} (1 + SMALL_SESSIONS *
     * {@link FlatLayouts} SESSION_LIST_COUNT ints: the count, then SESSION_LIST_* per session)
     * and {@code smallNames} (SMALL_NAME_UNITS: the names one after another) and returns null: the
     * shim makes no Java object. A larger one returns {int[] SESSION_LIST_* per session, the names
     * one after another ({@link FlatNames}: byte[] Latin-1 or char[] UTF-16)}. Either is cut by
     * the lengths (io.github.wtsbridge.SessionRecords#sessions).
     */
    public static native Object[] enumerateSessions(long server, int[] small, char[] smallNames);

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
