package io.github.wtsbridge.internal;

/** The Ex enumerations and the SID lookup (native/src/jni_enum_ex.c). */
public final class EnumExNative {
    /** WTS_ANY_SESSION (0xFFFFFFFE) as the int JNI passes. */
    public static final int ANY_SESSION = 0xFFFF_FFFE;

    private EnumExNative() {
    }

    /**
     * WTSEnumerateProcessesExW level 1: {long[] {@link FlatLayouts} PROCESS_EX_LIST_* per process;
     * String[] image names; byte[] the SIDs one after another}.
     */
    public static native Object[] enumerateProcessesEx(long server, int sessionFilter);

    /**
     * WTSEnumerateSessionsExW level 1: {int[] {@link FlatLayouts} SESSION_EX_LIST_* per session,
     * String[] {@link FlatLayouts} SESSION_EX_LIST_TEXTS_* per session}.
     */
    public static native Object[] enumerateSessionsEx(long server);

    /** LookupAccountSidW on system (null: this machine): {domain, name}, null if unmapped. */
    public static native String[] lookupAccount(String system, byte[] sid);
}
