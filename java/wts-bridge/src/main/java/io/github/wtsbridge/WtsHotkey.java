package io.github.wtsbridge;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The key that ends remote control of a session and returns to one's own: a virtual-key code
 * plus modifiers. {@link #DEFAULT} is Windows' own, Ctrl + * (numeric keypad).
 *
 * @param virtualKey a Windows virtual-key code, 1 to 254 (e.g. {@link #VK_MULTIPLY})
 * @param modifiers  the modifier keys held with it (unmodifiable)
 */
public record WtsHotkey(int virtualKey, Set<WtsHotkeyModifier> modifiers) {
    /** VK_MULTIPLY: the * key of the numeric keypad. */
    public static final int VK_MULTIPLY = 0x6A;
    /** Ctrl + * (numeric keypad), what Windows' own tools use. */
    public static final WtsHotkey DEFAULT = of(VK_MULTIPLY, WtsHotkeyModifier.CTRL);

    /**
     * Checks the key code and makes the modifier set an unmodifiable copy.
     *
     * @throws IllegalArgumentException if {@code virtualKey} is not 1 to 254
     * @throws NullPointerException     if {@code modifiers} is null
     */
    public WtsHotkey {
        if (virtualKey < 1 || virtualKey > 254) {
            throw new IllegalArgumentException("virtual-key code must be 1 to 254, not " + virtualKey);
        }
        Objects.requireNonNull(modifiers, "modifiers");
        modifiers = modifiers.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(modifiers));
    }

    /**
     * A hotkey from a virtual-key code and its modifiers.
     *
     * @param virtualKey a Windows virtual-key code, 1 to 254 (WTSStartRemoteControlSession's HotkeyVk)
     * @param modifiers  the keys held with it; none, one or more of shift, ctrl and alt (a repeat
     *                   counts once)
     * @return the hotkey, e.g. {@code of(VK_MULTIPLY, CTRL)} for {@link #DEFAULT}
     * @throws IllegalArgumentException if {@code virtualKey} is not 1 to 254
     * @throws NullPointerException     if a modifier is null
     */
    public static WtsHotkey of(int virtualKey, WtsHotkeyModifier... modifiers) {
        Set<WtsHotkeyModifier> set = EnumSet.noneOf(WtsHotkeyModifier.class);
        for (WtsHotkeyModifier m : modifiers) {
            set.add(Objects.requireNonNull(m, "modifier"));
        }
        return new WtsHotkey(virtualKey, set);
    }

    /** The modifiers as the USHORT Windows takes. */
    int modifierBits() {
        int bits = 0;
        for (WtsHotkeyModifier m : modifiers) {
            bits |= m.bit();
        }
        return bits;
    }
}
