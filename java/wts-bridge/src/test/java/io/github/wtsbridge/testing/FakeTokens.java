package io.github.wtsbridge.testing;

import io.github.wtsbridge.internal.NativeLibrary;

/** Scripts the fake's WTSQueryUserToken / CloseHandle / GetTokenInformation (native/fake/fake_tokens.c). */
public final class FakeTokens {
    static {
        NativeLibrary.ensureLoaded();
    }

    private FakeTokens() {
    }

    /** The user logged on to a session (binary SID); null: nobody (ERROR_NO_TOKEN). */
    public static native void setSessionUser(int session, byte[] sid);

    /** Whether the caller is LocalSystem with SE_TCB_NAME (false: ERROR_PRIVILEGE_NOT_HELD). */
    public static native void setPrivileged(boolean privileged);

    /** {tokens handed out, tokens closed, CloseHandle calls on a handle not open}. */
    public static native long[] counts();
}
