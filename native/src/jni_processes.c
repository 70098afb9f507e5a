/* Natives of io.github.wtsbridge.internal.ProcessesNative: enumerate processes, pid → session. */
#include "jni_util.h"

#define FN(name) Java_io_github_wtsbridge_internal_ProcessesNative_##name

#define MAX_NAME_UNITS 32767

/* Units of a name (at most MAX_NAME_UNITS); ORs its units into *bits, so that the caller
 * learns whether every name fits in Latin-1 (bits <= 0xFF). */
static size_t name_length(const WCHAR *name, WCHAR *bits) {
    size_t n = 0;
    WCHAR all = 0;
    while (name != NULL && n < MAX_NAME_UNITS && name[n] != 0) {
        all |= name[n];
        n++;
    }
    *bits |= all;
    return n;
}

/*
 * Names into a Java array: bytes when every name is Latin-1 (Java's compact form: the String
 * is made by a plain copy), else UTF-16 units. Plain loops the compiler may vectorise: the DLL
 * is built with -fno-builtin (/Zl with MSVC), so they never become calls to a memcpy the DLL
 * does not have; if one ever did, the DLL would fail to link, not to run.
 */
static void copy_name(void *to, size_t at, int latin1, const WCHAR *from, size_t units) {
    if (latin1) {
        jbyte *out = (jbyte *)to + at;
        for (size_t i = 0; i < units; i++) {
            out[i] = (jbyte)from[i];
        }
    } else {
        jchar *out = (jchar *)to + at;
        for (size_t i = 0; i < units; i++) {
            out[i] = from[i];
        }
    }
}

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
    quads = (*env)->NewIntArray(env, (jsize)(4 * count));
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
        size_t units = name_length(name, &bits);
        DWORD sid = wts_sid_length(info[i].pUserSid);
        ints[4 * i] = (jint)info[i].SessionId;
        ints[4 * i + 1] = (jint)info[i].ProcessId;
        ints[4 * i + 2] = (jint)units;
        ints[4 * i + 3] = (jint)sid;
        nameUnits += units;
        sidBytes += sid;
    }
    (*env)->ReleasePrimitiveArrayCritical(env, quads, ints, 0);
    if (nameUnits > 0x7FFFFFFF || sidBytes > 0x7FFFFFFF) {
        wts_throw_win32(env, WTS_ERROR_INVALID_DATA, "WTSEnumerateProcessesW");
        goto done;
    }
    int latin1 = bits <= 0xFF;
    names = latin1 ? (jarray)(*env)->NewByteArray(env, (jsize)nameUnits)
                   : (jarray)(*env)->NewCharArray(env, (jsize)nameUnits);
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
        size_t units = (size_t)ints[4 * i + 2];
        DWORD sid = (DWORD)ints[4 * i + 3];
        copy_name(nameOut, unitAt, latin1, info[i].pProcessName, units);
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
    if (!WTS.ProcessIdToSessionId((DWORD)pid, &session)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "ProcessIdToSessionId");
        return 0;
    }
    return (jint)session;
}
