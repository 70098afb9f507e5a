/*
 * TEST-ONLY fake of a started program's standard handles: CreatePipe (a byte pipe with a small
 * buffer, so that a program writing much blocks until it is read, as on Windows),
 * SetHandleInformation, CreateFileW (a real file of the host; "NUL" is /dev/null),
 * GetStdHandle, the synchronous ReadFile/WriteFile on them (the overlapped ones of the virtual
 * channels stay fake_channels.c's, which asks here first), InitializeProcThreadAttributeList /
 * UpdateProcThreadAttribute / DeleteProcThreadAttributeList, and the emulated children:
 * a thread per started process that reads and writes its copies of the handles like a small
 * console program would.
 *
 * The caller's handles count as open handles (fake_handle_opened/closed), attribute lists
 * too (a list not deleted is a leak); the children's copies do not (they are the child's).
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fake_launch.h"
#include "fake_pipes.h"

#define PIPE_CAPACITY 4096
#define MAGIC 0x50495045u
#define LIST_MAGIC 0x4154544cu
#define MAX_CHILDREN FAKE_LAUNCH_MAX_STARTED

typedef struct pipe_buffer {
    unsigned char data[PIPE_CAPACITY];
    size_t head, length;
    int readers, writers;
} pipe_buffer;

enum kind { H_PIPE_READ = 1, H_PIPE_WRITE, H_FILE };

typedef struct hobj {
    uint32_t magic;
    enum kind kind;
    pipe_buffer *pipe;
    int fd;
    int inheritable;
    int childOwned; /* a child's copy: not counted as the caller's */
    int dead;       /* its child was ended: every use fails */
    struct hobj *next;
} hobj;

typedef struct attribute_list {
    uint32_t magic;
    DWORD capacity;
    HANDLE *handles;
    size_t handleBytes;
} attribute_list;

enum program { P_IDLE, P_SPEW, P_CAT, P_EARLY };

typedef struct child {
    int used;
    DWORD pid;
    enum program program;
    long long outBytes, errBytes;
    DWORD code;
    hobj *in, *out, *err;
    int resumed, killed;
    DWORD killCode;
    pthread_t thread;
} child;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static hobj *objects;
static hobj std_handles[3] = {{MAGIC, H_FILE, NULL, 0, 0, 1, 0, NULL},
                              {MAGIC, H_FILE, NULL, 1, 0, 1, 0, NULL},
                              {MAGIC, H_FILE, NULL, 2, 0, 1, 0, NULL}};
static child children[MAX_CHILDREN];
/* Callers inside pipe_read/pipe_write (which may wait): reset frees nothing until they left. */
static int busy;

static int fail(DWORD code) {
    fake_set_last_error(code);
    return 0;
}

/* ---- handle registry (lock held) ---- */

static hobj *find(HANDLE handle) {
    for (hobj *o = objects; o != NULL; o = o->next) {
        if ((HANDLE)o == handle) {
            return o;
        }
    }
    return NULL;
}

static hobj *new_hobj(enum kind kind, pipe_buffer *pipe, int fd, int inheritable, int childOwned) {
    hobj *o = calloc(1, sizeof *o);
    if (o == NULL) {
        return NULL;
    }
    o->magic = MAGIC;
    o->kind = kind;
    o->pipe = pipe;
    o->fd = fd;
    o->inheritable = inheritable;
    o->childOwned = childOwned;
    if (pipe != NULL) {
        if (kind == H_PIPE_READ) {
            pipe->readers++;
        } else {
            pipe->writers++;
        }
    }
    o->next = objects;
    objects = o;
    if (!childOwned) {
        fake_handle_opened();
    }
    return o;
}

static void drop(hobj *o) {
    for (hobj **at = &objects; *at != NULL; at = &(*at)->next) {
        if (*at == o) {
            *at = o->next;
            break;
        }
    }
    if (o->pipe != NULL) {
        if (o->kind == H_PIPE_READ) {
            o->pipe->readers--;
        } else {
            o->pipe->writers--;
        }
        if (o->pipe->readers == 0 && o->pipe->writers == 0) {
            free(o->pipe);
        }
    }
    if (o->kind == H_FILE && o->fd >= 0) {
        close(o->fd);
    }
    if (!o->childOwned) {
        fake_handle_closed();
    }
    o->magic = 0;
    free(o);
    pthread_cond_broadcast(&changed);
}

