/* TEST-ONLY: natives of io.github.wtsbridge.testing.FakeEvents (scripts fake_events.c). */
#include <jni.h>

#include "fake_events.h"

#define FN(name) Java_io_github_wtsbridge_testing_FakeEvents_##name

/* Posts WM_WTSSESSION_CHANGE; NOTIFY_FOR_THIS_SESSION windows live in FAKE.currentSession. */
JNIEXPORT jint JNICALL FN(sessionChange)(JNIEnv *env, jclass cls, jint event, jint session) {
    (void)env, (void)cls;
    fake_lock();
    DWORD current = FAKE.currentSession;
    fake_unlock();
    return fake_events_session_change((DWORD)event, (DWORD)session, current);
}

JNIEXPORT jint JNICALL FN(systemEvent)(JNIEnv *env, jclass cls, jint flags) {
    (void)env, (void)cls;
    return fake_events_system_event((DWORD)flags);
}

JNIEXPORT jlongArray JNICALL FN(counts)(JNIEnv *env, jclass cls) {
    (void)cls;
    int64_t counts[FAKE_EVENTS_COUNTS];
    fake_events_counts(counts);
    jlongArray result = (*env)->NewLongArray(env, FAKE_EVENTS_COUNTS);
    if (result != NULL) {
        jlong values[FAKE_EVENTS_COUNTS];
        for (int i = 0; i < FAKE_EVENTS_COUNTS; i++) {
            values[i] = counts[i];
        }
        (*env)->SetLongArrayRegion(env, result, 0, FAKE_EVENTS_COUNTS, values);
    }
    return result;
}
