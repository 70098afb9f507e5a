/*
 * TEST-ONLY: natives of io.github.wtsbridge.testing.JniMisuse, deliberately WRONG JNI code.
 * They exist to prove that scripts/test's -Xcheck:jni grep catches real warnings (run by
 * scripts/check-jni-selftest, never by the normal suite). Never call them from a real test.
 */
#include <jni.h>

#define FN(name) Java_io_github_wtsbridge_testing_JniMisuse_##name

/* Creates `count` local references in a loop and never deletes them (past the capacity of 32). */
JNIEXPORT jint JNICALL FN(leakLocalRefs)(JNIEnv *env, jclass cls, jint count) {
    (void)cls;
    jint made = 0;
    for (jint i = 0; i < count; i++) {
        if ((*env)->NewStringUTF(env, "leaked") != NULL) {
            made++;
        }
    }
    return made;
}

/* Calls a Java method (which may throw) and then another JNI function without ExceptionCheck. */
JNIEXPORT jstring JNICALL FN(skipExceptionCheck)(JNIEnv *env, jclass cls) {
    jmethodID noop = (*env)->GetStaticMethodID(env, cls, "noop", "()V");
    if (noop == NULL) {
        return NULL;
    }
    (*env)->CallStaticVoidMethod(env, cls, noop);
    return (*env)->NewStringUTF(env, "no ExceptionCheck before this call");
}
