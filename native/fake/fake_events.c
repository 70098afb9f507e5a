/*
 * TEST-ONLY fake of user32's window/message functions, WTSRegisterSessionNotification and
 * WTSWaitSystemEvent, with Windows semantics:
 *  - a message queue per thread (thread ids from the fake GetCurrentThreadId); GetMessageW
 *    blocks until a message arrives, returns 0 for WM_QUIT and -1 on failure; PostMessageW
 *    queues on the window's thread, PostThreadMessageW on a thread that has a queue;
 *    DispatchMessageW calls the window procedure on the calling thread;
 *  - window classes are per (name, instance): a duplicate fails with 1410, unregistering one
 *    that still has windows with 1412; DestroyWindow only from the window's own thread;
 *  - classes, windows and session-notification registrations count as open handles, so a
 *    test fails if any is left behind;
 *  - WTSWaitSystemEvent blocks until an injected event in its mask or a WTS_EVENT_FLUSH on
 *    the same server handle (then it returns WTS_EVENT_NONE).
 * The test hooks (fake_events_jni.c) inject session changes: WM_WTSSESSION_CHANGE is posted
 * to every registered window, honouring NOTIFY_FOR_THIS_SESSION vs NOTIFY_FOR_ALL_SESSIONS.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "fake.h"
#include "fake_events.h"

#define ERROR_MOD_NOT_FOUND 126u
#define ERROR_INVALID_WINDOW_HANDLE 1400u
#define ERROR_CANNOT_FIND_WND_CLASS 1407u
#define ERROR_CLASS_ALREADY_EXISTS 1410u
#define ERROR_CLASS_DOES_NOT_EXIST 1411u
#define ERROR_CLASS_HAS_WINDOWS 1412u
#define ERROR_INVALID_THREAD_ID 1444u
#define WM_CREATE 0x0001u
#define WM_DESTROY 0x0002u
#define CLASS_NAME_UNITS 64
#define FAKE_INSTANCE ((HANDLE)(intptr_t)0x400000)

typedef struct queued {
    MSG msg;
    struct queued *next;
} queued;

typedef struct queue {
    DWORD thread;
    queued *head, *tail;
    pthread_cond_t arrived;
    int waiting;
    struct queue *next;
} queue;

typedef struct window_class {
    WCHAR name[CLASS_NAME_UNITS];
    HANDLE instance;
    WNDPROC proc;
    int windows;
    uint16_t atom;
    struct window_class *next;
} window_class;

typedef struct window {
    window_class *cls;
    DWORD thread;
    struct window *next;
} window;

typedef struct registration {
    HANDLE window;
    DWORD flags;
    struct registration *next;
} registration;

typedef struct waiter {
    HANDLE server;
    DWORD mask;
    DWORD result;
    int done;
    struct waiter *next;
} waiter;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t waiter_signal = PTHREAD_COND_INITIALIZER;
static queue *queues;
static window_class *classes;
static window *windows;
static registration *registrations;
static waiter *waiters;
static uint16_t next_atom = 0xC000;
static DWORD next_thread_id = 100;
static __thread DWORD my_thread_id;
static int64_t destroyed_while_registered, waiting_threads;

static int fail(DWORD code) {
    fake_set_last_error(code);
    return 0;
}

static DWORD WINAPI fake_GetCurrentThreadId(void) {
    if (my_thread_id == 0) {
        my_thread_id = __atomic_add_fetch(&next_thread_id, 4, __ATOMIC_RELAXED);
    }
    return my_thread_id;
}

static HANDLE WINAPI fake_GetModuleHandleW(const WCHAR *name) {
    if (fake_enter("GetModuleHandleW")) {
        return NULL;
    }
    if (name != NULL) {
        fake_set_last_error(ERROR_MOD_NOT_FOUND);
        return NULL;
    }
    return FAKE_INSTANCE;
}

/* ---- queues, classes, windows (lock held) ---- */

static queue *find_queue(DWORD thread, int create) {
    for (queue *q = queues; q != NULL; q = q->next) {
        if (q->thread == thread) {
            return q;
        }
    }
    if (!create) {
        return NULL;
    }
    queue *q = calloc(1, sizeof *q);
    q->thread = thread;
    pthread_cond_init(&q->arrived, NULL);
    q->next = queues;
    queues = q;
    return q;
}

static void post(queue *q, HANDLE hwnd, UINT message, WPARAM wParam, LPARAM lParam) {
    queued *m = calloc(1, sizeof *m);
    m->msg.hwnd = hwnd;
    m->msg.message = message;
    m->msg.wParam = wParam;
    m->msg.lParam = lParam;
    if (q->tail != NULL) {
        q->tail->next = m;
    } else {
        q->head = m;
    }
    q->tail = m;
    pthread_cond_broadcast(&q->arrived);
}

