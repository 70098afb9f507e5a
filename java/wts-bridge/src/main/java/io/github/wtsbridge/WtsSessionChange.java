package io.github.wtsbridge;

import java.util.Objects;

/**
 * One WM_WTSSESSION_CHANGE notification.
 *
 * @param event     what happened
 * @param sessionId the session it happened to (the lParam)
 * @param rawEvent  the event code as Windows gave it (for events newer than this library)
 */
public record WtsSessionChange(WtsSessionEvent event, int sessionId, int rawEvent) {
    /**
     * Checks the event.
     *
     * @throws NullPointerException if {@code event} is null
     */
    public WtsSessionChange {
        Objects.requireNonNull(event, "event");
    }

    /**
     * The change for a raw (wParam, lParam) pair.
     *
     * @param rawEvent  the wParam of WM_WTSSESSION_CHANGE: a WTS_* status code, 1 to 11 today
     * @param sessionId the lParam: the id of the session the change happened to
     * @return the change, with {@link WtsSessionEvent#UNKNOWN} as its event for a code this
     *         library does not know (the code stays in {@code rawEvent})
     */
    public static WtsSessionChange of(int rawEvent, int sessionId) {
        return new WtsSessionChange(WtsSessionEvent.of(rawEvent), sessionId, rawEvent);
    }
}
