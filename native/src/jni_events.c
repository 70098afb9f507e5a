/*
 * Natives of io.github.wtsbridge.internal.EventsNative: WTSWaitSystemEvent, the raw
 * WTSRegisterSessionNotification pair, and the message loop of the hidden window that
 * receives WM_WTSSESSION_CHANGE for a subscription.
 *
 * The loop runs on a Java thread (a daemon the Java side starts), so the window procedure,
 * which Windows calls on that same thread, reaches Java through the thread's own JNIEnv
 * (JavaVM->GetEnv) and a static callback; the Java side routes it to the subscription that
 * owns the thread. Nothing per window is held in native memory, so no global reference can
 * leak on any path: the class reference and method ids are made once, in init().
 */
#include "jni_util.h"

#define FN(name) Java_io_github_wtsbridge_internal_EventsNative_##name

static JavaVM *java_vm;
static jclass class_EventsNative;
static jmethodID method_loopStarted;    /* static void loopStarted(long hwnd, int threadId) */
static jmethodID method_sessionChanged; /* static void sessionChanged(int event, int session) */

/* Drops what init() keeps (JNI_OnUnload, through wts_at_unload). */
static void events_unload(JNIEnv *env) {
    if (class_EventsNative != NULL) {
        (*env)->DeleteGlobalRef(env, class_EventsNative);
        class_EventsNative = NULL;
    }
    method_loopStarted = NULL;
    method_sessionChanged = NULL;
    java_vm = NULL;
}

/* Called once from EventsNative's static initializer (the JVM serialises class init). */
JNIEXPORT void JNICALL FN(init)(JNIEnv *env, jclass cls) {
    if (class_EventsNative != NULL) {
        return;
    }
    if ((*env)->GetJavaVM(env, &java_vm) != 0) {
        wts_throw_illegal_argument(env, "GetJavaVM failed");
        return;
    }
    method_loopStarted = (*env)->GetStaticMethodID(env, cls, "loopStarted", "(JI)V");
    method_sessionChanged = method_loopStarted == NULL
                                ? NULL
                                : (*env)->GetStaticMethodID(env, cls, "sessionChanged", "(II)V");
    if (method_sessionChanged == NULL) {
        return; /* NoSuchMethodError pending */
    }
    class_EventsNative = (jclass)(*env)->NewGlobalRef(env, cls);
    if (class_EventsNative != NULL) {
        wts_at_unload(events_unload);
    }
}

/* Returns the WTS_EVENT_* flags that ended the wait (0 = WTS_EVENT_NONE: a flush). */
JNIEXPORT jint JNICALL FN(waitSystemEvent)(JNIEnv *env, jclass cls, jlong server, jint mask) {
    (void)cls;
    WTS_REQUIRE(env, WTSWaitSystemEvent, 0);
    DWORD flags = 0;
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.WTSWaitSystemEvent(WTS_SERVER(server), (DWORD)mask, &flags)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "WTSWaitSystemEvent");
        return 0;
    }
    return (jint)flags;
}

JNIEXPORT void JNICALL FN(register)(JNIEnv *env, jclass cls, jlong window, jint flags) {
    (void)cls;
    WTS_REQUIRE(env, WTSRegisterSessionNotification, );
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.WTSRegisterSessionNotification((HANDLE)(intptr_t)window, (DWORD)flags)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "WTSRegisterSessionNotification");
    }
}

JNIEXPORT void JNICALL FN(unregister)(JNIEnv *env, jclass cls, jlong window) {
    (void)cls;
    WTS_REQUIRE(env, WTSUnRegisterSessionNotification, );
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.WTSUnRegisterSessionNotification((HANDLE)(intptr_t)window)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "WTSUnRegisterSessionNotification");
    }
}

/* The Ex pair: the same, on a server handle (WTS_CURRENT_SERVER_HANDLE or from WTSOpenServer). */
JNIEXPORT void JNICALL FN(registerEx)(JNIEnv *env, jclass cls, jlong server, jlong window,
                                      jint flags) {
    (void)cls;
    WTS_REQUIRE(env, WTSRegisterSessionNotificationEx, );
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.WTSRegisterSessionNotificationEx(WTS_SERVER(server), (HANDLE)(intptr_t)window,
                                              (DWORD)flags)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "WTSRegisterSessionNotificationEx");
    }
}

JNIEXPORT void JNICALL FN(unregisterEx)(JNIEnv *env, jclass cls, jlong server, jlong window) {
    (void)cls;
    WTS_REQUIRE(env, WTSUnRegisterSessionNotificationEx, );
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.WTSUnRegisterSessionNotificationEx(WTS_SERVER(server), (HANDLE)(intptr_t)window)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "WTSUnRegisterSessionNotificationEx");
    }
}

