/* Natives of io.github.wtsbridge.internal.ProcessesNative: enumerate processes, pid → session. */
#include "jni_util.h"
#include "flat_names.h"

#define FN(name) Java_io_github_wtsbridge_internal_ProcessesNative_##name

/* SID bytes into a Java byte array (the same kind of loop). */
static void copy_bytes(jbyte *to, const void *from, size_t bytes) {
    const BYTE *in = (const BYTE *)from;
    for (size_t i = 0; i < bytes; i++) {
        to[i] = (jbyte)in[i];
    }
}

/*
 * Returns {int[] session/pid/nameLength/sidLength per process, the image names one after
 * another (byte[] Latin-1 if all of them are, else char[] UTF-16; no NULs), byte[] the SIDs
 * one after another}. Java cuts the
 * names and SIDs by the lengths and makes the Strings itself: no JNI call per process (a
 * NewString + SetObjectArrayElement + DeleteLocalRef per name was most of the cost of a
 * large listing), and Java formats "S-1-…" from the SID bytes.
 */
JNIEXPORT jobjectArray JNICALL FN(enumerateProcesses)(JNIEnv *env, jclass cls, jlong server) {
    (void)cls;
    WTS_REQUIRE(env, WTSEnumerateProcessesW, NULL);
    WTS_PROCESS_INFOW *info = NULL;
    DWORD count = 0;
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.WTSEnumerateProcessesW(WTS_SERVER(server), 0, 1, &info, &count)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "WTSEnumerateProcessesW");
        return NULL;
    }
    jobjectArray result = NULL;
    jintArray quads = NULL;
    jarray names = NULL;
    WCHAR bits = 0;
    jbyteArray sids = NULL;
    size_t sidBytes = 0, nameUnits = 0;
    if (count > 0x0FFFFFFF) {
        wts_throw_win32(env, WTS_ERROR_INVALID_DATA, "WTSEnumerateProcessesW");
        goto done;
    }
    quads = (*env)->NewIntArray(env, (jsize)(WTS_PROCESS_LIST_VALUES * count));
    if (quads == NULL) {
        goto done;
    }
    /* Pass 1: the numbers and lengths, and the totals to size the other two arrays. */
    jint *ints = (*env)->GetPrimitiveArrayCritical(env, quads, NULL);
    if (ints == NULL) {
        goto done;
    }
    for (DWORD i = 0; i < count; i++) {
        const WCHAR *name = info[i].pProcessName;
        size_t units = wts_flat_length(name, &bits);
        DWORD sid = wts_sid_length(info[i].pUserSid);
        jint *row = ints + WTS_PROCESS_LIST_VALUES * i;
        row[WTS_PROCESS_LIST_SESSION_ID] = (jint)info[i].SessionId;
        row[WTS_PROCESS_LIST_PROCESS_ID] = (jint)info[i].ProcessId;
        row[WTS_PROCESS_LIST_NAME_LENGTH] = (jint)units;
        row[WTS_PROCESS_LIST_SID_LENGTH] = (jint)sid;
        nameUnits += units;
        sidBytes += sid;
    }
    (*env)->ReleasePrimitiveArrayCritical(env, quads, ints, 0);
    if (nameUnits > 0x7FFFFFFF || sidBytes > 0x7FFFFFFF) {
        wts_throw_win32(env, WTS_ERROR_INVALID_DATA, "WTSEnumerateProcessesW");
        goto done;
    }
    int latin1 = bits <= 0xFF;
    names = wts_flat_new_array(env, latin1, nameUnits);
    sids = names ? (*env)->NewByteArray(env, (jsize)sidBytes) : NULL;
    if (sids == NULL) {
        goto done;
    }
    /* Pass 2: the text and the SIDs, by the lengths pass 1 recorded. */
    ints = (*env)->GetPrimitiveArrayCritical(env, quads, NULL);
    void *nameOut = ints ? (*env)->GetPrimitiveArrayCritical(env, names, NULL) : NULL;
    jbyte *sidOut = nameOut ? (*env)->GetPrimitiveArrayCritical(env, sids, NULL) : NULL;
    if (sidOut == NULL) {
        if (nameOut != NULL) {
            (*env)->ReleasePrimitiveArrayCritical(env, names, nameOut, JNI_ABORT);
        }
        if (ints != NULL) {
            (*env)->ReleasePrimitiveArrayCritical(env, quads, ints, JNI_ABORT);
        }
        goto done;
    }
    size_t unitAt = 0, sidAt = 0;
    for (DWORD i = 0; i < count; i++) {
        const jint *row = ints + WTS_PROCESS_LIST_VALUES * i;
        size_t units = (size_t)row[WTS_PROCESS_LIST_NAME_LENGTH];
        DWORD sid = (DWORD)row[WTS_PROCESS_LIST_SID_LENGTH];
        wts_flat_copy(nameOut, unitAt, latin1, info[i].pProcessName, units);
        copy_bytes(sidOut + sidAt, info[i].pUserSid, sid);
        unitAt += units;
        sidAt += sid;
    }
    (*env)->ReleasePrimitiveArrayCritical(env, sids, sidOut, 0);
    (*env)->ReleasePrimitiveArrayCritical(env, names, nameOut, 0);
    (*env)->ReleasePrimitiveArrayCritical(env, quads, ints, JNI_ABORT);
    result = (*env)->NewObjectArray(env, 3, wts_class_Object, NULL);
    if (result != NULL) {
        (*env)->SetObjectArrayElement(env, result, 0, quads);
        (*env)->SetObjectArrayElement(env, result, 1, names);
        (*env)->SetObjectArrayElement(env, result, 2, sids);
    }
done:
    WTS.WTSFreeMemory(info);
    return result;
}

JNIEXPORT jint JNICALL FN(processIdToSessionId)(JNIEnv *env, jclass cls, jint pid) {
    (void)cls;
    WTS_REQUIRE(env, ProcessIdToSessionId, 0);
    DWORD session = 0;
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.ProcessIdToSessionId((DWORD)pid, &session)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "ProcessIdToSessionId");
        return 0;
    }
    return (jint)session;
}
