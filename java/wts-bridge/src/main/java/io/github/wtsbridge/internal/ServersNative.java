package io.github.wtsbridge.internal;

/**
 * The server natives (native/src/jni_servers.c). String arguments are passed as char[]
 * ending with a NUL ({@link Checks#nulTerminated}), built after the argument checks.
 */
public final class ServersNative {
    private ServersNative() {
    }

    /** WTSOpenServerW: a non-zero handle. */
    public static native long open(char[] name);

    /** WTSCloseServer (nothing for 0). */
    public static native void close(long server);

    /** WTSEnumerateServersW; domain null = the caller's domain. */
    public static native String[] enumerateServers(char[] domain);
}
