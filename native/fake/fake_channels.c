/*
 * TEST-ONLY fake of RDP virtual channels: WTSVirtualChannelOpen/OpenEx/Close/Read/Write/
 * PurgeInput/PurgeOutput/Query, and for a dynamic channel's file handle DuplicateHandle,
 * CreateEventW, overlapped ReadFile/WriteFile, GetOverlappedResult, CancelIoEx, plus its
 * objects' share of CloseHandle and WaitForSingleObject (asked by their one owners, fake_tokens.c and
 * fake_launch.c, through fake_channels_close and fake_channels_wait).
 *
 * The client end of each channel is an endpoint the test drives (FakeChannels): it offers a
 * channel (static or dynamic) in a session, writes messages to the server — split into
 * chunks of at most CHANNEL_CHUNK_LENGTH bytes, each preceded on a dynamic channel by a
 * CHANNEL_PDU_HEADER {total length, CHANNEL_FLAG_FIRST/LAST} — or raw chunks (malformed
 * headers), reads what the server wrote (one message per WTSVirtualChannelWrite/WriteFile),
 * and closes. What Windows leaves undocumented is the fake's choice, named where it is made:
 * an unknown channel fails with ERROR_NOT_FOUND; a read after the client closed fails with
 * ERROR_BROKEN_PIPE; WTSVirtualChannelRead's time running out is FALSE with ERROR_IO_INCOMPLETE
 * (or TRUE with 0 bytes, when the test asks for that form); WTSVirtualClientData, which
 * Microsoft calls "not currently supported", fails with ERROR_NOT_SUPPORTED unless scripted.
 *
 * Channel handles, duplicated file handles and events count as open handles; the file handle
 * WTSVirtualFileHandle gives belongs to its channel (closed with it, never by CloseHandle).
 * Closing a handle that still has I/O pending, GetOverlappedResult on an OVERLAPPED nobody
 * started, and calls with handles that are not (or no longer) open are counted as misuse
 * (FakeChannels.misuse(), 0 in a correct shim).
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fake_channels.h"
#include "fake_pipes.h"

#define OBJECT_MAGIC 0x4C484356u /* "VCHL" */
#define MAX_ENDPOINTS 64
#define MAX_OPS 4096
#define ERROR_BROKEN_PIPE 109u
#define ERROR_NOT_FOUND 1168u
#define ERROR_OPERATION_ABORTED 995u
#define WAIT_OBJECT_0 0u
#define WAIT_TIMEOUT 258u
#define WAIT_FAILED 0xFFFFFFFFu
#define INFINITE 0xFFFFFFFFu
#define CHANNEL_OPTION_DYNAMIC 1u

typedef struct piece {
    struct piece *next;
    DWORD size;
    uint8_t data[];
} piece;

typedef struct endpoint {
    int used;
    DWORD session;
    char name[FAKE_CHANNEL_NAME_CAPACITY];
    int dynamic;
    int closed;
    piece *inHead, *inTail;   /* client -> server chunks (dynamic: header included) */
    piece *outHead, *outTail; /* server -> client messages, in the order written */
    uint8_t *clientData;
    DWORD clientDataSize;
    int hasClientData;
    DWORD lastFlags;
    DWORD writeLimit;
    int opens;
} endpoint;

enum kind { K_CHANNEL = 1, K_FILE, K_EVENT };

typedef struct object {
    uint32_t magic;
    int kind;
    int endpoint;
    int ownedByChannel;  /* K_FILE: the channel's own handle (WTSVirtualFileHandle) */
    struct object *file; /* K_CHANNEL: its own file handle, once queried */
    int signaled;        /* K_EVENT (manual reset) */
    struct object *next;
} object;

typedef struct op {
    int used;
    object *file;
    OVERLAPPED *ov;
    int write;
    uint8_t *buffer;
    DWORD length;
    int done;
    DWORD error;
    DWORD bytes;
} op;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static endpoint endpoints[MAX_ENDPOINTS];
static object *objects;
static op ops[MAX_OPS];
static int64_t misuse;
static int timeoutReturnsTrue;

static int fail(DWORD code) {
    fake_set_last_error(code);
    return 0;
}

