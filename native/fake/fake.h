/*
 * TEST-ONLY fake of the Windows functions in wts_api.h. Never shipped: it exists so that the
 * real shim can be driven by the real JVM on Linux. It follows the documented Windows
 * semantics (buffers the caller must free with the matching function, a per-thread last
 * error, ERROR_* codes for bad arguments), and lets JUnit script its data, inject errors and
 * count what was not released.
 */
#ifndef WTS_FAKE_H
#define WTS_FAKE_H

#include <stdint.h>

#include "wts_api.h"

#define FAKE_ERROR_INVALID_HANDLE 6u
#define FAKE_ERROR_NOT_SUPPORTED 50u
#define FAKE_ERROR_MR_MID_NOT_FOUND 317u
#define FAKE_ERROR_CTX_WINSTATION_NOT_FOUND 7022u
/* An injected "code" that makes the function fail without setting the last error at all. */
#define FAKE_FAIL_WITHOUT_ERROR 0xFFFFFFFFu
#define FAKE_MAX_INFO_CLASS 29

/* Which free function a buffer handed out must be returned to. */
enum fake_buffer_kind {
    FAKE_FREE_WTSFREEMEMORY = 1,   /* WTSFreeMemory */
    FAKE_FREE_LOCALFREE = 2,       /* LocalFree (security descriptors) */
    FAKE_FREE_EX_PROCESS0 = 100,   /* WTSFreeMemoryEx(WTSTypeProcessInfoLevel0) */
    FAKE_FREE_EX_PROCESS1 = 101,   /* WTSFreeMemoryEx(WTSTypeProcessInfoLevel1) */
    FAKE_FREE_EX_SESSION1 = 102,   /* WTSFreeMemoryEx(WTSTypeSessionInfoLevel1) */
};

/* All fake state is behind one lock; the JNI test hooks and the fake functions take it. */
void fake_lock(void);
void fake_unlock(void);

/* Called first by every fake function: counts the call and, if an error was injected for
 * `function`, sets the last error and returns 1 (the function must then fail). */
int fake_enter(const char *function);

void fake_set_last_error(DWORD code);
/* The calling thread's last error (for fakes of functions that return their error code). */
DWORD fake_last_error(void);

/* A buffer as Windows hands it out: the payload, preceded by a tag naming its free function. */
void *fake_buffer_new(size_t payloadBytes, enum fake_buffer_kind kind, DWORD count);
/* Releases a payload; returns 0, or 1 if it was not ours / the wrong kind / count (misuse). */
int fake_buffer_release(void *payload, enum fake_buffer_kind kind, DWORD count);

/* Heap used by the shim itself (HeapAlloc), counted like the buffers. */
void *fake_heap_alloc(size_t bytes);
void fake_heap_free(void *memory);

/* The scripted world. */
typedef struct fake_blob {
    uint8_t *data;
    DWORD size;
} fake_blob;

typedef struct fake_session {
    DWORD id;
    DWORD state;
    WCHAR *name;                                  /* NUL-terminated */
    fake_blob info[FAKE_MAX_INFO_CLASS + 1];      /* raw WTSQuerySessionInformation replies */
} fake_session;

typedef struct fake_process {
    DWORD session;
    DWORD pid;
    WCHAR *name;                                  /* NUL-terminated, may be NULL */
    uint8_t sid[68];
    DWORD sidLength;                              /* 0: no SID */
} fake_process;

typedef struct fake_world {
    fake_session *sessions;
    DWORD sessionCount, sessionCapacity;
    fake_process *processes;
    DWORD processCount, processCapacity;
    DWORD currentPid;
    DWORD currentSession;
    DWORD consoleSession;
} fake_world;

extern fake_world FAKE;

/* Looks a session up (lock held); NULL when there is none with that id. */
fake_session *fake_find_session(DWORD id);

/*
 * The fake is split into modules, one file per concern (sessions, servers, events, …). Each
 * registers itself with FAKE_MODULE: `fill` points table slots at its functions (on load and
 * after every reset), `reset` (may be NULL) drops its state; both run with the lock held.
 */
typedef struct fake_module {
    const char *name;
    void (*fill)(wts_api *api);
    void (*reset)(void);
} fake_module;

void fake_register_module(const fake_module *module);

#define FAKE_MODULE(id, fillFunction, resetFunction)                                  \
    static const fake_module fake_module_##id = {#id, fillFunction, resetFunction};  \
    __attribute__((constructor)) static void fake_register_##id(void) {              \
        fake_register_module(&fake_module_##id);                                      \
    }

/* Counts a handle the fake handed out (server, token, window, …) or took back. */
void fake_handle_opened(void);
void fake_handle_closed(void);
int64_t fake_open_handles(void);

/*
 * The server a call is for (fake_servers.c): NULL is the local server; any other value must
 * be a handle from the fake WTSOpenServerW that is still open. Returns 1 when the call may
 * go on; else sets the last error and returns 0: ERROR_INVALID_HANDLE for a handle that is
 * not (or no longer) open, or the server's scripted failure (RPC_S_SERVER_UNAVAILABLE for a
 * name nobody scripted, ERROR_ACCESS_DENIED for a server that denies). Records which server
 * `function` was called for (FakeServers.lastServer in the tests). Takes the lock itself.
 */
int fake_server_check(HANDLE server, const char *function);

/* Counters read by the tests. */
int64_t fake_outstanding_buffers(void);
int64_t fake_misused_frees(void);
int64_t fake_outstanding_heap(void);
int64_t fake_call_count(void);

/* Back to an empty world, no injected errors, counters at zero. */
void fake_reset(void);
void fake_inject_error(const char *function, DWORD code, int32_t times);
/* Empties a slot of the table, as on a Windows that lacks the function; 0 if unknown name. */
int fake_remove_function(const char *name);

/* Grows an array of itemBytes-sized items (zero-filled) to hold at least `needed`; aborts
 * when out of memory (test-only code: nothing sensible is left to do). */
void fake_grow(void **items, DWORD *capacity, DWORD needed, size_t itemBytes);

/* UTF-16 helpers for the fake's own data. */
WCHAR *fake_wcsdup(const WCHAR *text, size_t units);
size_t fake_wcslen(const WCHAR *text);
/* Units a string takes in a Windows buffer, its NUL included; 0 for NULL. */
size_t fake_units_with_nul(const WCHAR *text);
/* Copies a NUL-terminated string into a buffer's string area at *cursor, advances the cursor
 * and returns where it went (NULL for NULL): how Windows packs names after its arrays. */
WCHAR *fake_place_string(WCHAR **cursor, const WCHAR *text);

#endif /* WTS_FAKE_H */
