package io.github.wtsbridge;

/** Whether and how a user's session may be remotely controlled (WTSUserConfigShadowingSettings). */
public enum WtsShadowing {
    /** Remote control is off. */
    DISABLED(0),
    /** Full control (input), after the user agrees. */
    FULL_CONTROL_WITH_PERMISSION(1),
    /** Full control (input), without asking the user. */
    FULL_CONTROL_WITHOUT_PERMISSION(2),
    /** View only, after the user agrees. */
    VIEW_WITH_PERMISSION(3),
    /** View only, without asking the user. */
    VIEW_WITHOUT_PERMISSION(4),
    /** A value this version of the library does not know. */
    UNKNOWN(-1);

    private final int code;

    WtsShadowing(int code) {
        this.code = code;
    }

    /**
     * The Windows value.
     *
     * @return the WTSUserConfigShadowingSettings value, 0 ({@link #DISABLED}) to 4
     *         ({@link #VIEW_WITHOUT_PERMISSION}); -1 for {@link #UNKNOWN}
     */
    public int code() {
        return code;
    }

    /**
     * The setting for a Windows value.
     *
     * @param code a WTSUserConfigShadowingSettings value as Windows returns it
     * @return the matching setting; {@link #UNKNOWN} for a value not listed here
     */
    public static WtsShadowing of(int code) {
        return code >= 0 && code <= 4 ? values()[code] : UNKNOWN;
    }
}
