package io.github.wtsbridge;

/** Which clients may reconnect to a disconnected session (WTSUserConfigReconnectSettings). */
public enum WtsReconnectPolicy {
    /** Any client computer. */
    ANY_CLIENT(0),
    /** Only the client computer the session was started from. */
    ORIGINAL_CLIENT_ONLY(1),
    /** A value this version of the library does not know. */
    UNKNOWN(-1);

    private final int code;

    WtsReconnectPolicy(int code) {
        this.code = code;
    }

    /**
     * The Windows value.
     *
     * @return the WTSUserConfigReconnectSettings value (0 any client, 1 the original client only);
     *         -1 for {@link #UNKNOWN}
     */
    public int code() {
        return code;
    }

    /**
     * The policy for a Windows value.
     *
     * @param code a WTSUserConfigReconnectSettings value as Windows returns it
     * @return the matching policy; {@link #UNKNOWN} for a value not listed here
     */
    public static WtsReconnectPolicy of(int code) {
        return code == 0 ? ANY_CLIENT : code == 1 ? ORIGINAL_CLIENT_ONLY : UNKNOWN;
    }
}
