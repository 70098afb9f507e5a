/* TEST-ONLY: natives of io.github.wtsbridge.testing.FakeRemote (scripts fake_remote.c). */
#include <jni.h>
#include <stdlib.h>

#include "fake.h"

#define FN(name) Java_io_github_wtsbridge_testing_FakeRemote_##name

extern WCHAR *fake_remote_last_server;
extern int64_t fake_remote_last_start[3];
extern int64_t fake_remote_last_connect[3];
extern WCHAR *fake_remote_last_password;
int fake_remote_is_shadowed(DWORD session);
void fake_remote_set_password(DWORD session, WCHAR *text);

static jstring text(JNIEnv *env, const WCHAR *value) {
    return value == NULL ? NULL : (*env)->NewString(env, value, (jsize)fake_wcslen(value));
}

static jlongArray numbers(JNIEnv *env, const int64_t values[3]) {
    jlongArray result = (*env)->NewLongArray(env, 3);
    if (result != NULL) {
        jlong copy[3] = {values[0], values[1], values[2]};
        (*env)->SetLongArrayRegion(env, result, 0, 3, copy);
    }
    return result;
}

JNIEXPORT jstring JNICALL FN(lastTargetServer)(JNIEnv *env, jclass cls) {
    (void)cls;
    fake_lock();
    jstring result = text(env, fake_remote_last_server);
    fake_unlock();
    return result;
}

/* {target session, virtual key, modifiers} of the last WTSStartRemoteControlSessionW. */
JNIEXPORT jlongArray JNICALL FN(lastStart)(JNIEnv *env, jclass cls) {
    (void)cls;
    fake_lock();
    int64_t copy[3] = {fake_remote_last_start[0], fake_remote_last_start[1], fake_remote_last_start[2]};
    fake_unlock();
    return numbers(env, copy);
}

JNIEXPORT jboolean JNICALL FN(isShadowed)(JNIEnv *env, jclass cls, jint session) {
    (void)env, (void)cls;
    fake_lock();
    int shadowed = fake_remote_is_shadowed((DWORD)session);
    fake_unlock();
    return shadowed ? JNI_TRUE : JNI_FALSE;
}

/* {session, target session, wait} of the last WTSConnectSessionW (LOGONID_CURRENT resolved). */
JNIEXPORT jlongArray JNICALL FN(lastConnect)(JNIEnv *env, jclass cls) {
    (void)cls;
    fake_lock();
    int64_t copy[3] = {fake_remote_last_connect[0], fake_remote_last_connect[1],
                       fake_remote_last_connect[2]};
    fake_unlock();
    return numbers(env, copy);
}

JNIEXPORT jstring JNICALL FN(lastPassword)(JNIEnv *env, jclass cls) {
    (void)cls;
    fake_lock();
    jstring result = text(env, fake_remote_last_password);
    fake_unlock();
    return result;
}

/* WTSConnectSessionW to `session` fails with 1326 unless given this password. */
JNIEXPORT void JNICALL FN(setPassword)(JNIEnv *env, jclass cls, jint session, jstring password) {
    (void)cls;
    jsize length = (*env)->GetStringLength(env, password);
    WCHAR *copy = calloc((size_t)length + 1, sizeof(WCHAR));
    if (copy == NULL) {
        return;
    }
    (*env)->GetStringRegion(env, password, 0, length, copy);
    fake_lock();
    fake_remote_set_password((DWORD)session, copy);
    fake_unlock();
}
