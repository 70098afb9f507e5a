package io.github.wtsbridge.testing;

import io.github.wtsbridge.internal.NativeLibrary;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Scripts the fake's user32 windows, session notifications and WTSWaitSystemEvent (native/fake/fake_events.c). */
public final class FakeEvents {
    static {
        NativeLibrary.ensureLoaded();
    }

    private FakeEvents() {
    }

    /** Posts WM_WTSSESSION_CHANGE(event, session) to the registered windows whose scope covers it; how many. */
    public static native int sessionChange(int event, int session);

    /** Ends the WTSWaitSystemEvent calls whose mask has one of the flags; how many. */
    public static native int systemEvent(int flags);

    private static native long[] counts();

    /** Registers a class and creates a window owned by the calling thread; its HWND. */
    public static native long createWindow();

    /** Destroys a window from {@link #createWindow} (on the same thread) and its class. */
    public static native void destroyWindow(long hwnd);

    /** GetMessageW on the calling thread: {message, wParam, lParam}. */
    public static native long[] nextMessage();

    public static long classes() {
        return counts()[0];
    }

    public static long windows() {
        return counts()[1];
    }

    public static long registrations() {
        return counts()[2];
    }

    /** WTSWaitSystemEvent calls blocked right now. */
    public static long blockedWaits() {
        return counts()[3];
    }

    /** Threads blocked in GetMessageW right now. */
    public static long threadsInGetMessage() {
        return counts()[4];
    }

    /** Windows destroyed while still registered (the shim must unregister first). */
    public static long destroyedWhileRegistered() {
        return counts()[5];
    }

    /** Polls until the condition holds (or fails the caller's assertion after the timeout). */
    public static boolean await(BooleanSupplier condition, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
