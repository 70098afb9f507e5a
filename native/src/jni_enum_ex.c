/*
 * Natives of io.github.wtsbridge.internal.EnumExNative: the Ex enumerations (level 1) and
 * the SID → account lookup their callers want. Ex buffers are freed with WTSFreeMemoryExW,
 * the type class matching the level Windows reports back in *pLevel, and the record count.
 */
#include "heap_text.h"

#define FN(name) Java_io_github_wtsbridge_internal_EnumExNative_##name

#define MAX_NAME_UNITS 32767
#define WTS_TYPE_PROCESS_INFO_LEVEL1 1u
#define WTS_TYPE_SESSION_INFO_LEVEL1 2u
#define ERROR_NONE_MAPPED 1332u

/* Frees an Ex buffer with its type class; the level Windows reported picks the class
 * (ProcessInfoLevel0 = 0, ProcessInfoLevel1 = 1, SessionInfoLevel1 = 2). */
static void free_ex(DWORD typeClass, void *buffer, DWORD count) {
    if (buffer != NULL) {
        WTS.WTSFreeMemoryExW(typeClass, buffer, count);
    }
}

/*
 * WTSEnumerateProcessesExW(server, level 1, sessionFilter): {long[] WTS_FLAT_PROCESS_EX_LIST per process,
 * String[] image names, byte[] all SIDs one after another}. sessionFilter is a session id or
 * WTS_ANY_SESSION (0xFFFFFFFE).
 */
JNIEXPORT jobjectArray JNICALL FN(enumerateProcessesEx)(JNIEnv *env, jclass cls, jlong server,
                                                        jint sessionFilter) {
    (void)cls;
    WTS_REQUIRE(env, WTSEnumerateProcessesExW, NULL);
    WTS_REQUIRE(env, WTSFreeMemoryExW, NULL);
    DWORD level = 1; /* in: the level wanted; out: the level of the records returned */
    WCHAR *buffer = NULL;
    DWORD count = 0;
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.WTSEnumerateProcessesExW(WTS_SERVER(server), &level, (DWORD)sessionFilter, &buffer,
                                      &count)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "WTSEnumerateProcessesExW");
        return NULL;
    }
    jobjectArray result = NULL;
    const WTS_PROCESS_INFO_EXW *info = (const WTS_PROCESS_INFO_EXW *)buffer;
    if (level != 1 || count > 0x00FFFFFF || (count > 0 && buffer == NULL)) {
        /* Not the records we asked for: free them as what Windows says they are. */
        wts_throw_win32(env, WTS_ERROR_INVALID_DATA, "WTSEnumerateProcessesExW");
        goto done;
    }
    size_t sidBytes = 0;
    for (DWORD i = 0; i < count; i++) {
        sidBytes += wts_sid_length(info[i].pUserSid);
    }
    jlongArray numbers = (*env)->NewLongArray(env, (jsize)(WTS_PROCESS_EX_VALUES * count));
    jbyteArray sids = numbers ? (*env)->NewByteArray(env, (jsize)sidBytes) : NULL;
    jobjectArray names = sids ? (*env)->NewObjectArray(env, (jsize)count, wts_class_String, NULL)
                              : NULL;
    if (names == NULL) {
        goto done;
    }
    size_t at = 0;
    for (DWORD i = 0; i < count; i++) {
        int64_t decoded[WTS_PROCESS_EX_VALUES];
        const WCHAR *name;
        const void *sid;
        wts_decode_process_ex(&info[i], decoded, &name, &sid);
        jlong values[WTS_PROCESS_EX_VALUES];
        for (int v = 0; v < WTS_PROCESS_EX_VALUES; v++) {
            values[v] = (jlong)decoded[v];
        }
        DWORD sidLength = (DWORD)decoded[WTS_PROCESS_EX_SID_LENGTH];
        (*env)->SetLongArrayRegion(env, numbers, (jsize)(WTS_PROCESS_EX_VALUES * i),
                                   WTS_PROCESS_EX_VALUES, values);
        if (sidLength > 0) {
            (*env)->SetByteArrayRegion(env, sids, (jsize)at, (jsize)sidLength,
                                       (const jbyte *)sid);
            at += sidLength;
        }
        jstring text = wts_new_string(env, name, MAX_NAME_UNITS);
        if (text == NULL) {
            goto done;
        }
        (*env)->SetObjectArrayElement(env, names, (jsize)i, text);
        (*env)->DeleteLocalRef(env, text);
    }
    result = (*env)->NewObjectArray(env, 3, wts_class_Object, NULL);
    if (result != NULL) {
        (*env)->SetObjectArrayElement(env, result, 0, numbers);
        (*env)->SetObjectArrayElement(env, result, 1, names);
        (*env)->SetObjectArrayElement(env, result, 2, sids);
    }
done:
    free_ex(level, buffer, count);
    return result;
}

/*
 * WTSEnumerateSessionsExW(server, level 1, filter 0): {int[] WTS_FLAT_SESSION_EX_LIST
 * per session, String[] WTS_FLAT_SESSION_EX_LIST_TEXTS per session ("" where Windows gave none)}.
 */