/* A copy of o for a child (Windows duplicates inherited handles into the new process). */
static hobj *child_copy(HANDLE handle) {
    hobj *o = find(handle);
    if (o == NULL) {
        return NULL;
    }
    int fd = o->kind == H_FILE ? dup(o->fd) : -1;
    return new_hobj(o->kind, o->pipe, fd, 0, 1);
}

/* ---- I/O (lock held; may wait on `changed`) ---- */

static DWORD pipe_read_locked(hobj *o, void *buffer, DWORD length, DWORD *got);
static DWORD pipe_write_locked(hobj *o, const void *buffer, DWORD length, DWORD *put);

static DWORD pipe_read(hobj *o, void *buffer, DWORD length, DWORD *got) {
    busy++;
    DWORD error = pipe_read_locked(o, buffer, length, got);
    busy--;
    pthread_cond_broadcast(&changed);
    return error;
}

static DWORD pipe_write(hobj *o, const void *buffer, DWORD length, DWORD *put) {
    busy++;
    DWORD error = pipe_write_locked(o, buffer, length, put);
    busy--;
    pthread_cond_broadcast(&changed);
    return error;
}

static DWORD pipe_read_locked(hobj *o, void *buffer, DWORD length, DWORD *got) {
    *got = 0;
    if (o->kind == H_FILE) {
        pthread_mutex_unlock(&lock);
        ssize_t n = read(o->fd, buffer, length);
        pthread_mutex_lock(&lock);
        if (n < 0) {
            return FAKE_ERROR_INVALID_HANDLE;
        }
        *got = (DWORD)n;
        return 0;
    }
    if (o->kind != H_PIPE_READ) {
        return 5; /* ERROR_ACCESS_DENIED: the write end */
    }
    pipe_buffer *p = o->pipe;
    while (p->length == 0 && p->writers > 0 && !o->dead) {
        pthread_cond_wait(&changed, &lock);
    }
    if (o->dead) {
        return FAKE_ERROR_INVALID_HANDLE;
    }
    if (p->length == 0) {
        return WTS_ERROR_BROKEN_PIPE;
    }
    DWORD n = (DWORD)(p->length < length ? p->length : length);
    for (DWORD i = 0; i < n; i++) {
        ((unsigned char *)buffer)[i] = p->data[(p->head + i) % PIPE_CAPACITY];
    }
    p->head = (p->head + n) % PIPE_CAPACITY;
    p->length -= n;
    *got = n;
    pthread_cond_broadcast(&changed);
    return 0;
}

static DWORD pipe_write_locked(hobj *o, const void *buffer, DWORD length, DWORD *put) {
    *put = 0;
    if (o->kind == H_FILE) {
        pthread_mutex_unlock(&lock);
        ssize_t n = write(o->fd, buffer, length);
        pthread_mutex_lock(&lock);
        if (n < 0) {
            return FAKE_ERROR_INVALID_HANDLE;
        }
        *put = (DWORD)n;
        return 0;
    }
    if (o->kind != H_PIPE_WRITE) {
        return 5;
    }
    pipe_buffer *p = o->pipe;
    while (*put < length) {
        while (p->length == PIPE_CAPACITY && p->readers > 0 && !o->dead) {
            pthread_cond_wait(&changed, &lock);
        }
        if (o->dead) {
            return FAKE_ERROR_INVALID_HANDLE;
        }
        if (p->readers == 0) {
            return WTS_ERROR_NO_DATA; /* "The pipe is being closed." */
        }
        while (*put < length && p->length < PIPE_CAPACITY) {
            p->data[(p->head + p->length) % PIPE_CAPACITY] = ((const unsigned char *)buffer)[*put];
            p->length++;
            (*put)++;
        }
        pthread_cond_broadcast(&changed);
    }
    return 0;
}

static hobj *find_any(HANDLE handle) {
    hobj *o = find(handle);
    for (int i = 0; o == NULL && i < 3; i++) {
        if (handle == (HANDLE)&std_handles[i]) {
            o = &std_handles[i];
        }
    }
    return o;
}

