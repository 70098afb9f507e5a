package io.github.wtsbridge.internal;

/**
 * The token natives (native/src/jni_tokens.c). Callers check arguments and call
 * {@link NativeLibrary#ensureLoaded()} first; handles are passed as jlongs and never leave the
 * library's own classes.
 */
public final class TokensNative {
    private TokensNative() {
    }

    /** WTSQueryUserToken: the primary token of the user logged on to the session. */
    public static native long queryUserToken(int session);

    /** CloseHandle. */
    public static native void closeHandle(long handle);

    /** GetTokenInformation(TokenSessionId). */
    public static native int tokenSessionId(long token);

    /** GetTokenInformation(TokenUser): the user's binary SID. */
    public static native byte[] tokenUserSid(long token);
}
