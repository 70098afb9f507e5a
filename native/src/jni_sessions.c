/* Natives of io.github.wtsbridge.internal.SessionsNative: enumerate and query sessions. */
#include "session_query.h"
#include "flat_names.h"

#define FN(name) Java_io_github_wtsbridge_internal_SessionsNative_##name

/* The small listing (a desktop has two or three sessions): Java passes arrays of these sizes
 * (SessionsNative.SMALL_SESSIONS, SMALL_NAME_UNITS, the same numbers). */
#define SMALL_SESSIONS 8
#define SMALL_NAME_UNITS 128

/*
 * A listing of at most SMALL_SESSIONS sessions whose names take at most SMALL_NAME_UNITS:
 * small[0] = the count, then id/state/nameLength per session; the names one after another in
 * smallNames (UTF-16). Gathered on the stack, then one SetIntArrayRegion and one
 * SetCharArrayRegion: no Java object made, no array pinned. 0 if it does not fit.
 */
static int small_listing(JNIEnv *env, const WTS_SESSION_INFOW *info, DWORD count,
                         jintArray small, jcharArray smallNames) {
    jint ints[1 + WTS_SESSION_LIST_VALUES * SMALL_SESSIONS];
    jchar units[SMALL_NAME_UNITS];
    if (count > SMALL_SESSIONS) {
        return 0;
    }
    size_t at = 0;
    WCHAR bits = 0;
    ints[0] = (jint)count;
    for (DWORD i = 0; i < count; i++) {
        const WCHAR *name = info[i].pWinStationName;
        size_t length = wts_flat_length(name, &bits);
        if (length > SMALL_NAME_UNITS - at) {
            return 0;
        }
        wts_flat_copy(units, at, 0, name, length);
        at += length;
        jint *row = ints + 1 + WTS_SESSION_LIST_VALUES * i;
        row[WTS_SESSION_LIST_SESSION_ID] = (jint)info[i].SessionId;
        row[WTS_SESSION_LIST_STATE] = (jint)info[i].State;
        row[WTS_SESSION_LIST_NAME_LENGTH] = (jint)length;
    }
    (*env)->SetIntArrayRegion(env, small, 0, (jsize)(1 + WTS_SESSION_LIST_VALUES * count), ints);
    if (at > 0 && !(*env)->ExceptionCheck(env)) {
        (*env)->SetCharArrayRegion(env, smallNames, 0, (jsize)at, units);
    }
    return 1;
}

/*
 * A small listing (above) goes into small and smallNames and returns NULL. A larger one
 * returns {int[] id/state/nameLength per session, the WinStation names one after another
 * (byte[] Latin-1 if all of them are, else char[] UTF-16; no NULs)}. Java cuts the names by
 * the lengths and makes the Strings: no JNI call per session.
 */
JNIEXPORT jobjectArray JNICALL FN(enumerateSessions)(JNIEnv *env, jclass cls, jlong server,
                                                     jintArray small, jcharArray smallNames) {
    (void)cls;
    WTS_REQUIRE(env, WTSEnumerateSessionsW, NULL);
    WTS_SESSION_INFOW *info = NULL;
    DWORD count = 0;
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.WTSEnumerateSessionsW(WTS_SERVER(server), 0, 1, &info, &count)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "WTSEnumerateSessionsW");
        return NULL;
    }
    if (small_listing(env, info, count, small, smallNames)) {
        WTS.WTSFreeMemory(info);
        return NULL;
    }
    jobjectArray result = NULL;
    jintArray triples = NULL;
    jarray names = NULL;
    WCHAR bits = 0;
    size_t nameUnits = 0;
    if (count > 0x1FFFFFFF) {
        wts_throw_win32(env, WTS_ERROR_INVALID_DATA, "WTSEnumerateSessionsW");
        goto done;
    }
    triples = (*env)->NewIntArray(env, (jsize)(WTS_SESSION_LIST_VALUES * count));
    if (triples == NULL) {
        goto done;
    }
    jint *ints = (*env)->GetPrimitiveArrayCritical(env, triples, NULL);
    if (ints == NULL) {
        goto done;
    }
    for (DWORD i = 0; i < count; i++) {
        const WCHAR *name = info[i].pWinStationName;
        size_t units = wts_flat_length(name, &bits);
        jint *row = ints + WTS_SESSION_LIST_VALUES * i;
        row[WTS_SESSION_LIST_SESSION_ID] = (jint)info[i].SessionId;
        row[WTS_SESSION_LIST_STATE] = (jint)info[i].State;
        row[WTS_SESSION_LIST_NAME_LENGTH] = (jint)units;
        nameUnits += units;
    }
    (*env)->ReleasePrimitiveArrayCritical(env, triples, ints, 0);
    if (nameUnits > 0x7FFFFFFF) {
        wts_throw_win32(env, WTS_ERROR_INVALID_DATA, "WTSEnumerateSessionsW");
        goto done;
    }
    int latin1 = bits <= 0xFF;
    names = wts_flat_new_array(env, latin1, nameUnits);
    if (names == NULL) {
        goto done;
    }
    ints = (*env)->GetPrimitiveArrayCritical(env, triples, NULL);
    void *out = ints ? (*env)->GetPrimitiveArrayCritical(env, names, NULL) : NULL;
    if (out == NULL) {
        if (ints != NULL) {
            (*env)->ReleasePrimitiveArrayCritical(env, triples, ints, JNI_ABORT);
        }
        goto done;
    }
    size_t at = 0;
    for (DWORD i = 0; i < count; i++) {
        size_t units = (size_t)ints[WTS_SESSION_LIST_VALUES * i + WTS_SESSION_LIST_NAME_LENGTH];
        wts_flat_copy(out, at, latin1, info[i].pWinStationName, units);
        at += units;
    }
    (*env)->ReleasePrimitiveArrayCritical(env, names, out, 0);
    (*env)->ReleasePrimitiveArrayCritical(env, triples, ints, JNI_ABORT);
    result = (*env)->NewObjectArray(env, 2, wts_class_Object, NULL);
    if (result != NULL) {
        (*env)->SetObjectArrayElement(env, result, 0, triples);
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

/* WTSSessionInfo (WTSINFOW): fills numbers with WTS_FLAT_SESSION_INFO_NUMBERS then the length
 * of each of WTS_FLAT_SESSION_INFO_TEXTS (flat_layouts.h), and units with those texts one
 * after another (WTS_SESSION_INFO_TEXT_UNITS at most): no Java object made in C. */
JNIEXPORT void JNICALL FN(querySessionInfo)(JNIEnv *env, jclass cls, jlong server, jint session,
                                            jlongArray numbers, jcharArray units) {
    (void)cls;
    wts_query_record(env, server, session, WTS_INFO_SESSION_INFO, wts_decode_session_info,
                     numbers, WTS_SESSION_INFO_NUMBERS, WTS_SESSION_INFO_TEXTS, units);
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
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.ProcessIdToSessionId(WTS.GetCurrentProcessId(), &session)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "ProcessIdToSessionId");
        return 0;
    }
    return (jint)session;
}