JNIEXPORT jobjectArray JNICALL FN(enumerateSessionsEx)(JNIEnv *env, jclass cls, jlong server) {
    (void)cls;
    WTS_REQUIRE(env, WTSEnumerateSessionsExW, NULL);
    WTS_REQUIRE(env, WTSFreeMemoryExW, NULL);
    DWORD level = 1; /* in/out, as for processes */
    WTS_SESSION_INFO_1W *info = NULL;
    DWORD count = 0;
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.WTSEnumerateSessionsExW(WTS_SERVER(server), &level, 0, &info, &count)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "WTSEnumerateSessionsExW");
        return NULL;
    }
    jobjectArray result = NULL;
    if (level != 1 || count > 0x00FFFFFF || (count > 0 && info == NULL)) {
        wts_throw_win32(env, WTS_ERROR_INVALID_DATA, "WTSEnumerateSessionsExW");
        goto done;
    }
    jintArray triples = (*env)->NewIntArray(env, (jsize)(WTS_SESSION_EX_VALUES * count));
    jobjectArray texts = triples ? (*env)->NewObjectArray(env, (jsize)(WTS_SESSION_EX_TEXTS * count),
                                                          wts_class_String, NULL)
                                 : NULL;
    if (texts == NULL) {
        goto done;
    }
    for (DWORD i = 0; i < count; i++) {
        int64_t numbers[WTS_SESSION_EX_VALUES];
        const WCHAR *names[WTS_SESSION_EX_TEXTS];
        wts_decode_session_1(&info[i], numbers, names);
        jint values[WTS_SESSION_EX_VALUES];
        for (int v = 0; v < WTS_SESSION_EX_VALUES; v++) {
            values[v] = (jint)numbers[v];
        }
        (*env)->SetIntArrayRegion(env, triples, (jsize)(WTS_SESSION_EX_VALUES * i),
                                  WTS_SESSION_EX_VALUES, values);
        for (int t = 0; t < WTS_SESSION_EX_TEXTS; t++) {
            jstring text = wts_new_string(env, names[t], MAX_NAME_UNITS);
            if (text == NULL) {
                goto done;
            }
            (*env)->SetObjectArrayElement(env, texts, (jsize)(WTS_SESSION_EX_TEXTS * i + t), text);
            (*env)->DeleteLocalRef(env, text);
        }
    }
    result = (*env)->NewObjectArray(env, 2, wts_class_Object, NULL);
    if (result != NULL) {
        (*env)->SetObjectArrayElement(env, result, 0, triples);
        (*env)->SetObjectArrayElement(env, result, 1, texts);
    }
done:
    free_ex(level == 1 ? WTS_TYPE_SESSION_INFO_LEVEL1 : level, info, count);
    return result;
}

/*
 * LookupAccountSidW(system, sid): {domain, name}, or null when the SID maps to no account
 * (ERROR_NONE_MAPPED). system is the server's name, null for this machine. Asks for the
 * sizes first, then fills heap buffers of exactly those sizes.
 */
JNIEXPORT jobjectArray JNICALL FN(lookupAccount)(JNIEnv *env, jclass cls, jstring system,
                                                 jbyteArray sid) {
    (void)cls;
    WTS_REQUIRE(env, LookupAccountSidW, NULL);
    jobjectArray result = NULL;
    WCHAR *name = NULL, *domain = NULL;
    WCHAR *host = wts_heap_string(env, system);
    jsize sidLength = (*env)->GetArrayLength(env, sid);
    void *binary = (*env)->ExceptionCheck(env) ? NULL : wts_alloc(sidLength > 0 ? (size_t)sidLength : 1);
    if (binary == NULL) {
        wts_throw_win32(env, WTS_ERROR_NOT_ENOUGH_MEMORY, "HeapAlloc");
        goto done;
    }
    (*env)->GetByteArrayRegion(env, sid, 0, sidLength, (jbyte *)binary);
    /* LookupAccountSidW reads as many bytes as the SID says it has: they must be there. */
    if (sidLength < 8 || wts_sid_length(binary) == 0 || wts_sid_length(binary) > (DWORD)sidLength) {
        wts_throw_illegal_argument(env, "not a binary SID");
        goto done;
    }
    DWORD nameUnits = 0, domainUnits = 0, use = 0;
    DWORD error = 0;
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.LookupAccountSidW(host, binary, NULL, &nameUnits, NULL, &domainUnits, &use)) {
        error = WTS.GetLastError();
    }
    if (error == WTS_ERROR_INSUFFICIENT_BUFFER && nameUnits > 0 && nameUnits <= MAX_NAME_UNITS &&
        domainUnits <= MAX_NAME_UNITS) {
        name = (WCHAR *)wts_alloc(nameUnits * sizeof(WCHAR));
        domain = (WCHAR *)wts_alloc((domainUnits > 0 ? domainUnits : 1) * sizeof(WCHAR));
        if (name == NULL || domain == NULL) {
            wts_throw_win32(env, WTS_ERROR_NOT_ENOUGH_MEMORY, "HeapAlloc");
            goto done;
        }
        domain[0] = 0;
        error = 0;
        WTS_CLEAR_LAST_ERROR();
        if (!WTS.LookupAccountSidW(host, binary, name, &nameUnits, domain, &domainUnits, &use)) {
            error = WTS.GetLastError();
        }
    } else if (error == 0) {
        error = WTS_ERROR_INVALID_DATA; /* succeeded with no room for a name: not Windows */
    }
    if (error == ERROR_NONE_MAPPED) {
        goto done; /* null: no account */
    }
    if (error != 0) {
        wts_throw_win32(env, error, "LookupAccountSidW");
        goto done;
    }
    jstring domainText = wts_new_string(env, domain, MAX_NAME_UNITS);
    jstring nameText = domainText ? wts_new_string(env, name, MAX_NAME_UNITS) : NULL;
    result = nameText ? (*env)->NewObjectArray(env, 2, wts_class_String, NULL) : NULL;
    if (result != NULL) {
        (*env)->SetObjectArrayElement(env, result, 0, domainText);
        (*env)->SetObjectArrayElement(env, result, 1, nameText);
    }
done:
    wts_free(host);
    wts_free(binary);
    wts_free(name);
    wts_free(domain);
    return result;
}
