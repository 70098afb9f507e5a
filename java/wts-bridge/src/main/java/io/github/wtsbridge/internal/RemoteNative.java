package io.github.wtsbridge.internal;

/** Remote control (shadow) and session connect (native/src/jni_remote.c). */
public final class RemoteNative {
    /** LOGONID_CURRENT: the caller's session, as the int JNI passes. */
    public static final int LOGONID_CURRENT = 0xFFFF_FFFF;

    private RemoteNative() {
    }

    /** WTSStartRemoteControlSessionW; targetServer null for this machine. */
    public static native void startRemoteControl(String targetServer, int targetSession, int virtualKey,
            int modifiers);

    /** WTSStopRemoteControlSession. */
    public static native void stopRemoteControl(int session);

    /** WTSConnectSessionW; the password's native copy is zeroed before it is freed. */
    public static native void connectSession(int session, int targetSession, char[] password, boolean wait);
}
