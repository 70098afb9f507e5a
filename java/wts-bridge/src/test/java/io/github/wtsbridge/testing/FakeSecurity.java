package io.github.wtsbridge.testing;

import io.github.wtsbridge.internal.NativeLibrary;

/** Scripts and reads the fake's DACL functions (native/fake/fake_security.c). */
public final class FakeSecurity {
    static {
        NativeLibrary.ensureLoaded();
    }

    private FakeSecurity() {
    }

    /** GetNamedSecurityInfoW answers with a NULL DACL (which grants everyone everything). */
    public static native void setNullDacl(boolean on);

    /** SetNamedSecurityInfoW calls since the last reset. */
    public static native int protections();

    /** The flags of the last SetNamedSecurityInfoW call. */
    public static native int lastFlags();

    /** The path of the last SetNamedSecurityInfoW call. */
    public static native String lastPath();

    /** SetNamedSecurityInfoW calls given a DACL whose descriptor was already freed. */
    public static native int staleDacls();
}
