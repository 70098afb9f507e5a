package io.github.wtsbridge;

/** How the started program's first window is shown (STARTUPINFO.wShowWindow). */
public enum WtsShowWindow {
    /** Shown and activated (SW_SHOWNORMAL). */
    NORMAL(1),
    /** Not shown at all (SW_HIDE): for helpers that must not appear on the user's desktop. */
    HIDDEN(0),
    /** Minimized, without taking the focus from what the user is doing (SW_SHOWMINNOACTIVE). */
    MINIMIZED(7),
    /** Maximized (SW_SHOWMAXIMIZED). */
    MAXIMIZED(3),
    /** Whatever the program chooses: no STARTF_USESHOWWINDOW. */
    PROGRAM_DEFAULT(-1);

    private final int code;

    WtsShowWindow(int code) {
        this.code = code;
    }

    /**
     * The SW_* value.
     *
     * @return the value put in STARTUPINFO.wShowWindow (with STARTF_USESHOWWINDOW): 1, 0, 7 or 3;
     *         -1 for {@link #PROGRAM_DEFAULT}, which sets neither
     */
    public int code() {
        return code;
    }
}
