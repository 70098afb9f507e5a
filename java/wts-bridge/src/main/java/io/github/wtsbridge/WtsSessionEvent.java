package io.github.wtsbridge;

/** What happened to a session (the wParam of WM_WTSSESSION_CHANGE). */
public enum WtsSessionEvent {
    /** WTS_CONSOLE_CONNECT: the session was connected to the console. */
    CONSOLE_CONNECT(1),
    /** WTS_CONSOLE_DISCONNECT: the session was disconnected from the console. */
    CONSOLE_DISCONNECT(2),
    /** WTS_REMOTE_CONNECT: a remote client connected to the session. */
    REMOTE_CONNECT(3),
    /** WTS_REMOTE_DISCONNECT: a remote client disconnected from the session. */
    REMOTE_DISCONNECT(4),
    /** WTS_SESSION_LOGON: a user logged on to the session. */
    SESSION_LOGON(5),
    /** WTS_SESSION_LOGOFF: the user logged off. */
    SESSION_LOGOFF(6),
    /** WTS_SESSION_LOCK: the session was locked. */
    SESSION_LOCK(7),
    /** WTS_SESSION_UNLOCK: the session was unlocked. */
    SESSION_UNLOCK(8),
    /** WTS_SESSION_REMOTE_CONTROL: the session's remote-control status changed. */
    SESSION_REMOTE_CONTROL(9),
    /** WTS_SESSION_CREATE: reserved for future use by Windows. */
    SESSION_CREATE(10),
    /** WTS_SESSION_TERMINATE: reserved for future use by Windows. */
    SESSION_TERMINATE(11),
    /** A value this version of the library does not know; see {@link WtsSessionChange#rawEvent()}. */
    UNKNOWN(-1);

    private final int code;

    WtsSessionEvent(int code) {
        this.code = code;
    }

    /**
     * The Windows value.
     *
     * @return the WTS_* status code WM_WTSSESSION_CHANGE carries in wParam, 1
     *         ({@link #CONSOLE_CONNECT}) to 11 ({@link #SESSION_TERMINATE}); -1 for {@link #UNKNOWN}
     */
    public int code() {
        return code;
    }

    /**
     * The event for a Windows value.
     *
     * @param code the wParam of a WM_WTSSESSION_CHANGE message
     * @return the matching event; {@link #UNKNOWN} for a value not listed here
     */
    public static WtsSessionEvent of(int code) {
        return code >= 1 && code <= 11 ? values()[code - 1] : UNKNOWN;
    }
}
