/* TEST-ONLY: natives of io.github.wtsbridge.testing.FakeEnumEx (scripts fake_enum_ex.c). */
#include <jni.h>
#include <stdlib.h>

#include "fake_enum_ex.h"

#define FN(name) Java_io_github_wtsbridge_testing_FakeEnumEx_##name

static WCHAR *copy(JNIEnv *env, jstring text) {
    if (text == NULL) {
        return NULL;
    }
    jsize length = (*env)->GetStringLength(env, text);
    WCHAR *out = calloc((size_t)length + 1, sizeof(WCHAR));
    if (out != NULL) {
        (*env)->GetStringRegion(env, text, 0, length, out);
    }
    return out;
}

/* details: threads, handles, pagefile, peak pagefile, working set, peak working set (DWORDs),
 * user time, kernel time (100 ns units). */
JNIEXPORT void JNICALL FN(setProcessDetails)(JNIEnv *env, jclass cls, jint pid,
                                             jlongArray details) {
    (void)cls;
    jlong values[FAKE_PROCESS_DETAILS];
    (*env)->GetLongArrayRegion(env, details, 0, FAKE_PROCESS_DETAILS, values);
    if ((*env)->ExceptionCheck(env)) {
        return;
    }
    int64_t converted[FAKE_PROCESS_DETAILS];
    for (int i = 0; i < FAKE_PROCESS_DETAILS; i++) {
        converted[i] = values[i];
    }
    fake_lock();
    fake_enum_ex_set_process((DWORD)pid, converted);
    fake_unlock();
}

JNIEXPORT void JNICALL FN(setSessionDetails)(JNIEnv *env, jclass cls, jint id, jstring host,
                                             jstring user, jstring domain, jstring farm) {
    (void)cls;
    WCHAR *texts[FAKE_SESSION_DETAILS] = {copy(env, host), copy(env, user), copy(env, domain),
                                          copy(env, farm)};
    fake_lock();
    fake_enum_ex_set_session((DWORD)id, texts);
    fake_unlock();
}

JNIEXPORT void JNICALL FN(forceLevel)(JNIEnv *env, jclass cls, jboolean processes, jint level) {
    (void)env, (void)cls;
    fake_lock();
    fake_enum_ex_force_level(processes == JNI_TRUE, level);
    fake_unlock();
}

JNIEXPORT void JNICALL FN(addAccount)(JNIEnv *env, jclass cls, jbyteArray sid, jstring domain,
                                      jstring name, jint use) {
    (void)cls;
    uint8_t raw[68];
    jsize length = (*env)->GetArrayLength(env, sid);
    if (length > (jsize)sizeof raw) {
        return;
    }
    (*env)->GetByteArrayRegion(env, sid, 0, length, (jbyte *)raw);
    WCHAR *d = copy(env, domain);
    WCHAR *n = copy(env, name);
    fake_lock();
    fake_enum_ex_add_account(raw, (DWORD)length, d, n, (DWORD)use);
    fake_unlock();
}

JNIEXPORT jstring JNICALL FN(lastLookupSystem)(JNIEnv *env, jclass cls) {
    (void)cls;
    fake_lock();
    const WCHAR *system = fake_enum_ex_last_lookup_system();
    jstring result = system == NULL ? NULL : (*env)->NewString(env, system, (jsize)fake_wcslen(system));
    fake_unlock();
    return result;
}

JNIEXPORT jint JNICALL FN(lookupCount)(JNIEnv *env, jclass cls) {
    (void)env, (void)cls;
    fake_lock();
    int count = fake_enum_ex_lookup_count();
    fake_unlock();
    return count;
}
