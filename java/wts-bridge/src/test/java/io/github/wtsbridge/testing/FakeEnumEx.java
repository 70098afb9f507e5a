package io.github.wtsbridge.testing;

import io.github.wtsbridge.internal.NativeLibrary;

/** Scripts fake_enum_ex.c: the Ex-only fields of processes and sessions, accounts for SIDs. */
public final class FakeEnumEx {
    static {
        NativeLibrary.ensureLoaded();
    }

    private FakeEnumEx() {
    }

    /** threads, handles, pagefile, peak pagefile, working set, peak working set, user, kernel (100 ns). */
    public static native void setProcessDetails(int pid, long[] details);

    public static native void setSessionDetails(int id, String host, String user, String domain, String farm);

    /** The next listing returns records of this level instead (processes or sessions). */
    public static native void forceLevel(boolean processes, int level);

    /** LookupAccountSidW maps sid to domain\name (use = SID_NAME_USE). */
    public static native void addAccount(byte[] sid, String domain, String name, int use);

    /** lpSystemName of the last LookupAccountSidW (null = this machine). */
    public static native String lastLookupSystem();

    public static native int lookupCount();
}
