/* TEST-ONLY: natives of io.github.wtsbridge.testing.FakeSecurity (scripts fake_security.c). */
#include <jni.h>

#include "fake_security.h"

#define FN(name) Java_io_github_wtsbridge_testing_FakeSecurity_##name

JNIEXPORT void JNICALL FN(setNullDacl)(JNIEnv *env, jclass cls, jboolean on) {
    (void)env, (void)cls;
    fake_security_set_null_dacl(on == JNI_TRUE);
}

JNIEXPORT jint JNICALL FN(protections)(JNIEnv *env, jclass cls) {
    (void)env, (void)cls;
    DWORD flags;
    WCHAR path[2];
    return fake_security_protections(&flags, path, 2);
}

JNIEXPORT jint JNICALL FN(lastFlags)(JNIEnv *env, jclass cls) {
    (void)env, (void)cls;
    DWORD flags;
    WCHAR path[2];
    fake_security_protections(&flags, path, 2);
    return (jint)flags;
}

JNIEXPORT jstring JNICALL FN(lastPath)(JNIEnv *env, jclass cls) {
    (void)cls;
    WCHAR path[1024];
    DWORD flags;
    fake_security_protections(&flags, path, 1024);
    jsize n = 0;
    while (path[n] != 0) {
        n++;
    }
    return (*env)->NewString(env, (const jchar *)path, n);
}

JNIEXPORT jint JNICALL FN(staleDacls)(JNIEnv *env, jclass cls) {
    (void)env, (void)cls;
    return fake_security_stale_dacls();
}
