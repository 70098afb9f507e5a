package io.github.wtsbridge;

/**
 * Whether a session is locked, from WTSSessionInfoEx's SessionFlags: WTS_SESSIONSTATE_LOCK = 0,
 * WTS_SESSIONSTATE_UNLOCK = 1, WTS_SESSIONSTATE_UNKNOWN = 0xFFFFFFFF. Windows 7 and Server
 * 2008 R2 (version 6.1) report LOCK and UNLOCK swapped; {@link #fromSessionFlags(int, String, String)}
 * undoes that.
 */
public enum WtsLockState {
    /** The session is locked: its desktop shows the lock screen. */
    LOCKED,
    /** The session is not locked. */
    UNLOCKED,
    /** WTS_SESSIONSTATE_UNKNOWN, or a value Windows does not document (the raw value stays in
     * {@link WtsSessionInfoEx#sessionFlags()}). */
    UNKNOWN;

    static final int WTS_SESSIONSTATE_LOCK = 0;
    static final int WTS_SESSIONSTATE_UNLOCK = 1;

    /**
     * The lock state for SessionFlags as reported by a Windows of the given os.name/os.version
     * (Java's system properties, e.g. "Windows 7" / "6.1").
     *
     * @param sessionFlags WTSINFOEX_LEVEL1.SessionFlags as that Windows returned it
     * @param osName       the reporting host's {@code os.name}, e.g. "Windows 7"; null is read as
     *                     not Windows
     * @param osVersion    the reporting host's {@code os.version}; "6.1" swaps LOCK and UNLOCK back
     * @return {@link #LOCKED} or {@link #UNLOCKED}; {@link #UNKNOWN} for
     *         WTS_SESSIONSTATE_UNKNOWN and any value other than 0 or 1
     */
    public static WtsLockState fromSessionFlags(int sessionFlags, String osName, String osVersion) {
        boolean swapped = reportsSwapped(osName, osVersion);
        switch (sessionFlags) {
            case WTS_SESSIONSTATE_LOCK:
                return swapped ? UNLOCKED : LOCKED;
            case WTS_SESSIONSTATE_UNLOCK:
                return swapped ? LOCKED : UNLOCKED;
            default:
                return UNKNOWN;
        }
    }

    /**
     * The lock state for SessionFlags reported by the Windows this JVM runs on, as
     * {@link #fromSessionFlags(int, String, String)} with this JVM's {@code os.name} and
     * {@code os.version}. Right for the local server only: for a remote server's sessions
     * pass that server's version.
     *
     * @param sessionFlags WTSINFOEX_LEVEL1.SessionFlags as the local Windows returned it
     * @return {@link #LOCKED}, {@link #UNLOCKED}, or {@link #UNKNOWN} for any value other than 0 or 1
     */
    public static WtsLockState fromSessionFlags(int sessionFlags) {
        return fromSessionFlags(sessionFlags, System.getProperty("os.name", ""), System.getProperty("os.version", ""));
    }

    /** True for Windows 7 / Server 2008 R2 (NT 6.1), whose SessionFlags are inverted. */
    static boolean reportsSwapped(String osName, String osVersion) {
        return osName != null && osName.startsWith("Windows") && "6.1".equals(osVersion);
    }
}
