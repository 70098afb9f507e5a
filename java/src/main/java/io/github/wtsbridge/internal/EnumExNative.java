package io.github.wtsbridge.internal;

/** The Ex enumerations and the SID lookup (native/src/jni_enum_ex.c). */
public final class EnumExNative {
    /** Values per process in {@link #enumerateProcessesEx}'s long[]. */
    public static final int PROCESS_VALUES = 11;
    /** WTS_ANY_SESSION (0xFFFFFFFE) as the int JNI passes. */
    public static final int ANY_SESSION = 0xFFFF_FFFE;

    private EnumExNative() {
    }

    /**
     * WTSEnumerateProcessesExW level 1: {long[] per process session, pid, threads, handles,
     * pagefile, peak pagefile, working set, peak working set, user time, kernel time (100 ns),
     * SID length; String[] image names; byte[] the SIDs one after another}.
     */
    public static native Object[] enumerateProcessesEx(long server, int sessionFilter);

    /**
     * WTSEnumerateSessionsExW level 1: {int[] execEnvId/state/id triples, String[] session,
     * host, user, domain and farm name, five per session}.
     */
    public static native Object[] enumerateSessionsEx(long server);

    /** LookupAccountSidW on system (null: this machine): {domain, name}, null if unmapped. */
    public static native String[] lookupAccount(String system, byte[] sid);
}
