package io.github.wtsbridge;

/** The protocol of a session's client (WTSClientProtocolType, a USHORT). */
public enum WtsProtocol {
    /** The physical console. */
    CONSOLE(0),
    /** Citrix ICA (a legacy value Windows still documents). */
    ICA(1),
    /** Remote Desktop Protocol. */
    RDP(2),
    /** A value this version of the library does not know. */
    UNKNOWN(-1);

    private final int code;

    WtsProtocol(int code) {
        this.code = code;
    }

    /**
     * The Windows value.
     *
     * @return the WTSClientProtocolType value (0 console, 1 ICA, 2 RDP); -1 for {@link #UNKNOWN}
     */
    public int code() {
        return code;
    }

    /**
     * The protocol for a Windows value.
     *
     * @param code a WTSClientProtocolType value (the USHORT WTSQuerySessionInformationW returns)
     * @return the matching protocol; {@link #UNKNOWN} for any value other than 0, 1 or 2
     */
    public static WtsProtocol of(int code) {
        return code >= 0 && code <= 2 ? values()[code] : UNKNOWN;
    }
}
