package io.github.wtsbridge;

import io.github.wtsbridge.internal.EventsNative;
import io.github.wtsbridge.internal.NativeLibrary;
import java.util.Objects;

/**
 * The raw WTSRegisterSessionNotification / WTSUnRegisterSessionNotification, for callers that
 * own a window with a message loop (e.g. a Swing or SWT window's HWND) and handle
 * WM_WTSSESSION_CHANGE (0x02B1) themselves. Without a window of your own, use
 * {@link WtsSessionSubscription}.
 */
public final class WtsSessionNotifications {
    /** WM_WTSSESSION_CHANGE. */
    public static final int WM_WTSSESSION_CHANGE = 0x02B1;

    private WtsSessionNotifications() {
    }

    /**
     * Registers a window (its HWND) for WM_WTSSESSION_CHANGE; unregister it before destroying
     * it. For the local server this is WTSRegisterSessionNotification; for another server
     * WTSRegisterSessionNotificationEx with its handle.
     *
     * @param server the server whose sessions to hear about; {@link WtsServer#local()} for this
     *               machine
     * @param hwnd   the window's HWND, as a number (non-zero; within 32 bits on a 32-bit JVM)
     * @param scope  the sessions to hear about: this JVM's only, or all of them
     * @throws IllegalArgumentException if {@code hwnd} is 0 or too wide for this JVM
     * @throws WtsException             if Windows refuses the registration (the function and
     *                                  code name why)
     */
    public static void register(WtsServer server, long hwnd, WtsSessionScope scope) {
        Objects.requireNonNull(server, "server");
        checkWindow(hwnd);
        Objects.requireNonNull(scope, "scope");
        if (server.isLocal()) {
            NativeLibrary.ensureLoaded();
            EventsNative.register(hwnd, scope.flags());
        } else {
            server.run(h -> EventsNative.registerEx(h, hwnd, scope.flags()));
        }
    }

    /**
     * Unregisters a window registered with {@link #register} for the same server
     * (WTSUnRegisterSessionNotification, or its Ex form for another server).
     *
     * @param server the server it was registered with
     * @param hwnd   the window's HWND, as given to {@link #register}
     * @throws IllegalArgumentException if {@code hwnd} is 0 or too wide for this JVM
     * @throws WtsException             if Windows refuses
     */
    public static void unregister(WtsServer server, long hwnd) {
        Objects.requireNonNull(server, "server");
        checkWindow(hwnd);
        if (server.isLocal()) {
            NativeLibrary.ensureLoaded();
            EventsNative.unregister(hwnd);
        } else {
            server.run(h -> EventsNative.unregisterEx(h, hwnd));
        }
    }

    /** An HWND: non-zero, and within the pointer width of this JVM. */
    static void checkWindow(long hwnd) {
        if (hwnd == 0) {
            throw new IllegalArgumentException("hwnd must not be 0");
        }
        if ("32".equals(System.getProperty("sun.arch.data.model")) && (hwnd >>> 32) != 0) {
            throw new IllegalArgumentException("hwnd 0x" + Long.toHexString(hwnd) + " does not fit a 32-bit HWND");
        }
    }
}
