package io.github.wtsbridge;

/** Dial-up callback for a user (WTSUserConfigModemCallbackSettings). */
public enum WtsModemCallback {
    /** No callback. */
    DISABLED(0),
    /** Call back a number the user gives at logon. */
    ROVING(1),
    /** Call back the configured number (WTSUserConfigModemCallbackPhoneNumber). */
    FIXED(2),
    /** A value this version of the library does not know. */
    UNKNOWN(-1);

    private final int code;

    WtsModemCallback(int code) {
        this.code = code;
    }

    /**
     * The Windows value.
     *
     * @return the WTSUserConfigModemCallbackSettings value (0 disabled, 1 roving, 2 fixed);
     *         -1 for {@link #UNKNOWN}
     */
    public int code() {
        return code;
    }

    /**
     * The setting for a Windows value.
     *
     * @param code a WTSUserConfigModemCallbackSettings value as Windows returns it
     * @return the matching setting; {@link #UNKNOWN} for a value not listed here
     */
    public static WtsModemCallback of(int code) {
        return code >= 0 && code <= 2 ? values()[code] : UNKNOWN;
    }
}