int fake_pipes_io(HANDLE handle, void *buffer, DWORD length, DWORD *moved, void *overlapped,
                  int write, BOOL *result) {
    pthread_mutex_lock(&lock);
    int ours = find_any(handle) != NULL;
    pthread_mutex_unlock(&lock);
    if (!ours) {
        return 0;
    }
    if (fake_enter(write ? "WriteFile" : "ReadFile")) { /* outside our lock: fake_enter takes the fake's */
        *result = 0;
        return 1;
    }
    DWORD error;
    DWORD count = 0;
    pthread_mutex_lock(&lock);
    hobj *o = find_any(handle); /* closed meanwhile? */
    if (o == NULL) {
        error = FAKE_ERROR_INVALID_HANDLE;
    } else if (overlapped != NULL || moved == NULL || (buffer == NULL && length > 0)) {
        error = WTS_ERROR_INVALID_PARAMETER; /* the pipes are not opened for overlapped I/O */
    } else {
        error = write ? pipe_write(o, buffer, length, &count) : pipe_read(o, buffer, length, &count);
        *moved = count;
    }
    pthread_mutex_unlock(&lock);
    *result = error == 0 ? 1 : fail(error);
    return 1;
}

/* ---- the fake functions ---- */

static BOOL WINAPI fake_CreatePipe(HANDLE *readPipe, HANDLE *writePipe, SECURITY_ATTRIBUTES *sa,
                                   DWORD size) {
    (void)size;
    if (fake_enter("CreatePipe")) {
        return 0;
    }
    if (readPipe == NULL || writePipe == NULL) {
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    int inherit = sa != NULL && sa->bInheritHandle;
    pthread_mutex_lock(&lock);
    pipe_buffer *p = calloc(1, sizeof *p);
    hobj *r = p == NULL ? NULL : new_hobj(H_PIPE_READ, p, -1, inherit, 0);
    hobj *w = r == NULL ? NULL : new_hobj(H_PIPE_WRITE, p, -1, inherit, 0);
    if (w == NULL) {
        if (r != NULL) {
            drop(r); /* frees p */
        } else {
            free(p);
        }
        pthread_mutex_unlock(&lock);
        return fail(WTS_ERROR_NOT_ENOUGH_MEMORY);
    }
    *readPipe = r;
    *writePipe = w;
    pthread_mutex_unlock(&lock);
    return 1;
}

static BOOL WINAPI fake_SetHandleInformation(HANDLE handle, DWORD mask, DWORD flags) {
    if (fake_enter("SetHandleInformation")) {
        return 0;
    }
    pthread_mutex_lock(&lock);
    hobj *o = find(handle);
    if (o != NULL && (mask & WTS_HANDLE_FLAG_INHERIT)) {
        o->inheritable = (flags & WTS_HANDLE_FLAG_INHERIT) != 0;
    }
    pthread_mutex_unlock(&lock);
    return o != NULL ? 1 : fail(FAKE_ERROR_INVALID_HANDLE);
}

static HANDLE WINAPI fake_CreateFileW(const WCHAR *name, DWORD access, DWORD share,
                                      SECURITY_ATTRIBUTES *sa, DWORD disposition, DWORD flags,
                                      HANDLE templateFile) {
    (void)share, (void)flags, (void)templateFile;
    if (fake_enter("CreateFileW")) {
        return WTS_INVALID_HANDLE_VALUE;
    }
    if (name == NULL) {
        fail(WTS_ERROR_INVALID_PARAMETER);
        return WTS_INVALID_HANDLE_VALUE;
    }
    char path[4096];
    size_t n = 0;
    for (; name[n] != 0 && n + 1 < sizeof path; n++) {
        path[n] = name[n] < 0x80 ? (char)name[n] : '?';
    }
    path[n] = 0;
    const char *real = strcmp(path, "NUL") == 0 ? "/dev/null" : path;
    int mode = access & WTS_GENERIC_READ ? O_RDONLY : O_WRONLY;
    if (disposition == WTS_CREATE_ALWAYS) {
        mode |= O_CREAT | O_TRUNC;
    } else if (disposition == WTS_OPEN_ALWAYS) {
        mode |= O_CREAT;
    }
    if (access & WTS_FILE_APPEND_DATA) {
        mode |= O_APPEND;
    }
    int fd = open(real, mode | O_CLOEXEC, 0644);
    if (fd < 0) {
        fail(2); /* ERROR_FILE_NOT_FOUND */
        return WTS_INVALID_HANDLE_VALUE;
    }
    pthread_mutex_lock(&lock);
    hobj *o = new_hobj(H_FILE, NULL, fd, sa != NULL && sa->bInheritHandle, 0);
    pthread_mutex_unlock(&lock);
    if (o == NULL) {
        close(fd);
        fail(WTS_ERROR_NOT_ENOUGH_MEMORY);
        return WTS_INVALID_HANDLE_VALUE;
    }
    return o;
}

static HANDLE WINAPI fake_GetStdHandle(DWORD which) {
    fake_enter("GetStdHandle");
    if (which == WTS_STD_INPUT_HANDLE) {
        return &std_handles[0];
    }
    if (which == WTS_STD_OUTPUT_HANDLE) {
        return &std_handles[1];
    }
    if (which == WTS_STD_ERROR_HANDLE) {
        return &std_handles[2];
    }
    fail(FAKE_ERROR_INVALID_HANDLE);
    return WTS_INVALID_HANDLE_VALUE;
}

int fake_pipes_duplicate(HANDLE source, HANDLE *target, BOOL inherit, BOOL *result) {
    pthread_mutex_lock(&lock);
    hobj *o = find(source);
    for (int i = 0; o == NULL && i < 3; i++) {
        if (source == (HANDLE)&std_handles[i]) {
            o = &std_handles[i];
        }
    }
    if (o == NULL) {
        pthread_mutex_unlock(&lock);
        return 0;
    }
    hobj *copy = target == NULL ? NULL
                                : new_hobj(o->kind, o->pipe, o->kind == H_FILE ? dup(o->fd) : -1,
                                           inherit != 0, 0);
    pthread_mutex_unlock(&lock);
    if (copy == NULL) {
        *result = fail(target == NULL ? WTS_ERROR_INVALID_PARAMETER : WTS_ERROR_NOT_ENOUGH_MEMORY);
        return 1;
    }
    *target = copy;
    *result = 1;
    return 1;
}

int fake_pipes_close(HANDLE handle) {
    pthread_mutex_lock(&lock);
    hobj *o = find(handle);
    if (o != NULL) {
        drop(o);
    }
    pthread_mutex_unlock(&lock);
    return o != NULL;
}

int fake_pipes_inheritable(HANDLE handle) {
    pthread_mutex_lock(&lock);
    hobj *o = find(handle);
    int inheritable = o != NULL && !o->childOwned && o->inheritable;
    pthread_mutex_unlock(&lock);
    return inheritable;
}

/* ---- attribute lists: a fake layout in the caller's memory ---- */

static size_t list_size(DWORD count) {
    return sizeof(attribute_list) + 16 * (size_t)count;
}

static BOOL WINAPI fake_InitializeProcThreadAttributeList(void *list, DWORD count, DWORD flags,
                                                          size_t *size) {
    if (fake_enter("InitializeProcThreadAttributeList")) {
        return 0;
    }
    if (size == NULL || flags != 0 || count == 0) {
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    if (list == NULL || *size < list_size(count)) {
        *size = list_size(count);
        return fail(WTS_ERROR_INSUFFICIENT_BUFFER);
    }
    attribute_list *a = list;
    memset(a, 0, sizeof *a);
    a->magic = LIST_MAGIC;
    a->capacity = count;
    fake_handle_opened(); /* until DeleteProcThreadAttributeList */
    return 1;
}

static BOOL WINAPI fake_UpdateProcThreadAttribute(void *list, DWORD flags, uintptr_t attribute,
                                                  void *value, size_t size, void *previous,
                                                  size_t *returnSize) {
    if (fake_enter("UpdateProcThreadAttribute")) {
        return 0;
    }
    attribute_list *a = list;
    if (a == NULL || a->magic != LIST_MAGIC || flags != 0 || previous != NULL || returnSize != NULL) {
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    if (attribute != WTS_PROC_THREAD_ATTRIBUTE_HANDLE_LIST) {
        return fail(FAKE_ERROR_NOT_SUPPORTED);
    }
    if (value == NULL || size == 0 || size % sizeof(HANDLE) != 0) {
        return fail(24); /* ERROR_BAD_LENGTH */
    }
    a->handles = value; /* Windows keeps the pointer: the memory must outlive the list */
    a->handleBytes = size;
    return 1;
}

static void WINAPI fake_DeleteProcThreadAttributeList(void *list) {
    fake_enter("DeleteProcThreadAttributeList");
    attribute_list *a = list;
    if (a != NULL && a->magic == LIST_MAGIC) {
        a->magic = 0;
        fake_handle_closed();
    }
}

int fake_pipes_handle_list(void *list, HANDLE **handles) {
    attribute_list *a = list;
    if (a == NULL || a->magic != LIST_MAGIC) {
        return -1;
    }
    *handles = a->handles;
    return (int)(a->handleBytes / sizeof(HANDLE));
}

/* ---- emulated children ---- */

static child *child_of(DWORD pid) {
    for (int i = 0; i < MAX_CHILDREN; i++) {
        if (children[i].used && children[i].pid == pid) {
            return &children[i];
        }
    }
    return NULL;
}

/* "C:\dir\spew.exe" 10 20 3 -> P_SPEW with its numbers. */
static void parse(const WCHAR *line, child *c) {
    char text[512];
    size_t n = 0;
    for (; line != NULL && line[n] != 0 && n + 1 < sizeof text; n++) {
        text[n] = line[n] < 0x80 ? (char)line[n] : '?';
    }
    text[n] = 0;
    char *rest = text;
    char *program = text;
    if (*rest == '"') {
        program = ++rest;
        rest = strchr(rest, '"');
        if (rest != NULL) {
            *rest++ = 0;
        }
    } else {
        rest = strchr(rest, ' ');
        if (rest != NULL) {
            *rest++ = 0;
        }
    }
    char *base = program;
    for (char *p = program; *p; p++) {
        if (*p == '\\' || *p == '/') {
            base = p + 1;
        }
    }
    long long numbers[3] = {0, 0, 0};
    for (int i = 0; rest != NULL && i < 3; i++) {
        numbers[i] = strtoll(rest, &rest, 10);
    }
    c->program = strcmp(base, "spew.exe") == 0 ? P_SPEW
               : strcmp(base, "cat.exe") == 0 ? P_CAT
               : strcmp(base, "early.exe") == 0 ? P_EARLY
                                                  : P_IDLE;
    if (c->program == P_SPEW) {
        c->outBytes = numbers[0];
        c->errBytes = numbers[1];
        c->code = (DWORD)numbers[2];
    } else if (c->program == P_EARLY) {
        c->code = (DWORD)numbers[0];
    }
}

/* Writes count bytes of 'a'..'z' in 1000-byte writes; 0 when a write failed. */
static int spew(hobj *to, long long count) {
    unsigned char chunk[1000];
    long long at = 0;
    while (at < count) {
        DWORD n = (DWORD)(count - at < (long long)sizeof chunk ? count - at : (long long)sizeof chunk);
        for (DWORD i = 0; i < n; i++) {
            chunk[i] = (unsigned char)('a' + (at + i) % 26);
        }
        DWORD put;
        if (to == NULL || pipe_write(to, chunk, n, &put) != 0) {
            return 0;
        }
        at += n;
    }
    return 1;
}

static void *run_child(void *argument) {
    child *c = argument;
    pthread_mutex_lock(&lock);
    while (!c->resumed && !c->killed) {
        pthread_cond_wait(&changed, &lock);
    }
    DWORD code = c->code;
    if (!c->killed) {
        switch (c->program) {
        case P_SPEW: /* stderr first: a caller reading stdout to its end first would hang */
            if (!spew(c->err, c->errBytes) || !spew(c->out, c->outBytes)) {
                code = 1;
            }
            break;
        case P_CAT: {
            unsigned char buffer[512];
            DWORD got = 0, put;
            code = 0;
            while (c->in != NULL && pipe_read(c->in, buffer, sizeof buffer, &got) == 0) {
                if (got > 0 && (c->out == NULL || pipe_write(c->out, buffer, got, &put) != 0)) {
                    code = 1;
                    break;
                }
                if (got == 0 && c->in->kind == H_FILE) {
                    break; /* the end of a file */
                }
            }
            break;
        }
        case P_EARLY:
            break;
        case P_IDLE:
            while (!c->killed) {
                pthread_cond_wait(&changed, &lock);
            }
            break;
        }
    }
    if (c->killed) {
        code = c->killCode;
    }
    hobj *own[3] = {c->in, c->out, c->err};
    for (int i = 0; i < 3; i++) {
        if (own[i] != NULL) {
            drop(own[i]);
        }
    }
    c->in = c->out = c->err = NULL;
    DWORD pid = c->pid;
    pthread_mutex_unlock(&lock);
    fake_launch_exit(pid, code);
    return NULL;
}

int fake_pipes_spawn(DWORD pid, const WCHAR *commandLine, HANDLE in, HANDLE out, HANDLE err,
                     int suspended) {
    pthread_mutex_lock(&lock);
    child *c = NULL;
    for (int i = 0; c == NULL && i < MAX_CHILDREN; i++) {
        if (!children[i].used) {
            c = &children[i];
        }
    }
    if (c == NULL) {
        pthread_mutex_unlock(&lock);
        return 0;
    }
    memset(c, 0, sizeof *c);
    parse(commandLine, c);
    int redirected = in != NULL || out != NULL || err != NULL;
    if (!redirected && c->program == P_IDLE) {
        pthread_mutex_unlock(&lock);
        return 0; /* nothing to emulate: FakeLaunch.exitProcess ends it */
    }
    c->used = 1;
    c->pid = pid;
    c->resumed = !suspended;
    c->in = in != NULL ? child_copy(in) : NULL;
    c->out = out != NULL ? child_copy(out) : NULL;
    c->err = err == NULL ? NULL : err == out ? NULL : child_copy(err);
    if (err != NULL && err == out) {
        c->err = c->out == NULL ? NULL : new_hobj(c->out->kind, c->out->pipe,
                                                  c->out->kind == H_FILE ? dup(c->out->fd) : -1, 0, 1);
    }
    if (pthread_create(&c->thread, NULL, run_child, c) != 0) {
        hobj *own[3] = {c->in, c->out, c->err};
        for (int i = 0; i < 3; i++) {
            if (own[i] != NULL) {
                drop(own[i]);
            }
        }
        c->used = 0;
        pthread_mutex_unlock(&lock);
        return 0;
    }
    pthread_mutex_unlock(&lock);
    return 1;
}

void fake_pipes_resume(DWORD pid) {
    pthread_mutex_lock(&lock);
    child *c = child_of(pid);
    if (c != NULL) {
        c->resumed = 1;
        pthread_cond_broadcast(&changed);
    }
    pthread_mutex_unlock(&lock);
}

static void kill_locked(child *c, DWORD exitCode) {
    c->killed = 1;
    c->killCode = exitCode;
    hobj *own[3] = {c->in, c->out, c->err};
    for (int i = 0; i < 3; i++) {
        if (own[i] != NULL) {
            own[i]->dead = 1;
        }
    }
    pthread_cond_broadcast(&changed);
}

int fake_pipes_kill(DWORD pid, DWORD exitCode) {
    pthread_mutex_lock(&lock);
    child *c = child_of(pid);
    if (c == NULL) {
        pthread_mutex_unlock(&lock);
        return 0;
    }
    if (!c->killed) {
        kill_locked(c, exitCode);
    }
    pthread_t thread = c->thread;
    pthread_mutex_unlock(&lock);
    pthread_join(thread, NULL);
    pthread_mutex_lock(&lock);
    c->used = 0;
    pthread_mutex_unlock(&lock);
    return 1;
}

/* A child that ended by itself is joined when the next one needs its slot, or at reset. */

static void fill(wts_api *api) {
    api->CreatePipe = fake_CreatePipe;
    api->SetHandleInformation = fake_SetHandleInformation;
    api->CreateFileW = fake_CreateFileW;
    api->GetStdHandle = fake_GetStdHandle;
    api->InitializeProcThreadAttributeList = fake_InitializeProcThreadAttributeList;
    api->UpdateProcThreadAttribute = fake_UpdateProcThreadAttribute;
    api->DeleteProcThreadAttributeList = fake_DeleteProcThreadAttributeList;
}

static void reset(void) {
    for (int i = 0; i < MAX_CHILDREN; i++) {
        pthread_mutex_lock(&lock);
        int used = children[i].used;
        DWORD pid = children[i].pid;
        pthread_mutex_unlock(&lock);
        if (used) {
            fake_pipes_kill(pid, 0);
        }
    }
    pthread_mutex_lock(&lock);
    /* A caller still blocked in ReadFile/WriteFile (a test that gave up on it) is woken with
     * an error before anything it holds is freed. */
    for (hobj *o = objects; o != NULL; o = o->next) {
        o->dead = 1;
    }
    pthread_cond_broadcast(&changed);
    while (busy > 0) {
        pthread_cond_wait(&changed, &lock);
    }
    while (objects != NULL) {
        hobj *o = objects;
        o->childOwned = 1; /* the open-handle count is zeroed by fake_reset */
        drop(o);
    }
    memset(children, 0, sizeof children);
    pthread_mutex_unlock(&lock);
}

FAKE_MODULE(pipes, fill, reset)
