package io.github.wtsbridge;

/** What the server does when a connection or idle timer runs out (WTSUserConfigBrokenTimeoutSettings). */
public enum WtsBrokenConnectionAction {
    /** Disconnect the session; the user can reconnect to it. */
    DISCONNECT(0),
    /** End (log off) the session. */
    END_SESSION(1),
    /** A value this version of the library does not know. */
    UNKNOWN(-1);

    private final int code;

    WtsBrokenConnectionAction(int code) {
        this.code = code;
    }

    /**
     * The Windows value.
     *
     * @return the WTSUserConfigBrokenTimeoutSettings value (0 disconnect, 1 end the session);
     *         -1 for {@link #UNKNOWN}
     */
    public int code() {
        return code;
    }

    /**
     * The action for a Windows value.
     *
     * @param code a WTSUserConfigBrokenTimeoutSettings value as Windows returns it
     * @return the matching action; {@link #UNKNOWN} for a value not listed here
     */
    public static WtsBrokenConnectionAction of(int code) {
        return code == 0 ? DISCONNECT : code == 1 ? END_SESSION : UNKNOWN;
    }
}
