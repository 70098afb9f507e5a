/* Natives of io.github.wtsbridge.internal.ControlNative: logoff, disconnect, messages,
 * terminating processes, shutting the system down. */
#include "jni_chars.h"
#include "privilege.h"

#define FN(name) Java_io_github_wtsbridge_internal_ControlNative_##name

JNIEXPORT void JNICALL FN(logoff)(JNIEnv *env, jclass cls, jlong server, jint session,
                                  jboolean wait) {
    (void)cls;
    WTS_REQUIRE(env, WTSLogoffSession, );
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.WTSLogoffSession(WTS_SERVER(server), (DWORD)session, wait ? 1 : 0)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "WTSLogoffSession");
    }
}

JNIEXPORT void JNICALL FN(disconnect)(JNIEnv *env, jclass cls, jlong server, jint session,
                                      jboolean wait) {
    (void)cls;
    WTS_REQUIRE(env, WTSDisconnectSession, );
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.WTSDisconnectSession(WTS_SERVER(server), (DWORD)session, wait ? 1 : 0)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "WTSDisconnectSession");
    }
}

/* WTSSendMessageW: lengths in BYTES, without the NUL; returns the raw response. */
JNIEXPORT jint JNICALL FN(sendMessage)(JNIEnv *env, jclass cls, jlong server, jint session,
                                       jcharArray title, jcharArray message, jint style,
                                       jint timeoutSeconds, jboolean wait) {
    (void)cls;
    WTS_REQUIRE(env, WTSSendMessageW, 0);
    wts_chars titleChars, messageChars;
    int ok;
    WCHAR *titleText = wts_chars_get(env, title, &titleChars, &ok);
    if (!ok) {
        return 0;
    }
    WCHAR *messageText = wts_chars_get(env, message, &messageChars, &ok);
    if (!ok) {
        wts_chars_release(env, &titleChars);
        return 0;
    }
    if (titleText == NULL || messageText == NULL) {
        wts_chars_release(env, &messageChars);
        wts_chars_release(env, &titleChars);
        wts_throw_illegal_argument(env, "title and message must not be null");
        return 0;
    }
    DWORD response = 0;
    WTS_CLEAR_LAST_ERROR();
    BOOL sent = WTS.WTSSendMessageW(WTS_SERVER(server), (DWORD)session, titleText,
                                    wts_chars_bytes(&titleChars), messageText,
                                    wts_chars_bytes(&messageChars), (DWORD)style,
                                    (DWORD)timeoutSeconds, &response, wait ? 1 : 0);
    DWORD error = sent ? 0 : WTS.GetLastError();
    wts_chars_release(env, &messageChars);
    wts_chars_release(env, &titleChars);
    if (!sent) {
        wts_throw_win32(env, error, "WTSSendMessageW");
        return 0;
    }
    return (jint)response;
}

JNIEXPORT void JNICALL FN(terminateProcess)(JNIEnv *env, jclass cls, jlong server, jint pid,
                                            jint exitCode) {
    (void)cls;
    WTS_REQUIRE(env, WTSTerminateProcess, );
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.WTSTerminateProcess(WTS_SERVER(server), (DWORD)pid, (DWORD)exitCode)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "WTSTerminateProcess");
    }
}

/* The local machine checks SE_SHUTDOWN_NAME in the caller's token, where it is present but
 * disabled for an administrator: enabled for the call, then put back. A remote server checks
 * its own rights for the caller (SE_REMOTE_SHUTDOWN_NAME there), so nothing is adjusted. */
JNIEXPORT void JNICALL FN(shutdownSystem)(JNIEnv *env, jclass cls, jlong server, jint flags) {
    (void)cls;
    WTS_REQUIRE(env, WTSShutdownSystem, );
    wts_privilege held;
    int local = server == 0;
    if (local && !wts_privilege_enable(env, (const WCHAR *)u"SeShutdownPrivilege", &held)) {
        return;
    }
    WTS_CLEAR_LAST_ERROR();
    BOOL done = WTS.WTSShutdownSystem(WTS_SERVER(server), (DWORD)flags);
    DWORD error = done ? 0 : WTS.GetLastError();
    if (local) {
        wts_privilege_restore(&held);
    }
    if (!done) {
        wts_throw_win32(env, error, "WTSShutdownSystem");
    }
}
