package io.github.wtsbridge.testing;

import io.github.wtsbridge.internal.NativeLibrary;

/** Scripts the accounts the fake's WTSQueryUserConfigW / WTSSetUserConfigW see (native/fake/fake_userconfig.c). */
public final class FakeUserConfig {
    static {
        NativeLibrary.ensureLoaded();
    }

    private FakeUserConfig() {
    }

    /** Adds an account with Windows' defaults (or resets an existing one). */
    public static native void addUser(String name);

    /** A server name the fake reaches; other names fail with RPC_S_SERVER_UNAVAILABLE. */
    public static native void addServer(String name);

    /** What WTSQueryUserConfigW returns for (user, class), as raw bytes. */
    public static native void setRawReply(String user, int configClass, byte[] raw);

    /** The DataLength of the last WTSSetUserConfigW call. */
    public static native int lastSetLength();
}
