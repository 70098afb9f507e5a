package io.github.wtsbridge.internal;

/**
 * The user configuration natives (native/src/jni_userconfig.c): WTSQueryUserConfigW and
 * WTSSetUserConfigW by server name (null = this machine). Callers check arguments first.
 */
public final class UserConfigNative {
    /** WTS_CONFIG_CLASS WTSUserConfigUser (the whole WTSUSERCONFIGW). */
    public static final int USER = 19;
    /** Characters a WTSUSERCONFIGW path field holds, NUL excluded (MAX_PATH). */
    public static final int PATH_CHARS = 260;
    /** Characters WTSUSERCONFIGW's home drive field holds, NUL excluded (WTS_DRIVE_LENGTH). */
    public static final int DRIVE_CHARS = 3;

    private UserConfigNative() {
    }

    public static native String queryString(String server, String user, int configClass);

    public static native int queryInt(String server, String user, int configClass);

    /**
     * WTSUserConfigUser: fills numbers ({@link FlatLayouts} USER_CONFIG_NUMBERS_*), returns the
     * texts ({@link FlatLayouts} USER_CONFIG_TEXTS_*).
     */
    public static native String[] queryUser(String server, String user, int[] numbers);

    public static native void setString(String server, String user, int configClass, String value);

    public static native void setInt(String server, String user, int configClass, int value);

    /** WTSUserConfigUser from numbers and texts laid out as {@link #queryUser} returns them. */
    public static native void setUser(String server, String user, int[] numbers, String[] texts);
}
