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
    public WtsSessionChange {
        Objects.requireNonNull(event, "event");
    }

    /** The change for a raw (wParam, lParam) pair. */
    public static WtsSessionChange of(int rawEvent, int sessionId) {
        return new WtsSessionChange(WtsSessionEvent.of(rawEvent), sessionId, rawEvent);
    }
}
