package io.github.wtsbridge;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The style of a WTSSendMessage box (the MB_* flags of MessageBox): which buttons, which icon,
 * which button is the default, the modality and a few options. Each group is one enum value,
 * so no two buttons sets or icons can be combined; a default button the box does not have is
 * rejected.
 *
 * <pre>{@code
 * WtsMessageStyle.of(Buttons.YES_NO).withIcon(Icon.QUESTION).withDefaultButton(DefaultButton.SECOND)
 * }</pre>
 *
 * @param buttons       which buttons the box shows (the MB_OK … MB_CANCELTRYCONTINUE group)
 * @param icon          the icon, or {@link Icon#NONE} (the MB_ICON* group)
 * @param defaultButton the button Enter presses; must be one the box has (MB_DEFBUTTON1..4)
 * @param modality      MB_APPLMODAL, MB_SYSTEMMODAL or MB_TASKMODAL
 * @param options       any of MB_SETFOREGROUND, MB_TOPMOST, MB_RIGHT, MB_RTLREADING; empty for
 *                      none (stored as an unmodifiable copy)
 */
public record WtsMessageStyle(Buttons buttons, Icon icon, DefaultButton defaultButton, Modality modality,
                              Set<Option> options) {
    /** MB_OK, no icon, first button default, application modal, no options. */
    public static final WtsMessageStyle OK = of(Buttons.OK);

    /**
     * Checks the style and makes {@code options} an unmodifiable copy.
     *
     * @throws NullPointerException     if a component or an option is null
     * @throws IllegalArgumentException if {@code defaultButton} is beyond the box's buttons
     *                                  (e.g. {@link DefaultButton#SECOND} with {@link Buttons#OK})
     */
    public WtsMessageStyle {
        Objects.requireNonNull(buttons, "buttons");
        Objects.requireNonNull(icon, "icon");
        Objects.requireNonNull(defaultButton, "defaultButton");
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(options, "options");
        for (Option option : options) {
            Objects.requireNonNull(option, "options must not contain null");
        }
        if (defaultButton.ordinal() >= buttons.count) {
            throw new IllegalArgumentException(defaultButton + " default button, but " + buttons + " has "
                    + buttons.count + " button(s)");
        }
        options = options.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(options));
    }

    /**
     * A style with the given buttons, no icon, the first button as default, application modal
     * and no options; the {@code with…} methods change one group each.
     *
     * @param buttons which buttons the box shows
     * @return the style
     * @throws NullPointerException if {@code buttons} is null
     */
    public static WtsMessageStyle of(Buttons buttons) {
        return new WtsMessageStyle(buttons, Icon.NONE, DefaultButton.FIRST, Modality.APPLICATION, Set.of());
    }

    /**
     * This style with another icon.
     *
     * @param value the icon, or {@link Icon#NONE}
     * @return a new style; this one is unchanged
     */
    public WtsMessageStyle withIcon(Icon value) {
        return new WtsMessageStyle(buttons, value, defaultButton, modality, options);
    }

    /**
     * This style with another default button.
     *
     * @param value the button Enter presses
     * @return a new style; this one is unchanged
     * @throws IllegalArgumentException if the box has no such button
     */
    public WtsMessageStyle withDefaultButton(DefaultButton value) {
        return new WtsMessageStyle(buttons, icon, value, modality, options);
    }

    /**
     * This style with another modality.
     *
     * @param value the modality
     * @return a new style; this one is unchanged
     */
    public WtsMessageStyle withModality(Modality value) {
        return new WtsMessageStyle(buttons, icon, defaultButton, value, options);
    }

    /**
     * This style with other options (replacing the current ones).
     *
     * @param value the options; empty for none
     * @return a new style; this one is unchanged
     */
    public WtsMessageStyle withOptions(Set<Option> value) {
        return new WtsMessageStyle(buttons, icon, defaultButton, modality, value);
    }

    /**
     * The MB_* value passed to Windows.
     *
     * @return the OR of one flag from each group and every option: WTSSendMessageW's Style
     */
    public int flags() {
        int flags = buttons.flag | icon.flag | defaultButton.flag | modality.flag;
        for (Option option : options) {
            flags |= option.flag;
        }
        return flags;
    }

    /** Which buttons the box shows. */
    public enum Buttons {
        /** MB_OK: one button, OK. */
        OK(0x0, 1),
        /** MB_OKCANCEL: OK and Cancel. */
        OK_CANCEL(0x1, 2),
        /** MB_ABORTRETRYIGNORE: Abort, Retry and Ignore. */
        ABORT_RETRY_IGNORE(0x2, 3),
        /** MB_YESNOCANCEL: Yes, No and Cancel. */
        YES_NO_CANCEL(0x3, 3),
        /** MB_YESNO: Yes and No. */
        YES_NO(0x4, 2),
        /** MB_RETRYCANCEL: Retry and Cancel. */
        RETRY_CANCEL(0x5, 2),
        /** MB_CANCELTRYCONTINUE: Cancel, Try Again and Continue. */
        CANCEL_TRY_CONTINUE(0x6, 3);

        final int flag;
        final int count;

        Buttons(int flag, int count) {
            this.flag = flag;
            this.count = count;
        }
    }

    /** The icon: none, or MB_ICONERROR / QUESTION / WARNING / INFORMATION. */
    public enum Icon {
        /** No icon. */
        NONE(0x0),
        /** MB_ICONERROR (MB_ICONSTOP, MB_ICONHAND): a stop sign. */
        ERROR(0x10),
        /** MB_ICONQUESTION: a question mark. */
        QUESTION(0x20),
        /** MB_ICONWARNING (MB_ICONEXCLAMATION): an exclamation point. */
        WARNING(0x30),
        /** MB_ICONINFORMATION (MB_ICONASTERISK): a lowercase i in a circle. */
        INFORMATION(0x40);

        final int flag;

        Icon(int flag) {
            this.flag = flag;
        }
    }

    /** MB_DEFBUTTON1..4. */
    public enum DefaultButton {
        /** MB_DEFBUTTON1: the first button. */
        FIRST(0x0),
        /** MB_DEFBUTTON2: the second button. */
        SECOND(0x100),
        /** MB_DEFBUTTON3: the third button. */
        THIRD(0x200),
        /**
         * MB_DEFBUTTON4: the fourth button. No {@link Buttons} value has four (MB_HELP is not
         * offered), so every style rejects it today; it is here for completeness.
         */
        FOURTH(0x300);

        final int flag;

        DefaultButton(int flag) {
            this.flag = flag;
        }
    }

    /** MB_APPLMODAL, MB_SYSTEMMODAL (topmost), MB_TASKMODAL. */
    public enum Modality {
        /** MB_APPLMODAL: the default. */
        APPLICATION(0x0),
        /** MB_SYSTEMMODAL: like application modal, and the box is topmost (WS_EX_TOPMOST). */
        SYSTEM(0x1000),
        /** MB_TASKMODAL: like application modal, for a box with no owner window. */
        TASK(0x2000);

        final int flag;

        Modality(int flag) {
            this.flag = flag;
        }
    }

    /** MB_SETFOREGROUND, MB_TOPMOST, MB_RIGHT, MB_RTLREADING. */
    public enum Option {
        /** MB_SETFOREGROUND: the box becomes the foreground window. */
        SET_FOREGROUND(0x10000),
        /** MB_TOPMOST: the box is created topmost. */
        TOPMOST(0x40000),
        /** MB_RIGHT: the text is right-justified. */
        RIGHT_ALIGNED(0x80000),
        /** MB_RTLREADING: right-to-left reading order, for Hebrew and Arabic systems. */
        RTL_READING(0x100000);

        final int flag;

        Option(int flag) {
            this.flag = flag;
        }
    }
}
