package io.github.wtsbridge;

/** Remote-control (shadow) setting of a session (WTSCONFIGINFO.ShadowSettings, SHADOWCLASS). */
public enum WtsShadowMode {
    /** Remote control of the session is off. */
    DISABLED(0),
    /** Full control, with the user's permission. */
    INPUT_NOTIFY(1),
    /** Full control, without asking. */
    INPUT_NO_NOTIFY(2),
    /** View only, with the user's permission. */
    NO_INPUT_NOTIFY(3),
    /** View only, without asking. */
    NO_INPUT_NO_NOTIFY(4),
    /** A value this library does not know (the raw value stays in {@link WtsConfigInfo#rawShadowSettings()}). */
    UNKNOWN(-1);

    private final int code;

    WtsShadowMode(int code) {
        this.code = code;
    }

    /**
     * The Windows value.
     *
     * @return the SHADOWCLASS value, 0 ({@link #DISABLED}) to 4 ({@link #NO_INPUT_NO_NOTIFY});
     *         -1 for {@link #UNKNOWN}
     */
    public int code() {
        return code;
    }

    /**
     * The mode for a Windows value.
     *
     * @param code a SHADOWCLASS value, as WTSCONFIGINFO.ShadowSettings holds it (a ULONG, hence
     *             {@code long})
     * @return the matching mode; {@link #UNKNOWN} for a value not listed here
     */
    public static WtsShadowMode of(long code) {
        return code >= 0 && code <= 4 ? values()[(int) code] : UNKNOWN;
    }
}
