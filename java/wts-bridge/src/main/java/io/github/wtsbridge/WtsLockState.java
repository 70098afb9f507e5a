package io.github.wtsbridge;

/**
 * Whether a session is locked, from WTSSessionInfoEx's SessionFlags: WTS_SESSIONSTATE_LOCK = 0,
 * WTS_SESSIONSTATE_UNLOCK = 1, WTS_SESSIONSTATE_UNKNOWN = 0xFFFFFFFF. Windows 7 and Server
 * 2008 R2 (version 6.1) report LOCK and UNLOCK swapped; {@link #fromSessionFlags(int, String, String)}
 * undoes that.
 */
public enum WtsLockState {
    LOCKED,
    UNLOCKED,
    /** WTS_SESSIONSTATE_UNKNOWN, or a value Windows does not document (the raw value stays in
     * {@link WtsSessionInfoEx#sessionFlags()}). */
    UNKNOWN;

    static final int WTS_SESSIONSTATE_LOCK = 0;
    static final int WTS_SESSIONSTATE_UNLOCK = 1;

    /**
     * The lock state for SessionFlags as reported by a Windows of the given os.name/os.version
     * (Java's system properties, e.g. "Windows 7" / "6.1").
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

    /** The lock state for SessionFlags reported by the Windows this JVM runs on. */
    public static WtsLockState fromSessionFlags(int sessionFlags) {
        return fromSessionFlags(sessionFlags, System.getProperty("os.name", ""), System.getProperty("os.version", ""));
    }

    /** True for Windows 7 / Server 2008 R2 (NT 6.1), whose SessionFlags are inverted. */
    static boolean reportsSwapped(String osName, String osVersion) {
        return osName != null && osName.startsWith("Windows") && "6.1".equals(osVersion);
    }
}
