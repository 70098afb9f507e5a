/* TEST-ONLY fake: lock, counters, tagged buffers, injected errors, kernel32's part, the table. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fake.h"

#define BUFFER_MAGIC 0x57545342u /* "WTSB" */
#define MAX_INJECTED 32
#define MAX_MODULES 32

typedef struct buffer_tag {
    uint32_t magic;
    int32_t kind;
    uint32_t count;
    uint32_t padding; /* keeps the payload 16-byte aligned, as HeapAlloc's is */
} buffer_tag;

typedef struct injected_error {
    char function[64];
    DWORD code;
    int32_t remaining; /* < 0: every call */
} injected_error;

fake_world FAKE;
wts_api WTS;

static pthread_mutex_t world_lock = PTHREAD_MUTEX_INITIALIZER;
static injected_error injected[MAX_INJECTED];
static __thread DWORD last_error;
static int64_t outstanding_buffers, misused_frees, outstanding_heap, call_count, open_handles;
static const fake_module *modules[MAX_MODULES];
static int module_count;

void fake_register_module(const fake_module *module) {
    if (module_count < MAX_MODULES) {
        modules[module_count++] = module;
    }
}

void fake_handle_opened(void) { __atomic_add_fetch(&open_handles, 1, __ATOMIC_RELAXED); }
void fake_handle_closed(void) { __atomic_sub_fetch(&open_handles, 1, __ATOMIC_RELAXED); }
int64_t fake_open_handles(void) { return __atomic_load_n(&open_handles, __ATOMIC_RELAXED); }

void fake_lock(void) { pthread_mutex_lock(&world_lock); }
void fake_unlock(void) { pthread_mutex_unlock(&world_lock); }

void fake_set_last_error(DWORD code) { last_error = code; }
DWORD fake_last_error(void) { return last_error; }

int fake_enter(const char *function) {
    __atomic_add_fetch(&call_count, 1, __ATOMIC_RELAXED);
    DWORD code = 0;
    fake_lock();
    for (int i = 0; i < MAX_INJECTED; i++) {
        injected_error *e = &injected[i];
        if (e->code != 0 && e->remaining != 0 && strcmp(e->function, function) == 0) {
            code = e->code;
            if (e->remaining > 0) {
                e->remaining--;
            }
            break;
        }
    }
    fake_unlock();
    if (code == FAKE_FAIL_WITHOUT_ERROR) {
        return 1; /* fails and leaves the last error as it was, as Wine's stubs do */
    }
    if (code != 0) {
        last_error = code;
        return 1;
    }
    return 0;
}

void fake_inject_error(const char *function, DWORD code, int32_t times) {
    fake_lock();
    for (int i = 0; i < MAX_INJECTED; i++) {
        injected_error *e = &injected[i];
        if (e->code == 0 || e->remaining == 0 || strcmp(e->function, function) == 0) {
            strncpy(e->function, function, sizeof e->function - 1);
            e->function[sizeof e->function - 1] = 0;
            e->code = code;
            e->remaining = times;
            break;
        }
    }
    fake_unlock();
}

void *fake_buffer_new(size_t payloadBytes, enum fake_buffer_kind kind, DWORD count) {
    buffer_tag *tag = calloc(1, sizeof(buffer_tag) + payloadBytes);
    if (tag == NULL) {
        return NULL;
    }
    tag->magic = BUFFER_MAGIC;
    tag->kind = kind;
    tag->count = count;
    __atomic_add_fetch(&outstanding_buffers, 1, __ATOMIC_RELAXED);
    return tag + 1;
}

int fake_buffer_release(void *payload, enum fake_buffer_kind kind, DWORD count) {
    if (payload == NULL) {
        return 0;
    }
    buffer_tag *tag = (buffer_tag *)payload - 1;
    if (tag->magic != BUFFER_MAGIC || tag->kind != (int32_t)kind ||
        (kind != FAKE_FREE_WTSFREEMEMORY && tag->count != count)) {
        __atomic_add_fetch(&misused_frees, 1, __ATOMIC_RELAXED);
        return 1; /* like Windows, leave it: a wrong free is a leak, which the test sees */
    }
    tag->magic = 0;
    free(tag);
    __atomic_sub_fetch(&outstanding_buffers, 1, __ATOMIC_RELAXED);
    return 0;
}

void *fake_heap_alloc(size_t bytes) {
    void *memory = malloc(bytes == 0 ? 1 : bytes);
    if (memory != NULL) {
        __atomic_add_fetch(&outstanding_heap, 1, __ATOMIC_RELAXED);
    }
    return memory;
}