static DWORD session_of(DWORD session) {
    return session == WTS_CURRENT_SESSION ? FAKE.currentSession : session;
}

/* ---- registry (lock held) ---- */

static object *find(HANDLE handle, int kind) {
    for (object *o = objects; o != NULL; o = o->next) {
        if ((HANDLE)o == handle && o->magic == OBJECT_MAGIC && (kind == 0 || o->kind == kind)) {
            return o;
        }
    }
    return NULL;
}

static object *new_object(int kind, int endpointIndex, int counted) {
    object *o = calloc(1, sizeof *o);
    if (o == NULL) {
        return NULL;
    }
    o->magic = OBJECT_MAGIC;
    o->kind = kind;
    o->endpoint = endpointIndex;
    o->next = objects;
    objects = o;
    if (counted) {
        fake_handle_opened();
    }
    return o;
}

/* Cancels what is pending on file (a handle closed under its I/O is misuse), unlinks, frees. */
static void drop_object(object *victim) {
    for (int i = 0; i < MAX_OPS; i++) {
        if (ops[i].used && ops[i].file == victim) {
            if (!ops[i].done) {
                misuse++; /* closed with I/O pending: Windows may still write the buffer */
            }
            ops[i].used = 0;
        }
    }
    for (object **at = &objects; *at != NULL; at = &(*at)->next) {
        if (*at == victim) {
            *at = victim->next;
            break;
        }
    }
    int counted = !(victim->kind == K_FILE && victim->ownedByChannel);
    victim->magic = 0;
    free(victim);
    if (counted) {
        fake_handle_closed();
    }
    pthread_cond_broadcast(&changed);
}

static endpoint *find_endpoint(DWORD session, const char *name, int dynamic) {
    for (int i = 0; i < MAX_ENDPOINTS; i++) {
        endpoint *e = &endpoints[i];
        if (e->used && e->session == session && e->dynamic == dynamic && strcmp(e->name, name) == 0) {
            return e;
        }
    }
    return NULL;
}

static void append(piece **head, piece **tail, const uint8_t *data, DWORD size) {
    piece *p = malloc(sizeof *p + (size ? size : 1));
    if (p == NULL) {
        return;
    }
    p->next = NULL;
    p->size = size;
    if (size > 0) {
        memcpy(p->data, data, size);
    }
    if (*tail != NULL) {
        (*tail)->next = p;
    } else {
        *head = p;
    }
    *tail = p;
}

static piece *pop(piece **head, piece **tail) {
    piece *p = *head;
    if (p != NULL) {
        *head = p->next;
        if (*head == NULL) {
            *tail = NULL;
        }
    }
    return p;
}

static void free_pieces(piece **head, piece **tail) {
    piece *p;
    while ((p = pop(head, tail)) != NULL) {
        free(p);
    }
}

static void set_event(HANDLE event, int signaled) {
    object *o = find(event, K_EVENT);
    if (o != NULL) {
        o->signaled = signaled;
    }
}

static void complete(op *o, DWORD error, DWORD bytes) {
    o->done = 1;
    o->error = error;
    o->bytes = bytes;
    o->ov->InternalHigh = bytes;
    o->ov->Internal = error;
    set_event(o->ov->hEvent, 1);
    pthread_cond_broadcast(&changed);
}

/* Gives waiting reads of an endpoint the chunks that arrived, or the client's close. */
static void serve_reads(int index) {
    endpoint *e = &endpoints[index];
    for (int i = 0; i < MAX_OPS; i++) {
        op *o = &ops[i];
        if (!o->used || o->done || o->write || o->file->endpoint != index) {
            continue;
        }
        piece *p = e->inHead;
        if (p != NULL) {
            if (p->size > o->length) {
                complete(o, WTS_ERROR_INSUFFICIENT_BUFFER, 0);
                continue;
            }
            pop(&e->inHead, &e->inTail);
            memcpy(o->buffer, p->data, p->size);
            complete(o, 0, p->size);
            free(p);
        } else if (e->closed) {
            complete(o, ERROR_BROKEN_PIPE, 0);
        }
    }
    pthread_cond_broadcast(&changed);
}

