package io.github.wtsbridge.testing;

import io.github.wtsbridge.internal.NativeLibrary;

/** Scripts the caller's SE_SHUTDOWN_NAME in the fake (native/fake/fake_privileges.c). */
public final class FakePrivileges {
    static {
        NativeLibrary.ensureLoaded();
    }

    private FakePrivileges() {
    }

    /**
     * The token holds SE_SHUTDOWN_NAME ({@code present}), enabled or not (an administrator's:
     * present, disabled — the state after each reset); the calling thread impersonates.
     */
    public static native void setShutdown(boolean present, boolean enabled, boolean impersonating);

    /** Whether SE_SHUTDOWN_NAME is enabled right now. */
    public static native boolean shutdownEnabled();

    /** AdjustTokenPrivileges calls since the last reset. */
    public static native long adjustments();
}
