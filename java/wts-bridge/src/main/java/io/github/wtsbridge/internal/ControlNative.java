package io.github.wtsbridge.internal;

/** The session-control natives (native/src/jni_control.c). */
public final class ControlNative {
    private ControlNative() {
    }

    /** WTSLogoffSession. */
    public static native void logoff(long server, int session, boolean wait);

    /** WTSDisconnectSession. */
    public static native void disconnect(long server, int session, boolean wait);

    /** WTSSendMessageW (lengths in bytes computed in C from the NUL-terminated arrays); the raw response. */
    public static native int sendMessage(long server, int session, char[] title, char[] message, int style,
                                         int timeoutSeconds, boolean wait);

    /** WTSTerminateProcess. */
    public static native void terminateProcess(long server, int pid, int exitCode);

    /** WTSShutdownSystem. */
    public static native void shutdownSystem(long server, int flags);
}
