package io.github.wtsbridge.testing;

import io.github.wtsbridge.internal.NativeLibrary;

/** Scripts fake_remote.c and reads back what remote control / connect were given. */
public final class FakeRemote {
    static {
        NativeLibrary.ensureLoaded();
    }

    private FakeRemote() {
    }

    public static native String lastTargetServer();

    /** {target session, virtual key, modifiers}. */
    public static native long[] lastStart();

    public static native boolean isShadowed(int session);

    /** {session, target session, wait} with LOGONID_CURRENT resolved. */
    public static native long[] lastConnect();

    public static native String lastPassword();

    /** WTSConnectSessionW to this session fails with 1326 unless given this password. */
    public static native void setPassword(int session, String password);
}