static size_t name_units(const WCHAR *name) {
    return fake_wcslen(name);
}

static window_class *find_class(const WCHAR *name, HANDLE instance) {
    size_t units = name_units(name);
    for (window_class *c = classes; c != NULL; c = c->next) {
        if (c->instance == instance && name_units(c->name) == units &&
            memcmp(c->name, name, units * sizeof(WCHAR)) == 0) {
            return c;
        }
    }
    return NULL;
}

static window *find_window(HANDLE handle) {
    for (window *w = windows; w != NULL; w = w->next) {
        if ((HANDLE)w == handle) {
            return w;
        }
    }
    return NULL;
}

/* ---- user32 ---- */

static uint16_t WINAPI fake_RegisterClassExW(const WNDCLASSEXW *wc) {
    if (fake_enter("RegisterClassExW")) {
        return 0;
    }
    if (wc == NULL || wc->cbSize != sizeof *wc || wc->lpfnWndProc == NULL ||
        wc->lpszClassName == NULL || name_units(wc->lpszClassName) == 0 ||
        name_units(wc->lpszClassName) >= CLASS_NAME_UNITS) {
        return (uint16_t)fail(WTS_ERROR_INVALID_PARAMETER);
    }
    pthread_mutex_lock(&lock);
    if (find_class(wc->lpszClassName, wc->hInstance) != NULL) {
        pthread_mutex_unlock(&lock);
        return (uint16_t)fail(ERROR_CLASS_ALREADY_EXISTS);
    }
    window_class *c = calloc(1, sizeof *c);
    memcpy(c->name, wc->lpszClassName, (name_units(wc->lpszClassName) + 1) * sizeof(WCHAR));
    c->instance = wc->hInstance;
    c->proc = wc->lpfnWndProc;
    c->atom = next_atom++;
    c->next = classes;
    classes = c;
    uint16_t atom = c->atom;
    pthread_mutex_unlock(&lock);
    fake_handle_opened();
    return atom;
}

