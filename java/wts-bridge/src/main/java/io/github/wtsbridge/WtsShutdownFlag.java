package io.github.wtsbridge;

/** The WTS_WSD_* flags of WTSShutdownSystem. */
public enum WtsShutdownFlag {
    /** Log off every client session except session 0 and refuse new remote logons. */
    LOGOFF(0x1),
    /** Shut down (needs SE_SHUTDOWN_NAME). */
    SHUTDOWN(0x2),
    /** Shut down and restart (needs SE_SHUTDOWN_NAME). */
    REBOOT(0x4),
    /** Shut down and power off where the hardware can (needs SE_SHUTDOWN_NAME). */
    POWEROFF(0x8),
    /** Documented as not supported currently. */
    FASTREBOOT(0x10);

    private final int flag;

    WtsShutdownFlag(int flag) {
        this.flag = flag;
    }

    /**
     * The WTS_WSD_* value.
     *
     * @return the bit this flag passes in WTSShutdownSystem's ShutdownFlag: 0x1, 0x2, 0x4, 0x8 or 0x10
     */
    public int flag() {
        return flag;
    }
}
