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

/* A window owned by the calling (test) thread, as a caller with its own window would have. */
static LRESULT WINAPI owned_window_proc(HANDLE window, UINT message, WPARAM wParam, LPARAM lParam) {
    return WTS.DefWindowProcW(window, message, wParam, lParam);
}

static const WCHAR OWNED_CLASS[] = {'O', 'w', 'n', 'e', 'd', 0};

JNIEXPORT jlong JNICALL FN(createWindow)(JNIEnv *env, jclass cls) {
    (void)env, (void)cls;
    WNDCLASSEXW wc = {0};
    wc.cbSize = sizeof wc;
    wc.lpfnWndProc = owned_window_proc;
    wc.lpszClassName = OWNED_CLASS;
    if (WTS.RegisterClassExW(&wc) == 0) {
        return 0;
    }
    return (jlong)(intptr_t)WTS.CreateWindowExW(0, OWNED_CLASS, OWNED_CLASS, 0, 0, 0, 0, 0, NULL,
                                                NULL, NULL, NULL);
}

JNIEXPORT void JNICALL FN(destroyWindow)(JNIEnv *env, jclass cls, jlong window) {
    (void)env, (void)cls;
    WTS.DestroyWindow((HANDLE)(intptr_t)window);
    WTS.UnregisterClassW(OWNED_CLASS, NULL);
}

/* Takes the next message of the calling thread's queue: {message, wParam, lParam}. */
JNIEXPORT jlongArray JNICALL FN(nextMessage)(JNIEnv *env, jclass cls) {
    (void)cls;
    MSG msg;
    if (WTS.GetMessageW(&msg, NULL, 0, 0) < 0) {
        return NULL;
    }
    jlongArray result = (*env)->NewLongArray(env, 3);
    if (result != NULL) {
        jlong values[3] = {(jlong)msg.message, (jlong)msg.wParam, (jlong)msg.lParam};
        (*env)->SetLongArrayRegion(env, result, 0, 3, values);
    }
    return result;
}
