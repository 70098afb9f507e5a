/* Natives of io.github.wtsbridge.internal.TokensNative: user tokens from WTSQueryUserToken. */
#include "jni_util.h"

#define FN(name) Java_io_github_wtsbridge_internal_TokensNative_##name

#define TOKEN_USER_CLASS 1       /* TOKEN_INFORMATION_CLASS TokenUser */
#define TOKEN_SESSION_ID_CLASS 12 /* TokenSessionId */

/* The token handle as a jlong; the caller owns it and must pass it to closeHandle once. */
JNIEXPORT jlong JNICALL FN(queryUserToken)(JNIEnv *env, jclass cls, jint session) {
    (void)cls;
    WTS_REQUIRE(env, WTSQueryUserToken, 0);
    HANDLE token = NULL;
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.WTSQueryUserToken((DWORD)session, &token)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "WTSQueryUserToken");
        return 0;
    }
    if (token == NULL) {
        wts_throw_win32(env, WTS_ERROR_INVALID_DATA, "WTSQueryUserToken");
    }
    return (jlong)(intptr_t)token;
}

JNIEXPORT void JNICALL FN(closeHandle)(JNIEnv *env, jclass cls, jlong handle) {
    (void)cls;
    WTS_REQUIRE(env, CloseHandle, );
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.CloseHandle((HANDLE)(intptr_t)handle)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "CloseHandle");
    }
}

/* TokenSessionId: the session the token belongs to. */
JNIEXPORT jint JNICALL FN(tokenSessionId)(JNIEnv *env, jclass cls, jlong handle) {
    (void)cls;
    WTS_REQUIRE(env, GetTokenInformation, 0);
    DWORD session = 0, length = 0;
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.GetTokenInformation((HANDLE)(intptr_t)handle, TOKEN_SESSION_ID_CLASS, &session,
                                 sizeof session, &length)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "GetTokenInformation");
        return 0;
    }
    return (jint)session;
}

/* TokenUser: the binary SID of the token's user (TOKEN_USER's Sid points into the buffer). */
JNIEXPORT jbyteArray JNICALL FN(tokenUserSid)(JNIEnv *env, jclass cls, jlong handle) {
    (void)cls;
    WTS_REQUIRE(env, GetTokenInformation, NULL);
    HANDLE token = (HANDLE)(intptr_t)handle;
    DWORD needed = 0;
    /* First the size: this call must fail with ERROR_INSUFFICIENT_BUFFER. */
    WTS_CLEAR_LAST_ERROR();
    BOOL sized = WTS.GetTokenInformation(token, TOKEN_USER_CLASS, NULL, 0, &needed);
    DWORD error = sized ? 0 : WTS.GetLastError();
    if (!sized && error != WTS_ERROR_INSUFFICIENT_BUFFER) {
        wts_throw_win32(env, error, "GetTokenInformation");
        return NULL;
    }
    if (sized || needed == 0 || needed > 4096) {
        wts_throw_win32(env, WTS_ERROR_INVALID_DATA, "GetTokenInformation");
        return NULL;
    }
    BYTE *buffer = wts_alloc(needed);
    if (buffer == NULL) {
        wts_throw_win32(env, WTS_ERROR_NOT_ENOUGH_MEMORY, "HeapAlloc");
        return NULL;
    }
    jbyteArray result = NULL;
    DWORD length = 0;
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.GetTokenInformation(token, TOKEN_USER_CLASS, buffer, needed, &length)) {
        error = WTS.GetLastError();
        wts_throw_win32(env, error, "GetTokenInformation");
        goto done;
    }
    const BYTE *sid = NULL;
    wts_copy(&sid, buffer, sizeof sid); /* TOKEN_USER.User.Sid */
    /* The SID must lie inside the reply: its 8-byte header first, then its sub-authorities. */
    int inside = sid != NULL && sid >= buffer + sizeof(void *) && sid + 8 <= buffer + length &&
                 length <= needed;
    DWORD sidLength = inside ? wts_sid_length(sid) : 0;
    if (sidLength == 0 || sidLength > (DWORD)(buffer + length - sid)) {
        wts_throw_win32(env, WTS_ERROR_INVALID_DATA, "GetTokenInformation");
        goto done;
    }
    result = (*env)->NewByteArray(env, (jsize)sidLength);
    if (result != NULL) {
        (*env)->SetByteArrayRegion(env, result, 0, (jsize)sidLength, (const jbyte *)sid);
    }
done:
    wts_free(buffer);
    return result;
}
