package io.github.wtsbridge;

/** Which sessions' changes a window is told about (WTSRegisterSessionNotification's dwFlags). */
public enum WtsSessionScope {
    /**
     * NOTIFY_FOR_THIS_SESSION: only the session the window (this JVM) runs in. From a service
     * (session 0) that is none of the users' sessions: use {@link #ALL_SESSIONS} there.
     */
    THIS_SESSION(0),
    /** NOTIFY_FOR_ALL_SESSIONS: every session on the machine. */
    ALL_SESSIONS(1);

    private final int flags;

    WtsSessionScope(int flags) {
        this.flags = flags;
    }

    /**
     * The dwFlags value.
     *
     * @return the value passed as WTSRegisterSessionNotification's dwFlags: 0
     *         (NOTIFY_FOR_THIS_SESSION) or 1 (NOTIFY_FOR_ALL_SESSIONS)
     */
    public int flags() {
        return flags;
    }
}
