package io.github.wtsbridge.testing;

import io.github.wtsbridge.internal.NativeLibrary;

/** Scripts and inspects the fake's session control (native/fake/fake_control.c). */
public final class FakeControl {
    static {
        NativeLibrary.ensureLoaded();
    }

    private FakeControl() {
    }

    /** What WTSSendMessageW answers when the caller waits (IDOK = 1 after a reset). */
    public static native void setMessageResponse(int response);

    private static native String[] last(long[] numbers);

    /** The arguments of the last control call the fake saw. */
    public record Call(String function, String title, String message, long session, boolean waited,
                       long style, long timeoutSeconds, long titleBytes, long messageBytes, long pid,
                       long exitCode, long shutdownFlags) {
    }

    public static Call lastCall() {
        long[] n = new long[9];
        String[] t = last(n);
        return new Call(t[0], t[1], t[2], n[0], n[1] != 0, n[2], n[3], n[4], n[5], n[6], n[7], n[8]);
    }
}