static op *find_op(OVERLAPPED *ov) {
    for (int i = 0; i < MAX_OPS; i++) {
        if (ops[i].used && ops[i].ov == ov) {
            return &ops[i];
        }
    }
    return NULL;
}

static op *new_op(object *file, OVERLAPPED *ov, int write, void *buffer, DWORD length) {
    op *old = find_op(ov);
    if (old != NULL) {
        if (!old->done) {
            misuse++; /* an OVERLAPPED reused while its I/O is pending */
        }
        old->used = 0;
    }
    for (int i = 0; i < MAX_OPS; i++) {
        if (!ops[i].used) {
            op *o = &ops[i];
            memset(o, 0, sizeof *o);
            o->used = 1;
            o->file = file;
            o->ov = ov;
            o->write = write;
            o->buffer = buffer;
            o->length = length;
            ov->Internal = 0x103; /* STATUS_PENDING */
            ov->InternalHigh = 0;
            set_event(ov->hEvent, 0); /* ReadFile/WriteFile reset the event first */
            return o;
        }
    }
    return NULL;
}

/* ---- wtsapi32 ---- */

static HANDLE open_channel(DWORD session, const char *name, DWORD flags, const char *function) {
    if (fake_enter(function)) {
        return NULL;
    }
    if (name == NULL) {
        fail(WTS_ERROR_INVALID_PARAMETER);
        return NULL;
    }
    int dynamic = (flags & CHANNEL_OPTION_DYNAMIC) != 0;
    pthread_mutex_lock(&lock);
    endpoint *e = find_endpoint(session_of(session), name, dynamic);
    object *o = NULL;
    if (e != NULL && !e->closed) {
        e->lastFlags = flags;
        e->opens++;
        o = new_object(K_CHANNEL, (int)(e - endpoints), 1);
    }
    pthread_mutex_unlock(&lock);
    if (o == NULL) {
        fail(ERROR_NOT_FOUND);
    }
    return (HANDLE)o;
}

static HANDLE WINAPI fake_WTSVirtualChannelOpen(HANDLE server, DWORD session, char *name) {
    if (server != WTS_CURRENT_SERVER_HANDLE) {
        fake_enter("WTSVirtualChannelOpen");
        fail(WTS_ERROR_INVALID_PARAMETER); /* documented: must be WTS_CURRENT_SERVER_HANDLE */
        return NULL;
    }
    return open_channel(session, name, 0, "WTSVirtualChannelOpen");
}

static HANDLE WINAPI fake_WTSVirtualChannelOpenEx(DWORD session, char *name, DWORD flags) {
    return open_channel(session, name, flags, "WTSVirtualChannelOpenEx");
}

static BOOL WINAPI fake_WTSVirtualChannelClose(HANDLE channel) {
    if (fake_enter("WTSVirtualChannelClose")) {
        return 0;
    }
    pthread_mutex_lock(&lock);
    object *o = find(channel, K_CHANNEL);
    if (o == NULL) {
        misuse++;
        pthread_mutex_unlock(&lock);
        return fail(FAKE_ERROR_INVALID_HANDLE);
    }
    if (o->file != NULL) {
        drop_object(o->file);
    }
    drop_object(o);
    pthread_mutex_unlock(&lock);
    return 1;
}

/* The channel's endpoint, or NULL (lock held; misuse counted, last error set). */
static endpoint *channel_endpoint(HANDLE channel) {
    object *o = find(channel, K_CHANNEL);
    if (o == NULL) {
        misuse++;
        fail(FAKE_ERROR_INVALID_HANDLE);
        return NULL;
    }
    return &endpoints[o->endpoint];
}

static int deadline_passed(struct timespec *deadline) {
    return pthread_cond_timedwait(&changed, &lock, deadline) != 0;
}

static void deadline_in(struct timespec *deadline, DWORD milliseconds) {
    clock_gettime(CLOCK_REALTIME, deadline);
    deadline->tv_sec += milliseconds / 1000;
    deadline->tv_nsec += (long)(milliseconds % 1000) * 1000000L;
    if (deadline->tv_nsec >= 1000000000L) {
        deadline->tv_sec++;
        deadline->tv_nsec -= 1000000000L;
    }
}

