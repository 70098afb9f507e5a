package io.github.wtsbridge.testing;

import io.github.wtsbridge.internal.NativeLibrary;

/** Scripts the fake's servers (native/fake/fake_servers.c). */
public final class FakeServers {
    static {
        NativeLibrary.ensureLoaded();
    }

    /** Error code of every call made with a handle to a server nobody scripted (or scripted so). */
    public static final int UNREACHABLE = 1722;
    /** Error code of a server that denies the caller. */
    public static final int DENIES = 5;

    private FakeServers() {
    }

    /** How calls with a handle to {@code name} fare: 0 = they work, else they fail with this code. */
    public static native void script(String name, int useError);

    /** A server that works. */
    public static void reachable(String name) {
        script(name, 0);
    }

    /** A server WTSEnumerateServersW lists for {@code domain} (null = the caller's domain). */
    public static native void addListed(String domain, String name);

    private static native String[] last();

    /** The server the last handle-taking call came for ("" = the local server). */
    public static String lastServer() {
        return last()[0];
    }

    /** The function of that call. */
    public static String lastFunction() {
        return last()[1];
    }

    /** The domain WTSEnumerateServersW was last called with ("<null>" for NULL). */
    public static String lastDomain() {
        return last()[2];
    }

    /** Calls with a closed or foreign server handle, and double closes (0 in a correct shim). */
    public static native long badHandleUses();
}
