/* Natives of io.github.wtsbridge.internal.SessionsNative: enumerate and query sessions. */
#include "session_query.h"

#define FN(name) Java_io_github_wtsbridge_internal_SessionsNative_##name

/* Windows strings from enumerations are NUL-terminated; this bounds a corrupt one. */
#define MAX_NAME_UNITS 32767

/* Returns {int[] id/state pairs, String[] WinStation names}. */
JNIEXPORT jobjectArray JNICALL FN(enumerateSessions)(JNIEnv *env, jclass cls, jlong server) {
    (void)cls;
    WTS_REQUIRE(env, WTSEnumerateSessionsW, NULL);
    WTS_SESSION_INFOW *info = NULL;
    DWORD count = 0;
    if (!WTS.WTSEnumerateSessionsW(WTS_SERVER(server), 0, 1, &info, &count)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "WTSEnumerateSessionsW");
        return NULL;
    }
    jobjectArray result = NULL;
    jintArray pairs = NULL;
    jobjectArray names = NULL;
    if (count > 0x3FFFFFFF) {
        wts_throw_win32(env, WTS_ERROR_INVALID_DATA, "WTSEnumerateSessionsW");
        goto done;
    }
    pairs = (*env)->NewIntArray(env, (jsize)(2 * count));
    names = pairs ? (*env)->NewObjectArray(env, (jsize)count, wts_class_String, NULL) : NULL;
    if (names == NULL) {
        goto done;
    }
    jint *out = (*env)->GetPrimitiveArrayCritical(env, pairs, NULL);
    if (out == NULL) {
        goto done;
    }
    for (DWORD i = 0; i < count; i++) {
        out[2 * i] = (jint)info[i].SessionId;
        out[2 * i + 1] = (jint)info[i].State;
    }
    (*env)->ReleasePrimitiveArrayCritical(env, pairs, out, 0);
    for (DWORD i = 0; i < count; i++) {
        jstring name = wts_new_string(env, info[i].pWinStationName, MAX_NAME_UNITS);
        if (name == NULL) {
            goto done;
        }
        (*env)->SetObjectArrayElement(env, names, (jsize)i, name);
        (*env)->DeleteLocalRef(env, name);
    }
    result = (*env)->NewObjectArray(env, 2, wts_class_Object, NULL);
    if (result != NULL) {
        (*env)->SetObjectArrayElement(env, result, 0, pairs);
        (*env)->SetObjectArrayElement(env, result, 1, names);
    }
done:
    WTS.WTSFreeMemory(info);
    return result;
}

JNIEXPORT jstring JNICALL FN(queryString)(JNIEnv *env, jclass cls, jlong server, jint session,
                                          jint infoClass) {
    (void)cls;
    DWORD bytes;
    WCHAR *buffer = wts_query_session(env, server, session, infoClass, &bytes);
    if (buffer == NULL) {
        return NULL;
    }
    jstring text = wts_new_text(env, wts_decode_string(buffer, bytes));
    WTS.WTSFreeMemory(buffer);
    return text;
}

/* DWORD, USHORT or BYTE classes: the width Windows returned decides. */
JNIEXPORT jint JNICALL FN(queryInt)(JNIEnv *env, jclass cls, jlong server, jint session,
                                    jint infoClass) {
    (void)cls;
    DWORD bytes, value = 0;
    WCHAR *buffer = wts_query_session(env, server, session, infoClass, &bytes);
    if (buffer == NULL) {
        return 0;
    }
    DWORD error = wts_decode_uint(buffer, bytes, &value);
    if (error != 0) {
        wts_throw_decode(env, buffer, error, "WTSQuerySessionInformationW");
        return 0;
    }
    WTS.WTSFreeMemory(buffer);
    return (jint)value;
}

/* WTSClientAddress: copies the 20 address bytes as Windows gave them; returns the family. */
JNIEXPORT jint JNICALL FN(queryClientAddress)(JNIEnv *env, jclass cls, jlong server,
                                              jint session, jbyteArray address) {
    (void)cls;
    DWORD bytes, family = 0;
    BYTE raw[20];
    WCHAR *buffer = wts_query_session(env, server, session, WTS_INFO_CLIENT_ADDRESS, &bytes);
    if (buffer == NULL) {
        return 0;
    }
    DWORD error = wts_decode_client_address(buffer, bytes, &family, raw);
    if (error != 0) {
        wts_throw_decode(env, buffer, error, "WTSQuerySessionInformationW");
        return 0;
    }
    WTS.WTSFreeMemory(buffer);
    (*env)->SetByteArrayRegion(env, address, 0, (jsize)sizeof raw, (const jbyte *)raw);
    return (jint)family;
}

/*
 * WTSSessionInfo (WTSINFOW): fills numbers[13] (see decode.h); returns
 * {WinStation name, domain, user name}.
 */
JNIEXPORT jobjectArray JNICALL FN(querySessionInfo)(JNIEnv *env, jclass cls, jlong server,
                                                    jint session, jlongArray numbers) {
    (void)cls;
    DWORD bytes;
    WCHAR *buffer = wts_query_session(env, server, session, WTS_INFO_SESSION_INFO, &bytes);
    if (buffer == NULL) {
        return NULL;
    }
    int64_t values[WTS_SESSION_INFO_NUMBERS];
    wts_text texts[3];
    DWORD error = wts_decode_session_info(buffer, bytes, values, texts);
    if (error != 0) {
        wts_throw_decode(env, buffer, error, "WTSQuerySessionInformationW");
        return NULL;
    }
    return wts_finish_record(env, buffer, numbers, values, WTS_SESSION_INFO_NUMBERS, texts, 3);
}

/* The raw DWORD: 0xFFFFFFFF (no session on the console) is a value, not an error. */
JNIEXPORT jint JNICALL FN(activeConsoleSessionId)(JNIEnv *env, jclass cls) {
    (void)cls;
    WTS_REQUIRE(env, WTSGetActiveConsoleSessionId, 0);
    return (jint)WTS.WTSGetActiveConsoleSessionId();
}

JNIEXPORT jint JNICALL FN(currentSessionId)(JNIEnv *env, jclass cls) {
    (void)cls;
    WTS_REQUIRE(env, ProcessIdToSessionId, 0);
    DWORD session = 0;
    if (!WTS.ProcessIdToSessionId(WTS.GetCurrentProcessId(), &session)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "ProcessIdToSessionId");
        return 0;
    }
    return (jint)session;
}
