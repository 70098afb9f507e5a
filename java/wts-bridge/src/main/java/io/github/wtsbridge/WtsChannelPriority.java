package io.github.wtsbridge;

/**
 * The priority of a dynamic virtual channel's data (WTSVirtualChannelOpenEx's
 * WTS_CHANNEL_OPTION_DYNAMIC_PRI_* flags), as Microsoft describes each.
 */
public enum WtsChannelPriority {
    /** WTS_CHANNEL_OPTION_DYNAMIC_PRI_LOW (the default): bulk data of any size; right for almost every channel. */
    LOW(0x0),
    /** WTS_CHANNEL_OPTION_DYNAMIC_PRI_MED: short control messages that must overtake low-priority data. */
    MEDIUM(0x2),
    /** WTS_CHANNEL_OPTION_DYNAMIC_PRI_HIGH: data that directly affects what the user sees (display data). */
    HIGH(0x4),
    /** WTS_CHANNEL_OPTION_DYNAMIC_PRI_REAL: only for absolutely critical data, a few hundred bytes a message. */
    REAL(0x6);

    private final int flags;

    WtsChannelPriority(int flags) {
        this.flags = flags;
    }

    /**
     * The WTS_CHANNEL_OPTION_DYNAMIC_PRI_* bits.
     *
     * @return the bits OR-ed into WTSVirtualChannelOpenEx's flags together with
     *         WTS_CHANNEL_OPTION_DYNAMIC: 0x0, 0x2, 0x4 or 0x6
     */
    public int flags() {
        return flags;
    }
}
