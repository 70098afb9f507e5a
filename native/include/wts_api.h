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

#include "launch_abi.h"

/* X(module, return type, name, parameter list) — module is the DLL's base name. */
#define WTS_API_FUNCTIONS(X)                                                                 \
    /* wtsapi32: servers */                                                                  \
    X(wtsapi32, HANDLE, WTSOpenServerW, (WCHAR *serverName))                                 \
    X(wtsapi32, void, WTSCloseServer, (HANDLE server))                                       \
    X(wtsapi32, BOOL, WTSEnumerateServersW,                                                  \
      (WCHAR *domain, DWORD reserved, DWORD version, WTS_SERVER_INFOW **info, DWORD *count)) \
    /* wtsapi32: sessions and processes */                                                   \
    X(wtsapi32, BOOL, WTSEnumerateSessionsW,                                                 \
      (HANDLE server, DWORD reserved, DWORD version, WTS_SESSION_INFOW **info, DWORD *count))\
    X(wtsapi32, BOOL, WTSEnumerateSessionsExW,                                               \
      (HANDLE server, DWORD *level, DWORD filter, WTS_SESSION_INFO_1W **info, DWORD *count)) \
    X(wtsapi32, BOOL, WTSEnumerateProcessesW,                                                \
      (HANDLE server, DWORD reserved, DWORD version, WTS_PROCESS_INFOW **info, DWORD *count))\
    X(wtsapi32, BOOL, WTSEnumerateProcessesExW,                                              \
      (HANDLE server, DWORD *level, DWORD sessionId, WCHAR **info, DWORD *count))            \
    X(wtsapi32, BOOL, WTSQuerySessionInformationW,                                           \
      (HANDLE server, DWORD session, DWORD infoClass, WCHAR **buffer, DWORD *bytes))         \
    X(wtsapi32, void, WTSFreeMemory, (void *memory))                                         \
    X(wtsapi32, BOOL, WTSFreeMemoryExW, (DWORD typeClass, void *memory, DWORD count))        \
    /* wtsapi32: user configuration */                                                       \
    X(wtsapi32, BOOL, WTSQueryUserConfigW,                                                   \
      (WCHAR *server, WCHAR *user, DWORD configClass, WCHAR **buffer, DWORD *bytes))         \
    X(wtsapi32, BOOL, WTSSetUserConfigW,                                                     \
      (WCHAR *server, WCHAR *user, DWORD configClass, WCHAR *buffer, DWORD bytes))           \
    /* wtsapi32: session control */                                                          \
    X(wtsapi32, BOOL, WTSLogoffSession, (HANDLE server, DWORD session, BOOL wait))           \
    X(wtsapi32, BOOL, WTSDisconnectSession, (HANDLE server, DWORD session, BOOL wait))       \
    X(wtsapi32, BOOL, WTSSendMessageW,                                                       \
      (HANDLE server, DWORD session, WCHAR *title, DWORD titleBytes, WCHAR *message,         \
       DWORD messageBytes, DWORD style, DWORD timeoutSeconds, DWORD *response, BOOL wait))   \
    X(wtsapi32, BOOL, WTSTerminateProcess, (HANDLE server, DWORD pid, DWORD exitCode))       \
    X(wtsapi32, BOOL, WTSShutdownSystem, (HANDLE server, DWORD flag))                        \
    X(wtsapi32, BOOL, WTSQueryUserToken, (DWORD session, HANDLE *token))                     \
    X(wtsapi32, BOOL, WTSStartRemoteControlSessionW,                                         \
      (WCHAR *targetServer, DWORD targetSession, BYTE hotkeyVk, USHORT hotkeyModifiers))     \
    X(wtsapi32, BOOL, WTSStopRemoteControlSession, (DWORD session))                          \
    X(wtsapi32, BOOL, WTSConnectSessionW,                                                    \
      (DWORD session, DWORD targetSession, WCHAR *password, BOOL wait))                      \
    /* wtsapi32: events */                                                                   \
    X(wtsapi32, BOOL, WTSWaitSystemEvent, (HANDLE server, DWORD mask, DWORD *flags))         \
    X(wtsapi32, BOOL, WTSRegisterSessionNotification, (HANDLE window, DWORD flags))          \
    X(wtsapi32, BOOL, WTSUnRegisterSessionNotification, (HANDLE window))                     \
    X(wtsapi32, BOOL, WTSRegisterSessionNotificationEx,                                      \
      (HANDLE server, HANDLE window, DWORD flags))                                           \
    X(wtsapi32, BOOL, WTSUnRegisterSessionNotificationEx, (HANDLE server, HANDLE window))    \
    /* wtsapi32: virtual channels (jni_channels.c) */                                        \
    X(wtsapi32, HANDLE, WTSVirtualChannelOpen, (HANDLE server, DWORD session, char *name))   \
    X(wtsapi32, HANDLE, WTSVirtualChannelOpenEx, (DWORD session, char *name, DWORD flags))   \
    X(wtsapi32, BOOL, WTSVirtualChannelClose, (HANDLE channel))                              \
    X(wtsapi32, BOOL, WTSVirtualChannelRead,                                                 \
      (HANDLE channel, DWORD timeout, char *buffer, DWORD size, DWORD *read))                \
    X(wtsapi32, BOOL, WTSVirtualChannelWrite,                                                \
      (HANDLE channel, char *buffer, DWORD length, DWORD *written))                          \
    X(wtsapi32, BOOL, WTSVirtualChannelPurgeInput, (HANDLE channel))                         \
    X(wtsapi32, BOOL, WTSVirtualChannelPurgeOutput, (HANDLE channel))                        \
    X(wtsapi32, BOOL, WTSVirtualChannelQuery,                                                \
      (HANDLE channel, DWORD virtualClass, void **buffer, DWORD *bytes))                     \
    /* kernel32 */                                                                           \
    X(kernel32, DWORD, WTSGetActiveConsoleSessionId, (void))                                 \
    X(kernel32, BOOL, ProcessIdToSessionId, (DWORD pid, DWORD *session))                     \
    X(kernel32, DWORD, GetCurrentProcessId, (void))                                          \
    X(kernel32, DWORD, GetCurrentThreadId, (void))                                           \
    X(kernel32, DWORD, GetLastError, (void))                                                 \
    X(kernel32, void, SetLastError, (DWORD code))                                            \
    X(kernel32, DWORD, FormatMessageW,                                                       \
      (DWORD flags, const void *source, DWORD messageId, DWORD languageId, WCHAR *buffer,    \
       DWORD size, void *arguments))                                                         \
    X(kernel32, HANDLE, GetProcessHeap, (void))                                              \
    X(kernel32, void *, HeapAlloc, (HANDLE heap, DWORD flags, size_t bytes))                 \
    X(kernel32, BOOL, HeapFree, (HANDLE heap, DWORD flags, void *memory))                    \
    X(kernel32, BOOL, CloseHandle, (HANDLE handle))                                          \
    X(kernel32, DWORD, WaitForSingleObject, (HANDLE handle, DWORD milliseconds))             \
    X(kernel32, BOOL, GetExitCodeProcess, (HANDLE process, DWORD *exitCode))                 \
    X(kernel32, HANDLE, GetModuleHandleW, (const WCHAR *name))                               \
    X(kernel32, void *, LocalFree, (void *memory))                                           \
    /* kernel32: a dynamic channel's file handle, overlapped (jni_channels.c) */             \
    X(kernel32, BOOL, DuplicateHandle,                                                       \
      (HANDLE sourceProcess, HANDLE source, HANDLE targetProcess, HANDLE *target,            \
       DWORD access, BOOL inherit, DWORD options))                                           \
    X(kernel32, HANDLE, CreateEventW,                                                        \
      (void *attributes, BOOL manualReset, BOOL initialState, const WCHAR *name))            \
    X(kernel32, BOOL, ReadFile,                                                              \
      (HANDLE file, void *buffer, DWORD length, DWORD *read, OVERLAPPED *overlapped))        \
    X(kernel32, BOOL, WriteFile,                                                             \
      (HANDLE file, const void *buffer, DWORD length, DWORD *written,                        \
       OVERLAPPED *overlapped))                                                              \
    X(kernel32, BOOL, GetOverlappedResult,                                                   \
      (HANDLE file, OVERLAPPED *overlapped, DWORD *transferred, BOOL wait))                  \
    X(kernel32, BOOL, CancelIoEx, (HANDLE file, OVERLAPPED *overlapped))                     \
    /* user32: the hidden window that receives WM_WTSSESSION_CHANGE */                       \
    X(user32, uint16_t, RegisterClassExW, (const WNDCLASSEXW *windowClass))                  \
    X(user32, BOOL, UnregisterClassW, (const WCHAR *className, HANDLE instance))             \
    X(user32, HANDLE, CreateWindowExW,                                                       \
      (DWORD exStyle, const WCHAR *className, const WCHAR *windowName, DWORD style,          \
       int32_t x, int32_t y, int32_t width, int32_t height, HANDLE parent, HANDLE menu,      \
       HANDLE instance, void *param))                                                        \
    X(user32, BOOL, DestroyWindow, (HANDLE window))                                          \
    X(user32, BOOL, GetMessageW, (MSG *message, HANDLE window, UINT first, UINT last))       \
    X(user32, LRESULT, DispatchMessageW, (const MSG *message))                               \
    X(user32, BOOL, PostMessageW, (HANDLE window, UINT message, WPARAM wParam, LPARAM lParam))\
    X(user32, BOOL, PostThreadMessageW,                                                      \
      (DWORD thread, UINT message, WPARAM wParam, LPARAM lParam))                            \
    X(user32, LRESULT, DefWindowProcW,                                                       \
      (HANDLE window, UINT message, WPARAM wParam, LPARAM lParam))                           \
    /* advapi32 + userenv: starting a program in a user's session */                         \
    X(advapi32, BOOL, DuplicateTokenEx,                                                      \
      (HANDLE token, DWORD access, void *attributes, DWORD impersonationLevel,               \
       DWORD tokenType, HANDLE *newToken))                                                   \
    X(advapi32, BOOL, GetTokenInformation,                                                   \
      (HANDLE token, DWORD infoClass, void *info, DWORD length, DWORD *returnLength))        \
    X(advapi32, BOOL, OpenProcessToken, (HANDLE process, DWORD access, HANDLE *token))       \
    X(advapi32, BOOL, OpenThreadToken,                                                       \
      (HANDLE thread, DWORD access, BOOL openAsSelf, HANDLE *token))                         \
    X(advapi32, BOOL, LookupPrivilegeValueW,                                                 \
      (const WCHAR *system, const WCHAR *name, LUID *luid))                                  \
    X(advapi32, BOOL, AdjustTokenPrivileges,                                                 \
      (HANDLE token, BOOL disableAll, TOKEN_PRIVILEGES *newState, DWORD bufferLength,        \
       TOKEN_PRIVILEGES *previousState, DWORD *returnLength))                                \
    X(advapi32, BOOL, LookupAccountSidW,                                                     \
      (const WCHAR *system, void *sid, WCHAR *name, DWORD *nameUnits, WCHAR *domain,         \
       DWORD *domainUnits, DWORD *use))                                                      \
    X(advapi32, BOOL, CreateProcessAsUserW,                                                  \
      (HANDLE token, const WCHAR *application, WCHAR *commandLine, void *processAttributes,  \
       void *threadAttributes, BOOL inheritHandles, DWORD creationFlags, void *environment,  \
       const WCHAR *currentDirectory, STARTUPINFOW *startup, PROCESS_INFORMATION *info))     \
    /* advapi32: protecting the extraction directory's ACL from inherited entries */        \
    X(advapi32, DWORD, GetNamedSecurityInfoW,                                                \
      (const WCHAR *name, DWORD objectType, DWORD securityInfo, void **owner, void **group,  \
       void **dacl, void **sacl, void **securityDescriptor))                                 \
    X(advapi32, DWORD, SetNamedSecurityInfoW,                                                \
      (WCHAR *name, DWORD objectType, DWORD securityInfo, void *owner, void *group,          \
       void *dacl, void *sacl))                                                              \
    X(userenv, BOOL, CreateEnvironmentBlock, (void **environment, HANDLE token, BOOL inherit))\
    X(userenv, BOOL, DestroyEnvironmentBlock, (void *environment))                           \
    /* kernel32: a started program's standard handles and its job (jni_child_io.c, jni_launch.c) */ \
    X(kernel32, BOOL, CreatePipe,                                                            \
      (HANDLE *readPipe, HANDLE *writePipe, SECURITY_ATTRIBUTES *attributes, DWORD size))    \
    X(kernel32, BOOL, SetHandleInformation, (HANDLE handle, DWORD mask, DWORD flags))        \
    X(kernel32, HANDLE, CreateFileW,                                                         \
      (const WCHAR *name, DWORD access, DWORD share, SECURITY_ATTRIBUTES *attributes,        \
       DWORD disposition, DWORD flags, HANDLE templateFile))                                 \
    X(kernel32, HANDLE, GetStdHandle, (DWORD which))                                         \
    X(kernel32, BOOL, InitializeProcThreadAttributeList,                                     \
      (void *list, DWORD count, DWORD flags, size_t *size))                                  \
    X(kernel32, BOOL, UpdateProcThreadAttribute,                                             \
      (void *list, DWORD flags, uintptr_t attribute, void *value, size_t size,               \
       void *previousValue, size_t *returnSize))                                             \
    X(kernel32, void, DeleteProcThreadAttributeList, (void *list))                           \
    X(kernel32, BOOL, TerminateProcess, (HANDLE process, UINT exitCode))                     \
    X(kernel32, DWORD, ResumeThread, (HANDLE thread))                                        \
    X(kernel32, HANDLE, CreateJobObjectW, (void *attributes, const WCHAR *name))             \
    X(kernel32, BOOL, SetInformationJobObject,                                               \
      (HANDLE job, DWORD infoClass, void *info, DWORD length))                               \
    X(kernel32, BOOL, AssignProcessToJobObject, (HANDLE job, HANDLE process))

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
