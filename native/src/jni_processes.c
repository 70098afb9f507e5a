/* Natives of io.github.wtsbridge.internal.ProcessesNative: enumerate processes, pid → session. */
#include "jni_util.h"

#define FN(name) Java_io_github_wtsbridge_internal_ProcessesNative_##name

#define MAX_NAME_UNITS 32767
/*
 * Returns {int[] session/pid/sidLength triples, String[] image names, byte[] all SIDs one
 * after another}. Java slices the SIDs by the lengths and formats "S-1-…" itself.
 */
JNIEXPORT jobjectArray JNICALL FN(enumerateProcesses)(JNIEnv *env, jclass cls, jlong server) {
    (void)cls;
    WTS_REQUIRE(env, WTSEnumerateProcessesW, NULL);
    WTS_PROCESS_INFOW *info = NULL;
    DWORD count = 0;
    if (!WTS.WTSEnumerateProcessesW(WTS_SERVER(server), 0, 1, &info, &count)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "WTSEnumerateProcessesW");
        return NULL;
    }
    jobjectArray result = NULL;
    jintArray triples = NULL;
    jobjectArray names = NULL;
    jbyteArray sids = NULL;
    size_t sidBytes = 0;
    if (count > 0x0FFFFFFF) {
        wts_throw_win32(env, WTS_ERROR_INVALID_DATA, "WTSEnumerateProcessesW");
        goto done;
    }
    for (DWORD i = 0; i < count; i++) {
        sidBytes += wts_sid_length(info[i].pUserSid);
    }
    if (sidBytes > 0x7FFFFFFF) {
        wts_throw_win32(env, WTS_ERROR_INVALID_DATA, "WTSEnumerateProcessesW");
        goto done;
    }
    triples = (*env)->NewIntArray(env, (jsize)(3 * count));
    sids = triples ? (*env)->NewByteArray(env, (jsize)sidBytes) : NULL;
    names = sids ? (*env)->NewObjectArray(env, (jsize)count, wts_class_String, NULL) : NULL;
    if (names == NULL) {
        goto done;
    }
    jint *ints = (*env)->GetPrimitiveArrayCritical(env, triples, NULL);
    if (ints == NULL) {
        goto done;
    }
    jbyte *sidOut = (*env)->GetPrimitiveArrayCritical(env, sids, NULL);
    if (sidOut == NULL) {
        (*env)->ReleasePrimitiveArrayCritical(env, triples, ints, JNI_ABORT);
        goto done;
    }
    size_t at = 0;
    for (DWORD i = 0; i < count; i++) {
        DWORD length = wts_sid_length(info[i].pUserSid);
        ints[3 * i] = (jint)info[i].SessionId;
        ints[3 * i + 1] = (jint)info[i].ProcessId;
        ints[3 * i + 2] = (jint)length;
        wts_copy(sidOut + at, info[i].pUserSid, length);
        at += length;
    }
    (*env)->ReleasePrimitiveArrayCritical(env, sids, sidOut, 0);
    (*env)->ReleasePrimitiveArrayCritical(env, triples, ints, 0);
    for (DWORD i = 0; i < count; i++) {
        jstring name = wts_new_string(env, info[i].pProcessName, MAX_NAME_UNITS);
        if (name == NULL) {
            goto done;
        }
        (*env)->SetObjectArrayElement(env, names, (jsize)i, name);
        (*env)->DeleteLocalRef(env, name);
    }
    result = (*env)->NewObjectArray(env, 3, wts_class_Object, NULL);
    if (result != NULL) {
        (*env)->SetObjectArrayElement(env, result, 0, triples);
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
    if (!WTS.ProcessIdToSessionId((DWORD)pid, &session)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "ProcessIdToSessionId");
        return 0;
    }
    return (jint)session;
}
