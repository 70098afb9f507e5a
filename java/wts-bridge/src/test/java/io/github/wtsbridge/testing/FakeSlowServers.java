package io.github.wtsbridge.testing;

import io.github.wtsbridge.internal.NativeLibrary;

/** Slow servers in the fake (native/fake/fake_servers.c): calls that block for a while. */
public final class FakeSlowServers {
    static {
        NativeLibrary.ensureLoaded();
    }

    /** The most a call can be made to block (the fake caps longer delays). */
    public static final int MAX_DELAY_MILLIS = 10_000;

    private FakeSlowServers() {
    }

    /**
     * Every call made with a handle to {@code name} opened after this sleeps {@code millis}
     * first (outside the fake's lock: other servers are not held up). Combine with
     * {@link FakeServers#reachable} for a server that is slow but answers in the end.
     */
    public static native void delay(String name, int millis);
}
