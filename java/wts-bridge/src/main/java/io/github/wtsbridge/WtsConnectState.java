package io.github.wtsbridge;

/** A session's connection state (WTS_CONNECTSTATE_CLASS). */
public enum WtsConnectState {
    /** A user is logged on and the session is connected to a client. */
    ACTIVE(0),
    /** Connected to a client, nobody logged on yet. */
    CONNECTED(1),
    /** In the middle of connecting. */
    CONNECT_QUERY(2),
    /** Shadowing another session. */
    SHADOW(3),
    /** A user is logged on but no client is connected. */
    DISCONNECTED(4),
    /** Waiting for a client to connect. */
    IDLE(5),
    /** Listening for connections (the listener sessions, e.g. RDP-Tcp). */
    LISTEN(6),
    /** Being reset. */
    RESET(7),
    /** Down because of an error. */
    DOWN(8),
    /** Initialising. */
    INIT(9),
    /** A value this version of the library does not know; see the raw value it came from. */
    UNKNOWN(-1);

    private final int code;

    WtsConnectState(int code) {
        this.code = code;
    }

    /**
     * The Windows value.
     *
     * @return the WTS_CONNECTSTATE_CLASS value, 0 ({@link #ACTIVE}) to 9 ({@link #INIT});
     *         -1 for {@link #UNKNOWN}
     */
    public int code() {
        return code;
    }

    /**
     * The state for a Windows value.
     *
     * @param code a WTS_CONNECTSTATE_CLASS value (a session's State field or WTSConnectState)
     * @return the matching state; {@link #UNKNOWN} for a value not listed here
     */
    public static WtsConnectState of(int code) {
        return code >= 0 && code < BY_CODE.length - 1 ? BY_CODE[code] : UNKNOWN;
    }

    /** values() once: it copies the array on every call, and a listing calls of() per session. */
    private static final WtsConnectState[] BY_CODE = values();
}
