package io.github.wtsbridge;

/** A modifier key of the hotkey that ends remote control (REMOTECONTROL_KBD*_HOTKEY). */
public enum WtsHotkeyModifier {
    /** REMOTECONTROL_KBDSHIFT_HOTKEY. */
    SHIFT(0x1),
    /** REMOTECONTROL_KBDCTRL_HOTKEY. */
    CTRL(0x2),
    /** REMOTECONTROL_KBDALT_HOTKEY. */
    ALT(0x4);

    private final int bit;

    WtsHotkeyModifier(int bit) {
        this.bit = bit;
    }

    /**
     * The flag's value.
     *
     * @return the REMOTECONTROL_KBD*_HOTKEY bit this modifier sets in WTSStartRemoteControlSession's
     *         HotkeyModifiers: 0x1, 0x2 or 0x4
     */
    public int bit() {
        return bit;
    }
}
