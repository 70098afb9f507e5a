/* TEST-ONLY: natives of io.github.wtsbridge.testing.FakePrivileges (scripts fake_privileges.c). */
#include <jni.h>

#include "fake_privileges.h"

#define FN(name) Java_io_github_wtsbridge_testing_FakePrivileges_##name

JNIEXPORT void JNICALL FN(setShutdown)(JNIEnv *env, jclass cls, jboolean present, jboolean enabled,
                                       jboolean impersonating) {
    (void)env, (void)cls;
    fake_privileges_set_shutdown(present == JNI_TRUE, enabled == JNI_TRUE, impersonating == JNI_TRUE);
}

JNIEXPORT jboolean JNICALL FN(shutdownEnabled)(JNIEnv *env, jclass cls) {
    (void)env, (void)cls;
    return fake_privileges_shutdown_enabled() ? JNI_TRUE : JNI_FALSE;
}

JNIEXPORT jlong JNICALL FN(adjustments)(JNIEnv *env, jclass cls) {
    (void)env, (void)cls;
    return (jlong)fake_privileges_adjustments();
}