static BOOL WINAPI fake_UnregisterClassW(const WCHAR *name, HANDLE instance) {
    if (fake_enter("UnregisterClassW")) {
        return 0;
    }
    if (name == NULL) {
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    pthread_mutex_lock(&lock);
    for (window_class **at = &classes; *at != NULL; at = &(*at)->next) {
        window_class *c = *at;
        if (c != find_class(name, instance)) {
            continue;
        }
        if (c->windows > 0) {
            pthread_mutex_unlock(&lock);
            return fail(ERROR_CLASS_HAS_WINDOWS);
        }
        *at = c->next;
        free(c);
        pthread_mutex_unlock(&lock);
        fake_handle_closed();
        return 1;
    }
    pthread_mutex_unlock(&lock);
    return fail(ERROR_CLASS_DOES_NOT_EXIST);
}

static HANDLE WINAPI fake_CreateWindowExW(DWORD exStyle, const WCHAR *className,
                                          const WCHAR *windowName, DWORD style, int32_t x,
                                          int32_t y, int32_t width, int32_t height,
                                          HANDLE parent, HANDLE menu, HANDLE instance,
                                          void *param) {
    (void)exStyle, (void)windowName, (void)style, (void)x, (void)y, (void)width, (void)height;
    (void)menu, (void)param;
    if (fake_enter("CreateWindowExW")) {
        return NULL;
    }
    if (className == NULL) {
        fake_set_last_error(WTS_ERROR_INVALID_PARAMETER);
        return NULL;
    }
    DWORD thread = fake_GetCurrentThreadId();
    pthread_mutex_lock(&lock);
    window_class *c = find_class(className, instance);
    if (c == NULL) {
        pthread_mutex_unlock(&lock);
        fake_set_last_error(ERROR_CANNOT_FIND_WND_CLASS);
        return NULL;
    }
    if (parent != NULL && parent != WTS_HWND_MESSAGE && find_window(parent) == NULL) {
        pthread_mutex_unlock(&lock);
        fake_set_last_error(ERROR_INVALID_WINDOW_HANDLE);
        return NULL;
    }
    window *w = calloc(1, sizeof *w);
    w->cls = c;
    w->thread = thread;
    w->next = windows;
    windows = w;
    c->windows++;
    find_queue(thread, 1); /* a thread that owns a window has a queue */
    WNDPROC proc = c->proc;
    pthread_mutex_unlock(&lock);
    fake_handle_opened();
    proc((HANDLE)w, WM_CREATE, 0, 0); /* sent, not posted: runs before CreateWindowExW returns */
    return (HANDLE)w;
}

static BOOL WINAPI fake_DestroyWindow(HANDLE handle) {
    if (fake_enter("DestroyWindow")) {
        return 0;
    }
    pthread_mutex_lock(&lock);
    window *w = find_window(handle);
    if (w == NULL) {
        pthread_mutex_unlock(&lock);
        return fail(ERROR_INVALID_WINDOW_HANDLE);
    }
    if (w->thread != fake_GetCurrentThreadId()) {
        pthread_mutex_unlock(&lock);
        return fail(5); /* ERROR_ACCESS_DENIED: not the window's thread */
    }
    WNDPROC proc = w->cls->proc;
    pthread_mutex_unlock(&lock);
    proc(handle, WM_DESTROY, 0, 0);
    pthread_mutex_lock(&lock);
    /* Registrations die with the window (Windows says to unregister first: counted). */
    int dropped = 0;
    for (registration **at = &registrations; *at != NULL;) {
        if ((*at)->window == handle) {
            registration *r = *at;
            *at = r->next;
            free(r);
            dropped++;
        } else {
            at = &(*at)->next;
        }
    }
    destroyed_while_registered += dropped;
    /* Messages still queued for it are dropped. */
    queue *q = find_queue(w->thread, 0);
    if (q != NULL) {
        queued **at = &q->head;
        q->tail = NULL;
        while (*at != NULL) {
            if ((*at)->msg.hwnd == handle) {
                queued *m = *at;
                *at = m->next;
                free(m);
            } else {
                q->tail = *at;
                at = &(*at)->next;
            }
        }
    }
    for (window **at = &windows; *at != NULL; at = &(*at)->next) {
        if (*at == w) {
            *at = w->next;
            break;
        }
    }
    w->cls->windows--;
    free(w);
    pthread_mutex_unlock(&lock);
    for (int i = 0; i < dropped + 1; i++) {
        fake_handle_closed();
    }
    return 1;
}

static BOOL WINAPI fake_GetMessageW(MSG *message, HANDLE hwnd, UINT first, UINT last) {
    (void)first, (void)last;
    if (fake_enter("GetMessageW")) {
        return -1;
    }
    if (message == NULL) {
        fake_set_last_error(WTS_ERROR_INVALID_PARAMETER);
        return -1;
    }
    DWORD thread = fake_GetCurrentThreadId();
    pthread_mutex_lock(&lock);
    if (hwnd != NULL && find_window(hwnd) == NULL) {
        pthread_mutex_unlock(&lock);
        fake_set_last_error(ERROR_INVALID_WINDOW_HANDLE);
        return -1;
    }
    queue *q = find_queue(thread, 1);
    for (;;) {
        queued **at = &q->head, *prev = NULL;
        while (*at != NULL && hwnd != NULL && (*at)->msg.hwnd != hwnd &&
               (*at)->msg.message != WTS_WM_QUIT) {
            prev = *at;
            at = &(*at)->next;
        }
        if (*at != NULL) {
            queued *m = *at;
            *at = m->next;
            if (q->tail == m) {
                q->tail = prev;
            }
            *message = m->msg;
            free(m);
            pthread_mutex_unlock(&lock);
            return message->message == WTS_WM_QUIT ? 0 : 1;
        }
        q->waiting++;
        waiting_threads++;
        pthread_cond_wait(&q->arrived, &lock);
        waiting_threads--;
        q->waiting--;
    }
}

static LRESULT WINAPI fake_DispatchMessageW(const MSG *message) {
    fake_enter("DispatchMessageW");
    if (message == NULL || message->hwnd == NULL) {
        return 0; /* thread messages have no window procedure */
    }
    pthread_mutex_lock(&lock);
    window *w = find_window(message->hwnd);
    WNDPROC proc = w == NULL ? NULL : w->cls->proc;
    pthread_mutex_unlock(&lock);
    if (proc == NULL) {
        fake_set_last_error(ERROR_INVALID_WINDOW_HANDLE);
        return 0;
    }
    return proc(message->hwnd, message->message, message->wParam, message->lParam);
}

static BOOL WINAPI fake_PostMessageW(HANDLE hwnd, UINT message, WPARAM wParam, LPARAM lParam) {
    if (fake_enter("PostMessageW")) {
        return 0;
    }
    pthread_mutex_lock(&lock);
    queue *q;
    if (hwnd == NULL) { /* like PostThreadMessageW to the calling thread */
        q = find_queue(fake_GetCurrentThreadId(), 1);
    } else {
        window *w = find_window(hwnd);
        if (w == NULL) {
            pthread_mutex_unlock(&lock);
            return fail(ERROR_INVALID_WINDOW_HANDLE);
        }
        q = find_queue(w->thread, 1);
    }
    post(q, hwnd, message, wParam, lParam);
    pthread_mutex_unlock(&lock);
    return 1;
}

static BOOL WINAPI fake_PostThreadMessageW(DWORD thread, UINT message, WPARAM wParam,
                                           LPARAM lParam) {
    if (fake_enter("PostThreadMessageW")) {
        return 0;
    }
    pthread_mutex_lock(&lock);
    queue *q = find_queue(thread, 0);
    if (q == NULL) {
        pthread_mutex_unlock(&lock);
        return fail(ERROR_INVALID_THREAD_ID);
    }
    post(q, NULL, message, wParam, lParam);
    pthread_mutex_unlock(&lock);
    return 1;
}

static LRESULT WINAPI fake_DefWindowProcW(HANDLE hwnd, UINT message, WPARAM wParam,
                                          LPARAM lParam) {
    (void)hwnd, (void)message, (void)wParam, (void)lParam;
    return 0;
}

/* ---- wtsapi32: session notifications ---- */

static BOOL WINAPI fake_WTSRegisterSessionNotification(HANDLE hwnd, DWORD flags) {
    if (fake_enter("WTSRegisterSessionNotification")) {
        return 0;
    }
    if (flags > 1) {
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    pthread_mutex_lock(&lock);
    if (find_window(hwnd) == NULL) {
        pthread_mutex_unlock(&lock);
        return fail(ERROR_INVALID_WINDOW_HANDLE);
    }
    registration *r = calloc(1, sizeof *r);
    r->window = hwnd;
    r->flags = flags;
    r->next = registrations;
    registrations = r;
    pthread_mutex_unlock(&lock);
    fake_handle_opened();
    return 1;
}

static BOOL WINAPI fake_WTSUnRegisterSessionNotification(HANDLE hwnd) {
    if (fake_enter("WTSUnRegisterSessionNotification")) {
        return 0;
    }
    pthread_mutex_lock(&lock);
    for (registration **at = &registrations; *at != NULL; at = &(*at)->next) {
        if ((*at)->window == hwnd) {
            registration *r = *at;
            *at = r->next;
            free(r);
            pthread_mutex_unlock(&lock);
            fake_handle_closed();
            return 1;
        }
    }
    pthread_mutex_unlock(&lock);
    return fail(ERROR_INVALID_WINDOW_HANDLE);
}

/* The Ex pair shares the registrations: the fake's sessions are all on the server asked. */
static BOOL WINAPI fake_WTSRegisterSessionNotificationEx(HANDLE server, HANDLE hwnd, DWORD flags) {
    if (fake_enter("WTSRegisterSessionNotificationEx") ||
        !fake_server_check(server, "WTSRegisterSessionNotificationEx")) {
        return 0;
    }
    return fake_WTSRegisterSessionNotification(hwnd, flags);
}

static BOOL WINAPI fake_WTSUnRegisterSessionNotificationEx(HANDLE server, HANDLE hwnd) {
    if (fake_enter("WTSUnRegisterSessionNotificationEx") ||
        !fake_server_check(server, "WTSUnRegisterSessionNotificationEx")) {
        return 0;
    }
    return fake_WTSUnRegisterSessionNotification(hwnd);
}

/* ---- wtsapi32: WTSWaitSystemEvent ---- */

static BOOL WINAPI fake_WTSWaitSystemEvent(HANDLE server, DWORD mask, DWORD *flags) {
    if (fake_enter("WTSWaitSystemEvent") || !fake_server_check(server, "WTSWaitSystemEvent")) {
        return 0;
    }
    if (flags == NULL || mask == 0) {
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    pthread_mutex_lock(&lock);
    if (mask & WTS_EVENT_FLUSH) { /* releases every pending wait on this server handle */
        for (waiter *w = waiters; w != NULL; w = w->next) {
            if (w->server == server) {
                w->done = 1;
                w->result = 0;
            }
        }
        pthread_cond_broadcast(&waiter_signal);
        pthread_mutex_unlock(&lock);
        *flags = 0;
        return 1;
    }
    waiter self = {server, mask, 0, 0, waiters};
    waiters = &self;
    while (!self.done) {
        pthread_cond_wait(&waiter_signal, &lock);
    }
    for (waiter **at = &waiters; *at != NULL; at = &(*at)->next) {
        if (*at == &self) {
            *at = self.next;
            break;
        }
    }
    pthread_mutex_unlock(&lock);
    /* the handle must still be open when the wait returns: a WTSCloseServer while the call
       was in flight counts as a bad handle use (and fails the wait, with ERROR_INVALID_HANDLE) */
    if (!fake_server_check(server, "WTSWaitSystemEvent")) {
        return 0;
    }
    *flags = self.result;
    return 1;
}

/* ---- test hooks (fake_events.h) ---- */

int fake_events_session_change(DWORD event, DWORD session, DWORD callerSession) {
    int posted = 0;
    pthread_mutex_lock(&lock);
    for (registration *r = registrations; r != NULL; r = r->next) {
        if (r->flags == 0 && session != callerSession) {
            continue; /* NOTIFY_FOR_THIS_SESSION */
        }
        window *w = find_window(r->window);
        if (w != NULL) {
            post(find_queue(w->thread, 1), r->window, WTS_WM_WTSSESSION_CHANGE, event,
                 (LPARAM)session);
            posted++;
        }
    }
    pthread_mutex_unlock(&lock);
    return posted;
}

int fake_events_system_event(DWORD flags) {
    int released = 0;
    pthread_mutex_lock(&lock);
    for (waiter *w = waiters; w != NULL; w = w->next) {
        if (!w->done && (w->mask & flags) != 0) {
            w->done = 1;
            w->result = w->mask & flags;
            released++;
        }
    }
    pthread_cond_broadcast(&waiter_signal);
    pthread_mutex_unlock(&lock);
    return released;
}

void fake_events_counts(int64_t counts[FAKE_EVENTS_COUNTS]) {
    memset(counts, 0, FAKE_EVENTS_COUNTS * sizeof counts[0]);
    pthread_mutex_lock(&lock);
    for (window_class *c = classes; c != NULL; c = c->next) {
        counts[0]++;
    }
    for (window *w = windows; w != NULL; w = w->next) {
        counts[1]++;
    }
    for (registration *r = registrations; r != NULL; r = r->next) {
        counts[2]++;
    }
    for (waiter *w = waiters; w != NULL; w = w->next) {
        counts[3] += !w->done;
    }
    counts[4] = waiting_threads;
    counts[5] = destroyed_while_registered;
    pthread_mutex_unlock(&lock);
}

static void reset(void) {
    pthread_mutex_lock(&lock);
    while (registrations != NULL) {
        registration *r = registrations;
        registrations = r->next;
        free(r);
    }
    while (windows != NULL) {
        window *w = windows;
        windows = w->next;
        free(w);
    }
    while (classes != NULL) {
        window_class *c = classes;
        classes = c->next;
        free(c);
    }
    for (queue **at = &queues; *at != NULL;) {
        queue *q = *at;
        while (q->head != NULL) {
            queued *m = q->head;
            q->head = m->next;
            free(m);
        }
        q->tail = NULL;
        if (q->waiting == 0) { /* a thread still blocked in GetMessageW keeps its queue */
            *at = q->next;
            pthread_cond_destroy(&q->arrived);
            free(q);
        } else {
            at = &q->next;
        }
    }
    for (waiter *w = waiters; w != NULL; w = w->next) { /* release strays of a failed test */
        w->done = 1;
    }
    pthread_cond_broadcast(&waiter_signal);
    destroyed_while_registered = 0;
    pthread_mutex_unlock(&lock);
}

static void fill(wts_api *api) {
    api->GetCurrentThreadId = fake_GetCurrentThreadId;
    api->GetModuleHandleW = fake_GetModuleHandleW;
    api->RegisterClassExW = fake_RegisterClassExW;
    api->UnregisterClassW = fake_UnregisterClassW;
    api->CreateWindowExW = fake_CreateWindowExW;
    api->DestroyWindow = fake_DestroyWindow;
    api->GetMessageW = fake_GetMessageW;
    api->DispatchMessageW = fake_DispatchMessageW;
    api->PostMessageW = fake_PostMessageW;
    api->PostThreadMessageW = fake_PostThreadMessageW;
    api->DefWindowProcW = fake_DefWindowProcW;
    api->WTSRegisterSessionNotification = fake_WTSRegisterSessionNotification;
    api->WTSUnRegisterSessionNotification = fake_WTSUnRegisterSessionNotification;
    api->WTSRegisterSessionNotificationEx = fake_WTSRegisterSessionNotificationEx;
    api->WTSUnRegisterSessionNotificationEx = fake_WTSUnRegisterSessionNotificationEx;
    api->WTSWaitSystemEvent = fake_WTSWaitSystemEvent;
}

FAKE_MODULE(events, fill, reset)
