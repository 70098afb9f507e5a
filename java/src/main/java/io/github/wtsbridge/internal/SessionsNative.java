package io.github.wtsbridge.internal;

/**
 * The session natives (native/src/jni_sessions.c). Flat marshalling: one JNI call per
 * Windows call, primitive arrays and strings out, records built in Java. Callers check
 * arguments and call {@link NativeLibrary#ensureLoaded()} first.
 */
public final class SessionsNative {
    /** Length of the numbers array {@link #querySessionInfo} fills. */
    public static final int SESSION_INFO_NUMBERS = 13;

    private SessionsNative() {
    }

    /**
     * WTSEnumerateSessionsW: {int[] id/state/nameLength per session, the WinStation names one
     * after another ({@link FlatNames}: byte[] Latin-1 or char[] UTF-16)}; cut by the lengths.
     */
    public static native Object[] enumerateSessions(long server);

    /** WTSQuerySessionInformationW for a string class. */
    public static native String queryString(long server, int session, int infoClass);

    /**
     * WTSSessionInfo: fills numbers[13] (state, id, six counters, connect, disconnect, last
     * input, logon, current FILETIMEs); returns {WinStation name, domain, user name}.
     */
    public static native String[] querySessionInfo(long server, int session, long[] numbers);

    /** WTSGetActiveConsoleSessionId, raw (0xFFFFFFFF = none). */
    public static native int activeConsoleSessionId();

    /** ProcessIdToSessionId(GetCurrentProcessId()). */
    public static native int currentSessionId();
}