static BOOL WINAPI fake_WTSVirtualChannelRead(HANDLE channel, DWORD timeout, char *buffer,
                                              DWORD size, DWORD *read) {
    if (fake_enter("WTSVirtualChannelRead")) {
        return 0;
    }
    if (buffer == NULL || read == NULL) {
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    *read = 0;
    struct timespec deadline;
    deadline_in(&deadline, timeout);
    pthread_mutex_lock(&lock);
    endpoint *e = channel_endpoint(channel);
    int timedOut = 0;
    while (e != NULL && e->inHead == NULL && !e->closed && !timedOut) {
        if (timeout == INFINITE) {
            pthread_cond_wait(&changed, &lock);
        } else {
            timedOut = deadline_passed(&deadline);
        }
        e = channel_endpoint(channel); /* closed meanwhile? */
    }
    DWORD error = 0;
    if (e == NULL) {
        error = FAKE_ERROR_INVALID_HANDLE;
    } else if (e->inHead != NULL) {
        if (e->inHead->size > size) {
            error = WTS_ERROR_INSUFFICIENT_BUFFER;
        } else {
            piece *p = pop(&e->inHead, &e->inTail);
            memcpy(buffer, p->data, p->size);
            *read = p->size;
            free(p);
        }
    } else if (e->closed) {
        error = ERROR_BROKEN_PIPE;
    } else if (!timeoutReturnsTrue) {
        error = WTS_ERROR_IO_INCOMPLETE;
    }
    pthread_mutex_unlock(&lock);
    return error == 0 ? 1 : fail(error);
}

static BOOL WINAPI fake_WTSVirtualChannelWrite(HANDLE channel, char *buffer, DWORD length,
                                               DWORD *written) {
    if (fake_enter("WTSVirtualChannelWrite")) {
        return 0;
    }
    if (written == NULL || (buffer == NULL && length > 0)) {
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    pthread_mutex_lock(&lock);
    endpoint *e = channel_endpoint(channel);
    DWORD error = e == NULL ? FAKE_ERROR_INVALID_HANDLE : e->closed ? ERROR_BROKEN_PIPE : 0;
    if (error == 0) {
        DWORD n = e->writeLimit != 0 && length > e->writeLimit ? e->writeLimit : length;
        append(&e->outHead, &e->outTail, (const uint8_t *)buffer, n);
        *written = n;
        pthread_cond_broadcast(&changed);
    }
    pthread_mutex_unlock(&lock);
    return error == 0 ? 1 : fail(error);
}

static BOOL purge(HANDLE channel, int output, const char *function) {
    if (fake_enter(function)) {
        return 0;
    }
    pthread_mutex_lock(&lock);
    endpoint *e = channel_endpoint(channel);
    if (e != NULL) {
        if (output) {
            free_pieces(&e->outHead, &e->outTail);
        } else {
            free_pieces(&e->inHead, &e->inTail);
        }
    }
    pthread_mutex_unlock(&lock);
    return e != NULL;
}

static BOOL WINAPI fake_WTSVirtualChannelPurgeInput(HANDLE channel) {
    return purge(channel, 0, "WTSVirtualChannelPurgeInput");
}

static BOOL WINAPI fake_WTSVirtualChannelPurgeOutput(HANDLE channel) {
    return purge(channel, 1, "WTSVirtualChannelPurgeOutput");
}

static BOOL WINAPI fake_WTSVirtualChannelQuery(HANDLE channel, DWORD virtualClass,
                                               void **buffer, DWORD *bytes) {
    if (fake_enter("WTSVirtualChannelQuery")) {
        return 0;
    }
    if (buffer == NULL || bytes == NULL) {
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    pthread_mutex_lock(&lock);
    object *o = find(channel, K_CHANNEL);
    DWORD error = 0;
    if (o == NULL) {
        misuse++;
        error = FAKE_ERROR_INVALID_HANDLE;
    } else if (virtualClass == WTS_VIRTUAL_FILE_HANDLE) {
        if (o->file == NULL) {
            o->file = new_object(K_FILE, o->endpoint, 0);
            if (o->file != NULL) {
                o->file->ownedByChannel = 1;
            }
        }
        HANDLE *reply = fake_buffer_new(sizeof(HANDLE), FAKE_FREE_WTSFREEMEMORY, 1);
        if (reply == NULL || o->file == NULL) {
            error = WTS_ERROR_NOT_ENOUGH_MEMORY;
        } else {
            *reply = (HANDLE)o->file;
            *buffer = reply;
            *bytes = sizeof(HANDLE);
        }
    } else if (virtualClass == WTS_VIRTUAL_CLIENT_DATA) {
        endpoint *e = &endpoints[o->endpoint];
        if (!e->hasClientData) {
            error = FAKE_ERROR_NOT_SUPPORTED;
        } else {
            uint8_t *reply = fake_buffer_new(e->clientDataSize, FAKE_FREE_WTSFREEMEMORY, 1);
            if (reply == NULL) {
                error = WTS_ERROR_NOT_ENOUGH_MEMORY;
            } else {
                if (e->clientDataSize > 0) {
                    memcpy(reply, e->clientData, e->clientDataSize);
                }
                *buffer = reply;
                *bytes = e->clientDataSize;
            }
        }
    } else {
        error = WTS_ERROR_INVALID_PARAMETER;
    }
    pthread_mutex_unlock(&lock);
    return error == 0 ? 1 : fail(error);
}

/* ---- kernel32 ---- */

static BOOL WINAPI fake_DuplicateHandle(HANDLE sourceProcess, HANDLE source, HANDLE targetProcess,
                                       HANDLE *target, DWORD access, BOOL inherit, DWORD options) {
    (void)access;
    if (fake_enter("DuplicateHandle")) {
        return 0;
    }
    BOOL piped;
    if (sourceProcess == WTS_CURRENT_PROCESS && targetProcess == WTS_CURRENT_PROCESS &&
        fake_pipes_duplicate(source, target, inherit, &piped)) {
        return piped; /* a standard handle or a pipe end (fake_pipes.c) */
    }
    if (target == NULL || sourceProcess != WTS_CURRENT_PROCESS ||
        targetProcess != WTS_CURRENT_PROCESS || options != WTS_DUPLICATE_SAME_ACCESS) {
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    pthread_mutex_lock(&lock);
    object *from = find(source, K_FILE);
    object *copy = from == NULL ? NULL : new_object(K_FILE, from->endpoint, 1);
    if (from == NULL) {
        misuse++;
    }
    pthread_mutex_unlock(&lock);
    if (copy == NULL) {
        return fail(FAKE_ERROR_INVALID_HANDLE);
    }
    *target = (HANDLE)copy;
    return 1;
}

static HANDLE WINAPI fake_CreateEventW(void *attributes, BOOL manualReset, BOOL initialState,
                                       const WCHAR *name) {
    if (fake_enter("CreateEventW")) {
        return NULL;
    }
    if (attributes != NULL || !manualReset || name != NULL) {
        fail(WTS_ERROR_INVALID_PARAMETER); /* the fake only models what the shim asks for */
        return NULL;
    }
    pthread_mutex_lock(&lock);
    object *o = new_object(K_EVENT, -1, 1);
    if (o != NULL) {
        o->signaled = initialState != 0;
    }
    pthread_mutex_unlock(&lock);
    if (o == NULL) {
        fail(WTS_ERROR_NOT_ENOUGH_MEMORY);
    }
    return (HANDLE)o;
}

static BOOL start_io(HANDLE file, void *buffer, DWORD length, DWORD *moved, OVERLAPPED *ov,
                     int write) {
    if (fake_enter(write ? "WriteFile" : "ReadFile")) {
        return 0;
    }
    if (ov == NULL || moved != NULL || (buffer == NULL && length > 0)) {
        return fail(WTS_ERROR_INVALID_PARAMETER); /* the shim always goes overlapped */
    }
    pthread_mutex_lock(&lock);
    object *f = find(file, K_FILE);
    endpoint *e = f == NULL ? NULL : &endpoints[f->endpoint];
    DWORD error = 0;
    op *o = NULL;
    if (f == NULL) {
        misuse++;
        error = FAKE_ERROR_INVALID_HANDLE;
    } else if (e->closed && (write || e->inHead == NULL)) {
        error = ERROR_BROKEN_PIPE;
    } else if ((o = new_op(f, ov, write, buffer, length)) == NULL) {
        error = WTS_ERROR_NOT_ENOUGH_MEMORY;
    } else if (write) {
        append(&e->outHead, &e->outTail, buffer, length); /* one message per WriteFile */
        complete(o, 0, length);
    } else {
        serve_reads(f->endpoint);
    }
    int done = o != NULL && o->done;
    if (o != NULL && done && o->error != 0) {
        error = o->error;
        o->used = 0;
    }
    pthread_mutex_unlock(&lock);
    if (error != 0) {
        return fail(error);
    }
    return done ? 1 : fail(WTS_ERROR_IO_PENDING);
}

static BOOL WINAPI fake_ReadFile(HANDLE file, void *buffer, DWORD length, DWORD *read,
                                 OVERLAPPED *ov) {
    BOOL piped;
    if (fake_pipes_io(file, buffer, length, read, ov, 0, &piped)) {
        return piped; /* a pipe end or a file of a started program (fake_pipes.c) */
    }
    return start_io(file, buffer, length, read, ov, 0);
}

static BOOL WINAPI fake_WriteFile(HANDLE file, const void *buffer, DWORD length, DWORD *written,
                                  OVERLAPPED *ov) {
    BOOL piped;
    if (fake_pipes_io(file, (void *)buffer, length, written, ov, 1, &piped)) {
        return piped;
    }
    return start_io(file, (void *)buffer, length, written, ov, 1);
}

static BOOL WINAPI fake_GetOverlappedResult(HANDLE file, OVERLAPPED *ov, DWORD *transferred,
                                            BOOL wait) {
    if (fake_enter("GetOverlappedResult")) {
        return 0;
    }
    if (ov == NULL || transferred == NULL) {
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    pthread_mutex_lock(&lock);
    op *o = find_op(ov);
    DWORD error = 0;
    if (o == NULL || (HANDLE)o->file != file) {
        misuse++;
        error = WTS_ERROR_INVALID_PARAMETER;
    } else {
        while (!o->done && wait) {
            pthread_cond_wait(&changed, &lock);
        }
        if (!o->done) {
            error = WTS_ERROR_IO_INCOMPLETE;
        } else {
            error = o->error;
            *transferred = o->bytes;
            o->used = 0;
        }
    }
    pthread_mutex_unlock(&lock);
    return error == 0 ? 1 : fail(error);
}

static BOOL WINAPI fake_CancelIoEx(HANDLE file, OVERLAPPED *ov) {
    if (fake_enter("CancelIoEx")) {
        return 0;
    }
    pthread_mutex_lock(&lock);
    int cancelled = 0;
    for (int i = 0; i < MAX_OPS; i++) {
        op *o = &ops[i];
        if (o->used && !o->done && (HANDLE)o->file == file && (ov == NULL || o->ov == ov)) {
            complete(o, ERROR_OPERATION_ABORTED, 0);
            cancelled++;
        }
    }
    int known = find(file, K_FILE) != NULL;
    if (!known) {
        misuse++;
    }
    pthread_mutex_unlock(&lock);
    if (!known) {
        return fail(FAKE_ERROR_INVALID_HANDLE);
    }
    return cancelled > 0 ? 1 : fail(ERROR_NOT_FOUND);
}

/* CloseHandle for this module's objects, asked by the one owner of CloseHandle (fake_tokens.c). */
int fake_channels_close(HANDLE handle) {
    pthread_mutex_lock(&lock);
    object *o = find(handle, 0);
    if (o != NULL && (o->kind == K_EVENT || (o->kind == K_FILE && !o->ownedByChannel))) {
        drop_object(o);
        pthread_mutex_unlock(&lock);
        return 1;
    }
    if (o != NULL) {
        misuse++; /* a channel handle, or the file handle its channel owns */
    }
    pthread_mutex_unlock(&lock);
    return o != NULL ? -1 : 0;
}

/* WaitForSingleObject on this module's events, asked by its one owner (fake_launch.c). */
int fake_channels_wait(HANDLE handle, DWORD milliseconds, DWORD *outcome) {
    pthread_mutex_lock(&lock);
    object *o = find(handle, K_EVENT);
    pthread_mutex_unlock(&lock);
    if (o == NULL) {
        return 0;
    }
    if (fake_enter("WaitForSingleObject")) {
        *outcome = WAIT_FAILED;
        return 1;
    }
    struct timespec deadline;
    deadline_in(&deadline, milliseconds);
    pthread_mutex_lock(&lock);
    int timedOut = 0;
    while ((o = find(handle, K_EVENT)) != NULL && !o->signaled && !timedOut) {
        if (milliseconds == INFINITE) {
            pthread_cond_wait(&changed, &lock);
        } else {
            timedOut = deadline_passed(&deadline);
        }
    }
    *outcome = o == NULL ? WAIT_FAILED : o->signaled ? WAIT_OBJECT_0 : WAIT_TIMEOUT;
    pthread_mutex_unlock(&lock);
    if (*outcome == WAIT_FAILED) {
        fail(FAKE_ERROR_INVALID_HANDLE); /* closed while waited on */
    }
    return 1;
}

/* ---- the test's side (FakeChannels) ---- */

static endpoint *scripted(DWORD session, const char *name, int dynamic) {
    endpoint *e = find_endpoint(session, name, dynamic);
    for (int i = 0; e == NULL && i < MAX_ENDPOINTS; i++) {
        if (!endpoints[i].used) {
            e = &endpoints[i];
            memset(e, 0, sizeof *e);
            e->used = 1;
            e->session = session;
            e->dynamic = dynamic;
            strncpy(e->name, name, sizeof e->name - 1);
        }
    }
    return e;
}

int fake_channels_offer(DWORD session, const char *name, int dynamic) {
    pthread_mutex_lock(&lock);
    endpoint *e = scripted(session, name, dynamic);
    if (e != NULL) {
        e->closed = 0;
    }
    pthread_mutex_unlock(&lock);
    return e != NULL;
}

int fake_channels_client_write(DWORD session, const char *name, int dynamic, const uint8_t *data,
                               DWORD size, int raw) {
    pthread_mutex_lock(&lock);
    endpoint *e = find_endpoint(session, name, dynamic);
    if (e != NULL && raw) {
        append(&e->inHead, &e->inTail, data, size);
    } else if (e != NULL) {
        DWORD offset = 0;
        do {
            DWORD n = size - offset > FAKE_CHANNEL_CHUNK ? FAKE_CHANNEL_CHUNK : size - offset;
            uint8_t chunk[FAKE_CHANNEL_CHUNK + 8];
            DWORD header = 0;
            if (dynamic) {
                uint32_t flags = (offset == 0 ? 1u : 0u) | (offset + n == size ? 2u : 0u);
                memcpy(chunk, &size, 4); /* CHANNEL_PDU_HEADER: total length, flags (LE host) */
                memcpy(chunk + 4, &flags, 4);
                header = 8;
            }
            memcpy(chunk + header, data + offset, n);
            append(&e->inHead, &e->inTail, chunk, header + n);
            offset += n;
        } while (offset < size);
    }
    if (e != NULL) {
        serve_reads((int)(e - endpoints));
    }
    pthread_mutex_unlock(&lock);
    return e != NULL;
}

/* The next message the server wrote: its size, copied up to capacity; -1 if none. */
int64_t fake_channels_client_read(DWORD session, const char *name, int dynamic, uint8_t *out,
                                  DWORD capacity) {
    pthread_mutex_lock(&lock);
    endpoint *e = find_endpoint(session, name, dynamic);
    int64_t size = -1;
    if (e != NULL && e->outHead != NULL) {
        size = e->outHead->size;
        if (out != NULL && size <= capacity) {
            piece *p = pop(&e->outHead, &e->outTail);
            memcpy(out, p->data, p->size);
            free(p);
        }
    }
    pthread_mutex_unlock(&lock);
    return size;
}

void fake_channels_client_close(DWORD session, const char *name, int dynamic) {
    pthread_mutex_lock(&lock);
    endpoint *e = find_endpoint(session, name, dynamic);
    if (e != NULL) {
        e->closed = 1;
        serve_reads((int)(e - endpoints));
    }
    pthread_mutex_unlock(&lock);
}

void fake_channels_client_data(DWORD session, const char *name, const uint8_t *data, DWORD size) {
    pthread_mutex_lock(&lock);
    endpoint *e = find_endpoint(session, name, 0);
    if (e != NULL) {
        free(e->clientData);
        e->clientData = malloc(size ? size : 1);
        if (e->clientData != NULL && size > 0) {
            memcpy(e->clientData, data, size);
        }
        e->clientDataSize = size;
        e->hasClientData = 1;
    }
    pthread_mutex_unlock(&lock);
}

void fake_channels_write_limit(DWORD session, const char *name, DWORD limit) {
    pthread_mutex_lock(&lock);
    endpoint *e = find_endpoint(session, name, 0);
    if (e != NULL) {
        e->writeLimit = limit;
    }
    pthread_mutex_unlock(&lock);
}

void fake_channels_timeout_returns_true(int enabled) {
    pthread_mutex_lock(&lock);
    timeoutReturnsTrue = enabled;
    pthread_mutex_unlock(&lock);
}

/* {flags of the last open, opens, pending client->server chunks, pending I/O operations} */
void fake_channels_state(DWORD session, const char *name, int dynamic, int64_t out[4]) {
    pthread_mutex_lock(&lock);
    endpoint *e = find_endpoint(session, name, dynamic);
    out[0] = e == NULL ? -1 : (int64_t)e->lastFlags;
    out[1] = e == NULL ? 0 : e->opens;
    out[2] = 0;
    for (piece *p = e == NULL ? NULL : e->inHead; p != NULL; p = p->next) {
        out[2]++;
    }
    out[3] = 0;
    for (int i = 0; i < MAX_OPS; i++) {
        out[3] += ops[i].used && !ops[i].done;
    }
    pthread_mutex_unlock(&lock);
}

int64_t fake_channels_misuse(void) {
    pthread_mutex_lock(&lock);
    int64_t count = misuse;
    pthread_mutex_unlock(&lock);
    return count;
}

static void fill(wts_api *api) {
    api->WTSVirtualChannelOpen = fake_WTSVirtualChannelOpen;
    api->WTSVirtualChannelOpenEx = fake_WTSVirtualChannelOpenEx;
    api->WTSVirtualChannelClose = fake_WTSVirtualChannelClose;
    api->WTSVirtualChannelRead = fake_WTSVirtualChannelRead;
    api->WTSVirtualChannelWrite = fake_WTSVirtualChannelWrite;
    api->WTSVirtualChannelPurgeInput = fake_WTSVirtualChannelPurgeInput;
    api->WTSVirtualChannelPurgeOutput = fake_WTSVirtualChannelPurgeOutput;
    api->WTSVirtualChannelQuery = fake_WTSVirtualChannelQuery;
    api->DuplicateHandle = fake_DuplicateHandle;
    api->CreateEventW = fake_CreateEventW;
    api->ReadFile = fake_ReadFile;
    api->WriteFile = fake_WriteFile;
    api->GetOverlappedResult = fake_GetOverlappedResult;
    api->CancelIoEx = fake_CancelIoEx;
}

static void reset(void) {
    pthread_mutex_lock(&lock);
    while (objects != NULL) {
        object *o = objects;
        objects = o->next;
        o->magic = 0;
        free(o); /* the open-handle count is zeroed by fake_reset */
    }
    for (int i = 0; i < MAX_ENDPOINTS; i++) {
        free_pieces(&endpoints[i].inHead, &endpoints[i].inTail);
        free_pieces(&endpoints[i].outHead, &endpoints[i].outTail);
        free(endpoints[i].clientData);
    }
    memset(endpoints, 0, sizeof endpoints);
    memset(ops, 0, sizeof ops);
    misuse = 0;
    timeoutReturnsTrue = 0;
    pthread_cond_broadcast(&changed);
    pthread_mutex_unlock(&lock);
}

FAKE_MODULE(channels, fill, reset)
