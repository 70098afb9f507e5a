/* TEST-ONLY: natives of io.github.wtsbridge.testing.FakeUserConfig (scripts fake_userconfig.c). */
#include <jni.h>

#include "fake_jni_util.h"
#include <stdlib.h>

#include "fake_userconfig.h"

#define FN(name) Java_io_github_wtsbridge_testing_FakeUserConfig_##name

JNIEXPORT void JNICALL FN(addUser)(JNIEnv *env, jclass cls, jstring name) {
    (void)cls;
    WCHAR *copy = fake_java_string(env, name);
    if (copy != NULL) {
        fake_userconfig_add_user(copy);
        free(copy);
    }
}

JNIEXPORT void JNICALL FN(addServer)(JNIEnv *env, jclass cls, jstring name) {
    (void)cls;
    WCHAR *copy = fake_java_string(env, name);
    if (copy != NULL) {
        fake_userconfig_add_server(copy);
        free(copy);
    }
}

JNIEXPORT void JNICALL FN(setRawReply)(JNIEnv *env, jclass cls, jstring user, jint configClass,
                                       jbyteArray raw) {
    (void)cls;
    WCHAR *copy = fake_java_string(env, user);
    jsize size = (*env)->GetArrayLength(env, raw);
    jbyte *bytes = malloc(size == 0 ? 1 : (size_t)size);
    (*env)->GetByteArrayRegion(env, raw, 0, size, bytes);
    if (copy != NULL) {
        fake_userconfig_set_raw(copy, (DWORD)configClass, (const uint8_t *)bytes, (DWORD)size);
    }
    free(bytes);
    free(copy);
}

JNIEXPORT jint JNICALL FN(lastSetLength)(JNIEnv *env, jclass cls) {
    (void)env, (void)cls;
    return (jint)fake_userconfig_last_set_length();
}
