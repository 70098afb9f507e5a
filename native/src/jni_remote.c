/*
 * Natives of io.github.wtsbridge.internal.RemoteNative: remote control (shadowing) and
 * connecting one session to another.
 */
#include "heap_text.h"

#define FN(name) Java_io_github_wtsbridge_internal_RemoteNative_##name

/* WTSStartRemoteControlSessionW(targetServer or NULL, targetSession, vk, modifiers). */
JNIEXPORT void JNICALL FN(startRemoteControl)(JNIEnv *env, jclass cls, jstring targetServer,
                                              jint targetSession, jint virtualKey,
                                              jint modifiers) {
    (void)cls;
    WTS_REQUIRE(env, WTSStartRemoteControlSessionW, );
    WCHAR *server = wts_heap_string(env, targetServer);
    if ((*env)->ExceptionCheck(env)) {
        return;
    }
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.WTSStartRemoteControlSessionW(server, (DWORD)targetSession, (BYTE)virtualKey,
                                           (USHORT)modifiers)) {
        DWORD error = WTS.GetLastError();
        wts_free(server);
        wts_throw_win32(env, error, "WTSStartRemoteControlSessionW");
        return;
    }
    wts_free(server);
}

JNIEXPORT void JNICALL FN(stopRemoteControl)(JNIEnv *env, jclass cls, jint session) {
    (void)cls;
    WTS_REQUIRE(env, WTSStopRemoteControlSession, );
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.WTSStopRemoteControlSession((DWORD)session)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "WTSStopRemoteControlSession");
    }
}

/*
 * WTSConnectSessionW(session, targetSession, password, wait). The password is copied from
 * the char[] into a heap buffer that is zeroed before it is freed, on every path; the Java
 * array is not touched (its owner wipes it). session/targetSession may be LOGONID_CURRENT.
 */
JNIEXPORT void JNICALL FN(connectSession)(JNIEnv *env, jclass cls, jint session,
                                          jint targetSession, jcharArray password,
                                          jboolean wait) {
    (void)cls;
    WTS_REQUIRE(env, WTSConnectSessionW, );
    jsize units = (*env)->GetArrayLength(env, password);
    WCHAR *secret = wts_heap_chars(env, password);
    if (secret == NULL) {
        return; /* OutOfMemory/IllegalArgument already pending */
    }
    WTS_CLEAR_LAST_ERROR();
    BOOL ok = WTS.WTSConnectSessionW((DWORD)session, (DWORD)targetSession, secret,
                                     wait ? 1 : 0);
    DWORD error = ok ? 0 : WTS.GetLastError();
    wts_wipe_free(secret, (size_t)units + 1);
    if (!ok) {
        wts_throw_win32(env, error, "WTSConnectSessionW");
    }
}