/* The hidden window's procedure: WM_WTSSESSION_CHANGE goes to Java, the rest to Windows. */
static LRESULT WINAPI window_proc(HANDLE window, UINT message, WPARAM wParam, LPARAM lParam) {
    if (message == WTS_WM_WTSSESSION_CHANGE) {
        JNIEnv *env = NULL;
        if (java_vm != NULL && (*java_vm)->GetEnv(java_vm, (void **)&env, JNI_VERSION_1_8) == JNI_OK) {
            (*env)->CallStaticVoidMethod(env, class_EventsNative, method_sessionChanged,
                                         (jint)wParam, (jint)lParam);
            /* The Java side catches what listeners throw; only an Error can get here, and the
             * loop must keep running for the next event. */
            if ((*env)->ExceptionCheck(env)) {
                (*env)->ExceptionClear(env);
            }
        }
        return 0;
    }
    return WTS.DefWindowProcW(window, message, wParam, lParam);
}

/* "WtsBridgeEvents" + the address of the caller's frame in hex: unique among live loops. */
static void class_name(WCHAR name[40], const void *frame) {
    static const char prefix[] = "WtsBridgeEvents";
    int at = 0;
    for (; prefix[at] != 0; at++) {
        name[at] = (WCHAR)prefix[at];
    }
    uintptr_t value = (uintptr_t)frame;
    for (int shift = (int)(sizeof value * 8) - 4; shift >= 0; shift -= 4) {
        name[at++] = (WCHAR)"0123456789ABCDEF"[(value >> shift) & 0xF];
    }
    name[at] = 0;
}

/*
 * Creates a message-only window, registers it for session notifications (flags: 0 this
 * session, 1 all sessions), reports (window, thread id) through loopStarted, and pumps
 * messages until WM_QUIT (postQuit). Then unregisters, destroys the window and its class.
 */
JNIEXPORT void JNICALL FN(messageLoop0)(JNIEnv *env, jclass cls, jint flags) {
    WTS_REQUIRE(env, GetModuleHandleW, );
    WTS_REQUIRE(env, GetCurrentThreadId, );
    WTS_REQUIRE(env, RegisterClassExW, );
    WTS_REQUIRE(env, UnregisterClassW, );
    WTS_REQUIRE(env, CreateWindowExW, );
    WTS_REQUIRE(env, DestroyWindow, );
    WTS_REQUIRE(env, GetMessageW, );
    WTS_REQUIRE(env, DispatchMessageW, );
    WTS_REQUIRE(env, DefWindowProcW, );
    WTS_REQUIRE(env, WTSRegisterSessionNotification, );
    WTS_REQUIRE(env, WTSUnRegisterSessionNotification, );
    if (class_EventsNative == NULL) {
        wts_throw_illegal_argument(env, "EventsNative.init() has not run");
        return;
    }
    MSG message;
    WCHAR name[40];
    class_name(name, &message);
    HANDLE instance = WTS.GetModuleHandleW(NULL);
    WNDCLASSEXW windowClass;
    BYTE *raw = (BYTE *)&windowClass;
    for (size_t i = 0; i < sizeof windowClass; i++) {
        raw[i] = 0;
    }
    windowClass.cbSize = sizeof windowClass;
    windowClass.lpfnWndProc = window_proc;
    windowClass.hInstance = instance;
    windowClass.lpszClassName = name;
    WTS_CLEAR_LAST_ERROR();
    if (WTS.RegisterClassExW(&windowClass) == 0) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "RegisterClassExW");
        return;
    }
    WTS_CLEAR_LAST_ERROR();
    HANDLE window = WTS.CreateWindowExW(0, name, name, 0, 0, 0, 0, 0, WTS_HWND_MESSAGE, NULL,
                                        instance, NULL);
    if (window == NULL) {
        DWORD error = WTS.GetLastError();
        WTS.UnregisterClassW(name, instance);
        wts_throw_win32(env, error, "CreateWindowExW");
        return;
    }
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.WTSRegisterSessionNotification(window, (DWORD)flags)) {
        DWORD error = WTS.GetLastError();
        WTS.DestroyWindow(window);
        WTS.UnregisterClassW(name, instance);
        wts_throw_win32(env, error, "WTSRegisterSessionNotification");
        return;
    }
    (*env)->CallStaticVoidMethod(env, cls, method_loopStarted, (jlong)(intptr_t)window,
                                 (jint)WTS.GetCurrentThreadId());
    DWORD loopError = 0;
    if (!(*env)->ExceptionCheck(env)) {
        BOOL got;
        WTS_CLEAR_LAST_ERROR();
        while ((got = WTS.GetMessageW(&message, NULL, 0, 0)) > 0) {
            WTS.DispatchMessageW(&message);
            WTS_CLEAR_LAST_ERROR(); /* a window procedure may have set one */
        }
        if (got < 0) {
            loopError = WTS.GetLastError();
        }
    }
    WTS.WTSUnRegisterSessionNotification(window);
    WTS.DestroyWindow(window);
    WTS.UnregisterClassW(name, instance);
    if (loopError != 0) {
        wts_throw_win32(env, loopError, "GetMessageW");
    }
}

/* Ends a loop: WM_QUIT to its thread. False if the thread has no queue any more. */
JNIEXPORT jboolean JNICALL FN(postQuit)(JNIEnv *env, jclass cls, jint threadId) {
    (void)cls;
    WTS_REQUIRE(env, PostThreadMessageW, JNI_FALSE);
    return WTS.PostThreadMessageW((DWORD)threadId, WTS_WM_QUIT, 0, 0) ? JNI_TRUE : JNI_FALSE;
}
