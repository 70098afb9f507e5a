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
 */
public record WtsMessageStyle(Buttons buttons, Icon icon, DefaultButton defaultButton, Modality modality,
                              Set<Option> options) {
    /** MB_OK, no icon, first button default, application modal, no options. */
    public static final WtsMessageStyle OK = of(Buttons.OK);

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

    public static WtsMessageStyle of(Buttons buttons) {
        return new WtsMessageStyle(buttons, Icon.NONE, DefaultButton.FIRST, Modality.APPLICATION, Set.of());
    }

    public WtsMessageStyle withIcon(Icon value) {
        return new WtsMessageStyle(buttons, value, defaultButton, modality, options);
    }

    public WtsMessageStyle withDefaultButton(DefaultButton value) {
        return new WtsMessageStyle(buttons, icon, value, modality, options);
    }

    public WtsMessageStyle withModality(Modality value) {
        return new WtsMessageStyle(buttons, icon, defaultButton, value, options);
    }

    public WtsMessageStyle withOptions(Set<Option> value) {
        return new WtsMessageStyle(buttons, icon, defaultButton, modality, value);
    }

    /** The MB_* value passed to Windows. */
    public int flags() {
        int flags = buttons.flag | icon.flag | defaultButton.flag | modality.flag;
        for (Option option : options) {
            flags |= option.flag;
        }
        return flags;
    }

    /** Which buttons the box shows. */
    public enum Buttons {
        OK(0x0, 1), OK_CANCEL(0x1, 2), ABORT_RETRY_IGNORE(0x2, 3), YES_NO_CANCEL(0x3, 3), YES_NO(0x4, 2),
        RETRY_CANCEL(0x5, 2), CANCEL_TRY_CONTINUE(0x6, 3);

        final int flag;
        final int count;

        Buttons(int flag, int count) {
            this.flag = flag;
            this.count = count;
        }
    }

    /** The icon: none, or MB_ICONERROR / QUESTION / WARNING / INFORMATION. */
    public enum Icon {
        NONE(0x0), ERROR(0x10), QUESTION(0x20), WARNING(0x30), INFORMATION(0x40);

        final int flag;

        Icon(int flag) {
            this.flag = flag;
        }
    }

    /** MB_DEFBUTTON1..4. */
    public enum DefaultButton {
        FIRST(0x0), SECOND(0x100), THIRD(0x200), FOURTH(0x300);

        final int flag;

        DefaultButton(int flag) {
            this.flag = flag;
        }
    }

    /** MB_APPLMODAL, MB_SYSTEMMODAL (topmost), MB_TASKMODAL. */
    public enum Modality {
        APPLICATION(0x0), SYSTEM(0x1000), TASK(0x2000);

        final int flag;

        Modality(int flag) {
            this.flag = flag;
        }
    }

    /** MB_SETFOREGROUND, MB_TOPMOST, MB_RIGHT, MB_RTLREADING. */
    public enum Option {
        SET_FOREGROUND(0x10000), TOPMOST(0x40000), RIGHT_ALIGNED(0x80000), RTL_READING(0x100000);

        final int flag;

        Option(int flag) {
            this.flag = flag;
        }
    }
}
