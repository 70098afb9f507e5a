package io.github.wtsbridge.internal;

/**
 * WTSQuerySessionInformationW for the structured info classes (native/src/jni_session_info.c;
 * the decoding is in native/src/decode.c). Strings and DWORD classes use
 * {@link SessionsNative#queryString}.
 */
public final class SessionInfoNative {
    /** Bytes of WTSCLIENTW.ClientAddress (USHORT[CLIENTADDRESS_LENGTH + 1]). */
    public static final int CLIENT_INFO_ADDRESS_BYTES = 62;

    private SessionInfoNative() {
    }

    /** The reply's bytes as Windows returned them. */
    public static native byte[] queryRaw(long server, int session, int infoClass);

    /** A 1-, 2-, 4- or 8-byte number class, zero-extended. */
    public static native long queryLong(long server, int session, int infoClass);

    /** WTSClientDisplay: fills values ({@link FlatLayouts} CLIENT_DISPLAY_*). */
    public static native void queryClientDisplay(long server, int session, int[] values);

    /** WTSClientAddress (14) or WTSSessionAddressV4 (28): fills address[20], returns the family. */
    public static native int queryAddress(long server, int session, int infoClass, byte[] address);

    /**
     * WTSClientInfo: fills numbers ({@link FlatLayouts} CLIENT_INFO_NUMBERS_*) and address
     * (ClientAddress's raw bytes), returns the texts ({@link FlatLayouts} CLIENT_INFO_TEXTS_*).
     */
    public static native String[] queryClientInfo(long server, int session, long[] numbers, byte[] address);

    /**
     * WTSConfigInfo: fills numbers ({@link FlatLayouts} CONFIG_INFO_NUMBERS_*), returns the texts
     * ({@link FlatLayouts} CONFIG_INFO_TEXTS_*).
     */
    public static native String[] queryConfigInfo(long server, int session, long[] numbers);

    /**
     * WTSSessionInfoEx (level 1): fills numbers ({@link FlatLayouts} SESSION_INFO_EX_NUMBERS_*),
     * returns the texts ({@link FlatLayouts} SESSION_INFO_EX_TEXTS_*).
     */
    public static native String[] querySessionInfoEx(long server, int session, long[] numbers);
}