void fake_heap_free(void *memory) {
    if (memory != NULL) {
        free(memory);
        __atomic_sub_fetch(&outstanding_heap, 1, __ATOMIC_RELAXED);
    }
}

int64_t fake_outstanding_buffers(void) { return __atomic_load_n(&outstanding_buffers, __ATOMIC_RELAXED); }
int64_t fake_misused_frees(void) { return __atomic_load_n(&misused_frees, __ATOMIC_RELAXED); }
int64_t fake_outstanding_heap(void) { return __atomic_load_n(&outstanding_heap, __ATOMIC_RELAXED); }
int64_t fake_call_count(void) { return __atomic_load_n(&call_count, __ATOMIC_RELAXED); }

WCHAR *fake_wcsdup(const WCHAR *text, size_t units) {
    WCHAR *copy = malloc((units + 1) * sizeof(WCHAR));
    if (copy != NULL) {
        memcpy(copy, text, units * sizeof(WCHAR));
        copy[units] = 0;
    }
    return copy;
}

size_t fake_wcslen(const WCHAR *text) {
    size_t n = 0;
    while (text != NULL && text[n] != 0) {
        n++;
    }
    return n;
}

size_t fake_units_with_nul(const WCHAR *text) {
    return text == NULL ? 0 : fake_wcslen(text) + 1;
}

WCHAR *fake_place_string(WCHAR **cursor, const WCHAR *text) {
    if (text == NULL) {
        return NULL;
    }
    size_t units = fake_wcslen(text) + 1;
    WCHAR *at = *cursor;
    memcpy(at, text, units * sizeof(WCHAR));
    *cursor += units;
    return at;
}

fake_session *fake_find_session(DWORD id) {
    for (DWORD i = 0; i < FAKE.sessionCount; i++) {
        if (FAKE.sessions[i].id == id) {
            return &FAKE.sessions[i];
        }
    }
    return NULL;
}

static void fill_table(void);

void fake_grow(void **items, DWORD *capacity, DWORD needed, size_t itemBytes) {
    if (needed <= *capacity) {
        return;
    }
    DWORD next = *capacity == 0 ? 16 : *capacity;
    while (next < needed) {
        next *= 2;
    }
    void *more = realloc(*items, next * itemBytes);
    if (more == NULL) {
        abort();
    }
    memset((char *)more + *capacity * itemBytes, 0, (next - *capacity) * itemBytes);
    *items = more;
    *capacity = next;
}

void fake_reset(void) {
    fake_lock();
    for (DWORD i = 0; i < FAKE.sessionCount; i++) {
        free(FAKE.sessions[i].name);
        for (int c = 0; c <= FAKE_MAX_INFO_CLASS; c++) {
            free(FAKE.sessions[i].info[c].data);
        }
    }
    for (DWORD i = 0; i < FAKE.processCount; i++) {
        free(FAKE.processes[i].name);
    }
    free(FAKE.sessions);
    free(FAKE.processes);
    memset(&FAKE, 0, sizeof FAKE);
    FAKE.currentPid = (DWORD)getpid();
    FAKE.currentSession = 1;
    FAKE.consoleSession = 1;
    memset(injected, 0, sizeof injected);
    __atomic_store_n(&outstanding_buffers, 0, __ATOMIC_RELAXED);
    __atomic_store_n(&misused_frees, 0, __ATOMIC_RELAXED);
    __atomic_store_n(&outstanding_heap, 0, __ATOMIC_RELAXED);
    __atomic_store_n(&call_count, 0, __ATOMIC_RELAXED);
    for (int i = 0; i < module_count; i++) {
        if (modules[i]->reset != NULL) {
            modules[i]->reset();
        }
    }
    __atomic_store_n(&open_handles, 0, __ATOMIC_RELAXED);
    fill_table();
    fake_unlock();
}

/* ---- kernel32's part ---- */

static DWORD WINAPI fake_GetLastError(void) { return last_error; }
static void WINAPI fake_SetLastError(DWORD code) { last_error = code; }

static DWORD WINAPI fake_GetCurrentProcessId(void) {
    fake_enter("GetCurrentProcessId");
    return FAKE.currentPid;
}

static DWORD WINAPI fake_WTSGetActiveConsoleSessionId(void) {
    fake_enter("WTSGetActiveConsoleSessionId");
    return FAKE.consoleSession;
}

