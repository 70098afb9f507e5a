/*
 * The table of every Windows function the shim calls.
 *
 * The shim never calls Windows directly: it calls through this table, which one platform
 * file fills. On Windows that is api_win32.c (LoadLibraryExW from System32 + GetProcAddress);
 * on Linux it is the test-only fake (native/fake). A function this Windows lacks stays NULL,
 * and the shim turns that into WtsException(ERROR_PROC_NOT_FOUND), never a crash.
 *
 * To add a function: one line in WTS_API_FUNCTIONS, then the fake's implementation.
 */
#ifndef WTS_API_H
#define WTS_API_H

#include "wts_abi.h"

/* X(module, return type, name, parameter list) — module is the DLL's base name. */
#define WTS_API_FUNCTIONS(X)                                                                 \
    X(wtsapi32, BOOL, WTSEnumerateSessionsW,                                                 \
      (HANDLE server, DWORD reserved, DWORD version, WTS_SESSION_INFOW **info, DWORD *count))\
    X(wtsapi32, BOOL, WTSEnumerateProcessesW,                                                \
      (HANDLE server, DWORD reserved, DWORD version, WTS_PROCESS_INFOW **info, DWORD *count))\
    X(wtsapi32, BOOL, WTSQuerySessionInformationW,                                           \
      (HANDLE server, DWORD session, DWORD infoClass, WCHAR **buffer, DWORD *bytes))         \
    X(wtsapi32, void, WTSFreeMemory, (void *memory))                                         \
    X(kernel32, DWORD, WTSGetActiveConsoleSessionId, (void))                                 \
    X(kernel32, BOOL, ProcessIdToSessionId, (DWORD pid, DWORD *session))                     \
    X(kernel32, DWORD, GetCurrentProcessId, (void))                                          \
    X(kernel32, DWORD, GetLastError, (void))                                                 \
    X(kernel32, DWORD, FormatMessageW,                                                       \
      (DWORD flags, const void *source, DWORD messageId, DWORD languageId, WCHAR *buffer,    \
       DWORD size, void *arguments))                                                         \
    X(kernel32, HANDLE, GetProcessHeap, (void))                                              \
    X(kernel32, void *, HeapAlloc, (HANDLE heap, DWORD flags, size_t bytes))                 \
    X(kernel32, BOOL, HeapFree, (HANDLE heap, DWORD flags, void *memory))

#define WTS_API_FIELD(module, ret, name, params) ret(WINAPI *name) params;

typedef struct wts_api {
    WTS_API_FUNCTIONS(WTS_API_FIELD)
} wts_api;

/*
 * Fills the table once (from JNI_OnLoad). Returns 0 on success, else a Win32 error code
 * for a failure that leaves the shim unusable (kernel32 itself missing).
 */
DWORD wts_api_init(void);

/* The filled table; valid after wts_api_init succeeded. */
extern wts_api WTS;

#endif /* WTS_API_H */
