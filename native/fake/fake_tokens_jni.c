/* TEST-ONLY: natives of io.github.wtsbridge.testing.FakeTokens (scripts fake_tokens.c). */
#include <jni.h>

#include "fake_tokens.h"

#define FN(name) Java_io_github_wtsbridge_testing_FakeTokens_##name

JNIEXPORT void JNICALL FN(setSessionUser)(JNIEnv *env, jclass cls, jint session, jbyteArray sid) {
    (void)cls;
    uint8_t raw[68];
    jsize length = 0;
    if (sid != NULL) {
        length = (*env)->GetArrayLength(env, sid);
        if (length > (jsize)sizeof raw) {
            return;
        }
        (*env)->GetByteArrayRegion(env, sid, 0, length, (jbyte *)raw);
    }
    fake_tokens_set_session_user((DWORD)session, sid == NULL ? NULL : raw, (DWORD)length,
                                 FAKE_ELEVATION_DEFAULT);
}

JNIEXPORT void JNICALL FN(setPrivileged)(JNIEnv *env, jclass cls, jboolean privileged) {
    (void)env, (void)cls;
    fake_tokens_set_privileged(privileged == JNI_TRUE);
}

JNIEXPORT jlongArray JNICALL FN(counts)(JNIEnv *env, jclass cls) {
    (void)cls;
    int64_t counts[FAKE_TOKENS_COUNTS];
    fake_tokens_counts(counts);
    jlongArray result = (*env)->NewLongArray(env, FAKE_TOKENS_COUNTS);
    if (result != NULL) {
        jlong values[FAKE_TOKENS_COUNTS];
        for (int i = 0; i < FAKE_TOKENS_COUNTS; i++) {
            values[i] = counts[i];
        }
        (*env)->SetLongArrayRegion(env, result, 0, FAKE_TOKENS_COUNTS, values);
    }
    return result;
}