static BOOL WINAPI fake_ProcessIdToSessionId(DWORD pid, DWORD *session) {
    if (fake_enter("ProcessIdToSessionId")) {
        return 0;
    }
    if (session == NULL) {
        last_error = WTS_ERROR_INVALID_PARAMETER;
        return 0;
    }
    DWORD found = 0;
    int known = 0;
    fake_lock();
    if (pid == FAKE.currentPid) {
        found = FAKE.currentSession;
        known = 1;
    }
    for (DWORD i = 0; !known && i < FAKE.processCount; i++) {
        if (FAKE.processes[i].pid == pid) {
            found = FAKE.processes[i].session;
            known = 1;
        }
    }
    fake_unlock();
    if (!known) {
        last_error = WTS_ERROR_INVALID_PARAMETER; /* what Windows says for a pid that is gone */
        return 0;
    }
    *session = found;
    return 1;
}

/* The English system texts of the codes users meet; FormatMessageW fails for the rest. */
static const struct {
    DWORD code;
    const char *text;
} MESSAGES[] = {
    {2, "The system cannot find the file specified."},
    {5, "Access is denied."},
    {6, "The handle is invalid."},
    {8, "Not enough memory resources are available to process this command."},
    {13, "The data is invalid."},
    {50, "The request is not supported."},
    {87, "The parameter is incorrect."},
    {120, "This function is not supported on this system."},
    {122, "The data area passed to a system call is too small."},
    {127, "The specified procedure could not be found."},
    {1008, "An attempt was made to reference a token that does not exist."},
    {1314, "A required privilege is not held by the client."},
    {1460, "This operation returned because the timeout period expired."},
    {1722, "The RPC server is unavailable."},
    /* virtual channels (fake_channels.c) */
    {109, "The pipe has been ended."},
    {995, "The I/O operation has been aborted because of either a thread exit or an application request."},
    {1168, "Element not found."},
    {7022, "The specified session cannot be found."},
};

static DWORD WINAPI fake_FormatMessageW(DWORD flags, const void *source, DWORD messageId,
                                        DWORD languageId, WCHAR *buffer, DWORD size,
                                        void *arguments) {
    (void)flags, (void)source, (void)languageId, (void)arguments;
    for (size_t i = 0; i < sizeof MESSAGES / sizeof MESSAGES[0]; i++) {
        if (MESSAGES[i].code != messageId) {
            continue;
        }
        size_t length = strlen(MESSAGES[i].text);
        if (buffer == NULL || size < length + 3) {
            last_error = WTS_ERROR_INSUFFICIENT_BUFFER;
            return 0;
        }
        for (size_t c = 0; c < length; c++) {
            buffer[c] = (WCHAR)MESSAGES[i].text[c];
        }
        buffer[length] = '\r'; /* Windows ends system messages with CR LF */
        buffer[length + 1] = '\n';
        buffer[length + 2] = 0;
        return (DWORD)(length + 2);
    }
    last_error = FAKE_ERROR_MR_MID_NOT_FOUND;
    return 0;
}

static HANDLE WINAPI fake_GetProcessHeap(void) { return (HANDLE)&FAKE; }

static void *WINAPI fake_HeapAlloc(HANDLE heap, DWORD flags, size_t bytes) {
    (void)heap, (void)flags;
    return fake_heap_alloc(bytes);
}

static BOOL WINAPI fake_HeapFree(HANDLE heap, DWORD flags, void *memory) {
    (void)heap, (void)flags;
    fake_heap_free(memory);
    return 1;
}

/* Points every slot of the table at its fake (the state a reset returns to). */
static void fill_table(void) {
    WTS.GetLastError = fake_GetLastError;
    WTS.SetLastError = fake_SetLastError;
    WTS.GetCurrentProcessId = fake_GetCurrentProcessId;
    WTS.WTSGetActiveConsoleSessionId = fake_WTSGetActiveConsoleSessionId;
    WTS.ProcessIdToSessionId = fake_ProcessIdToSessionId;
    WTS.FormatMessageW = fake_FormatMessageW;
    WTS.GetProcessHeap = fake_GetProcessHeap;
    WTS.HeapAlloc = fake_HeapAlloc;
    WTS.HeapFree = fake_HeapFree;
    for (int i = 0; i < module_count; i++) {
        modules[i]->fill(&WTS);
    }
}

int fake_remove_function(const char *name) {
#define FAKE_REMOVE(module, ret, fn, params) \
    if (strcmp(name, #fn) == 0) {            \
        WTS.fn = NULL;                       \
        return 1;                            \
    }
    WTS_API_FUNCTIONS(FAKE_REMOVE)
#undef FAKE_REMOVE
    return 0;
}

DWORD wts_api_init(void) {
    static int initialised;
    if (!initialised) {
        initialised = 1;
        fake_reset();
    }
    return 0;
}
