package io.github.wtsbridge.internal;

/**
 * The session natives (native/src/jni_sessions.c). Flat marshalling: one JNI call per
 * Windows call, primitive arrays and strings out, records built in Java. Callers check
 * arguments and call {@link NativeLibrary#ensureLoaded()} first.
 */
public final class SessionsNative {
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
     * WTSSessionInfo: fills numbers ({@link FlatLayouts} SESSION_INFO_NUMBERS_*), returns the texts
     * ({@link FlatLayouts} SESSION_INFO_TEXTS_*).
     */
    public static native String[] querySessionInfo(long server, int session, long[] numbers);

    /** WTSGetActiveConsoleSessionId, raw (0xFFFFFFFF = none). */
    public static native int activeConsoleSessionId();

    /** ProcessIdToSessionId(GetCurrentProcessId()). */
    public static native int currentSessionId();
}
