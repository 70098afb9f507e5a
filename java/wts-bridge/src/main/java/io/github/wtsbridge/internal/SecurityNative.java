package io.github.wtsbridge.internal;

/**
 * The extraction directory's security (native/src/jni_security.c). The path is passed as a
 * char[] ending with a NUL ({@link Checks#nulTerminated}).
 */
public final class SecurityNative {
    private SecurityNative() {
    }

    /**
     * Marks the DACL of {@code path} protected (GetNamedSecurityInfoW, then
     * SetNamedSecurityInfoW with PROTECTED_DACL_SECURITY_INFORMATION): inheritable entries of
     * its parent no longer reach it.
     */
    public static native void protectDacl(char[] path);
}
