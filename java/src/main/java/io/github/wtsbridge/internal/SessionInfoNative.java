package io.github.wtsbridge.internal;

/**
 * WTSQuerySessionInformationW for the structured info classes (native/src/jni_session_info.c;
 * the decoding is in native/src/decode.c). Strings and DWORD classes use
 * {@link SessionsNative#queryString}.
 */
public final class SessionInfoNative {
    /** Lengths of the numbers arrays. */
    public static final int CLIENT_INFO_NUMBERS = 11;
    public static final int CLIENT_INFO_ADDRESS_BYTES = 62;
    public static final int CONFIG_INFO_NUMBERS = 6;
    public static final int SESSION_INFO_EX_NUMBERS = 14;

    private SessionInfoNative() {
    }

    /** The reply's bytes as Windows returned them. */
    public static native byte[] queryRaw(long server, int session, int infoClass);

    /** A 1-, 2-, 4- or 8-byte number class, zero-extended. */
    public static native long queryLong(long server, int session, int infoClass);

    /** WTSClientDisplay: fills {horizontal, vertical, color depth code}. */
    public static native void queryClientDisplay(long server, int session, int[] values);

    /** WTSClientAddress (14) or WTSSessionAddressV4 (28): fills address[20], returns the family. */
    public static native int queryAddress(long server, int session, int infoClass, byte[] address);

    /**
     * WTSClientInfo: numbers = encryption level, address family, HRes, VRes, color depth, build
     * number, hardware id, product id, OutBufCountHost, OutBufCountClient, OutBufLength;
     * address = ClientAddress's 62 bytes; returns client name, domain, user name, work
     * directory, initial program, client directory, device id.
     */
    public static native String[] queryClientInfo(long server, int session, long[] numbers, byte[] address);

    /**
     * WTSConfigInfo: numbers = version, connect drives, connect printer, disable printer
     * redirection, disable default main client printer, shadow settings; returns logon user
     * name, logon domain, work directory, initial program, application name.
     */
    public static native String[] queryConfigInfo(long server, int session, long[] numbers);

    /**
     * WTSSessionInfoEx (level 1): numbers = session id, state, session flags, logon, connect,
     * disconnect, last input, current FILETIMEs, six counters; returns WinStation name, user
     * name, domain name.
     */
    public static native String[] querySessionInfoEx(long server, int session, long[] numbers);
}
