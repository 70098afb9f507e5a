/* Natives of io.github.wtsbridge.internal.ServersNative: open/close servers, list servers. */
#include "jni_chars.h"

#define FN(name) Java_io_github_wtsbridge_internal_ServersNative_##name

#define MAX_NAME_UNITS 32767

/* WTSOpenServerW: the handle, never 0 on success (0 is the local server). */
JNIEXPORT jlong JNICALL FN(open)(JNIEnv *env, jclass cls, jcharArray name) {
    (void)cls;
    WTS_REQUIRE(env, WTSOpenServerW, 0);
    wts_chars chars;
    int ok;
    WCHAR *text = wts_chars_get(env, name, &chars, &ok);
    if (!ok || text == NULL) {
        if (ok) {
            wts_throw_illegal_argument(env, "server name is null");
        }
        return 0;
    }
    WTS_CLEAR_LAST_ERROR();
    HANDLE server = WTS.WTSOpenServerW(text);
    DWORD error = server == NULL ? WTS.GetLastError() : 0;
    wts_chars_release(env, &chars);
    if (server == NULL) {
        wts_throw_win32(env, error, "WTSOpenServerW");
        return 0;
    }
    return (jlong)(intptr_t)server;
}

JNIEXPORT void JNICALL FN(close)(JNIEnv *env, jclass cls, jlong server) {
    (void)cls;
    WTS_REQUIRE(env, WTSCloseServer, );
    if (server != 0) {
        WTS.WTSCloseServer(WTS_SERVER(server));
    }
}

/* WTSEnumerateServersW; domain NULL = the caller's domain. */
JNIEXPORT jobjectArray JNICALL FN(enumerateServers)(JNIEnv *env, jclass cls, jcharArray domain) {
    (void)cls;
    WTS_REQUIRE(env, WTSEnumerateServersW, NULL);
    wts_chars chars;
    int ok;
    WCHAR *text = wts_chars_get(env, domain, &chars, &ok);
    if (!ok) {
        return NULL;
    }
    WTS_SERVER_INFOW *info = NULL;
    DWORD count = 0;
    WTS_CLEAR_LAST_ERROR();
    BOOL done = WTS.WTSEnumerateServersW(text, 0, 1, &info, &count);
    DWORD error = done ? 0 : WTS.GetLastError();
    wts_chars_release(env, &chars);
    if (!done) {
        wts_throw_win32(env, error, "WTSEnumerateServersW");
        return NULL;
    }
    jobjectArray names = NULL;
    if (count > 0x3FFFFFFF || (count > 0 && info == NULL)) {
        wts_throw_win32(env, WTS_ERROR_INVALID_DATA, "WTSEnumerateServersW");
        goto done;
    }
    names = (*env)->NewObjectArray(env, (jsize)count, wts_class_String, NULL);
    for (DWORD i = 0; names != NULL && i < count; i++) {
        jstring name = wts_new_string(env, info[i].pServerName, MAX_NAME_UNITS);
        if (name == NULL) {
            names = NULL;
            break;
        }
        (*env)->SetObjectArrayElement(env, names, (jsize)i, name);
        (*env)->DeleteLocalRef(env, name);
    }
done:
    if (info != NULL) {
        WTS.WTSFreeMemory(info);
    }
    return names;
}
