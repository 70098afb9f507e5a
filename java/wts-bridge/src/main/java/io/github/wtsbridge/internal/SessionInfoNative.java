package io.github.wtsbridge.internal;

/**
 * WTSQuerySessionInformationW for the structured info classes (native/src/jni_session_info.c;
 * the decoding is in native/src/decode.c). Strings and DWORD classes use
 * {@link SessionsNative#queryString}.
 */
public final class SessionInfoNative {
    /** Bytes of WTSCLIENTW.ClientAddress (USHORT[CLIENTADDRESS_LENGTH + 1]). */
    public static final int CLIENT_INFO_ADDRESS_BYTES = 62;

    /**
     * The UTF-16 units the texts of a record class take at most: the sizes of its WCHAR arrays
     * (native/include/session_query.h asserts the same numbers). WTSINFOEX_LEVEL1_W:
     * WinStationName[33], UserName[21], DomainName[18].
     */
    public static final int SESSION_INFO_EX_TEXT_UNITS = 72;
    /** WTSCLIENTW: ClientName[21], Domain[18], UserName[21] and four texts of MAX_PATH + 1. */
    public static final int CLIENT_INFO_TEXT_UNITS = 1104;
    /** WTSCONFIGINFOW: LogonUserName[21], LogonDomain[18] and three texts of MAX_PATH + 1. */
    public static final int CONFIG_INFO_TEXT_UNITS = 822;

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

    /*
     * The record classes below fill numbers with the record's {@link FlatLayouts} *_NUMBERS_*
     * slots, then the length of each of its *_TEXTS_* (*_NUMBERS_COUNT + *_TEXTS_COUNT slots),
     * and units (*_TEXT_UNITS above) with the texts one after another; read by
     * FlatNames#texts. The shim makes no Java object.
     */

    /** WTSClientInfo: CLIENT_INFO_*; address: ClientAddress's raw bytes. */
    public static native void queryClientInfo(long server, int session, long[] numbers, char[] units,
            byte[] address);

    /** WTSConfigInfo: CONFIG_INFO_*. */
    public static native void queryConfigInfo(long server, int session, long[] numbers, char[] units);

    /** WTSSessionInfoEx (level 1): SESSION_INFO_EX_*. */
    public static native void querySessionInfoEx(long server, int session, long[] numbers, char[] units);
}
