/*
 * Loading a Windows DLL from System32 only, on every Windows the shim supports. Kept apart
 * from api_win32.c, with the kernel32 functions passed in, so that the Wine harness can run
 * the very same code against doubles that behave as Windows 7 without KB2533623.
 */
#ifndef WTS_SYSTEM_DLL_H
#define WTS_SYSTEM_DLL_H

#include "wts_abi.h"

#define WTS_LOAD_WITH_ALTERED_SEARCH_PATH 0x00000008u
#define WTS_LOAD_LIBRARY_SEARCH_SYSTEM32 0x00000800u

typedef struct wts_loader_ops {
    HANDLE kernel32;
    HANDLE(WINAPI *LoadLibraryExW)(const WCHAR *name, HANDLE file, DWORD flags);
    void *(WINAPI *GetProcAddress)(HANDLE module, const char *name);
    DWORD(WINAPI *GetSystemDirectoryW)(WCHAR *buffer, DWORD size);
    DWORD(WINAPI *GetLastError)(void);
} wts_loader_ops;

/*
 * Whether LoadLibraryExW takes the LOAD_LIBRARY_SEARCH_* flags: Windows 8 and later, and
 * Windows 7 / Server 2008 R2 with KB2533623. Microsoft's documented test is whether kernel32
 * exports AddDllDirectory, which came with them.
 */
int wts_search_flags_supported(const wts_loader_ops *ops);

/*
 * Loads a DLL (a bare name, e.g. L"wtsapi32.dll") from System32 only, never the application
 * directory, the current directory or PATH, where a planted copy could wait:
 *  - with the search flags, LoadLibraryExW(name, LOAD_LIBRARY_SEARCH_SYSTEM32);
 *  - without them (or if that call fails with ERROR_INVALID_PARAMETER, the flag not
 *    understood), LoadLibraryExW(<System32>\name, LOAD_WITH_ALTERED_SEARCH_PATH): an absolute
 *    path, whose own imports are then looked up from System32 first, not from the directory
 *    of the program.
 * NULL when the DLL is not there (or any other failure): its functions then stay missing.
 */
HANDLE wts_load_system_dll(const wts_loader_ops *ops, int searchFlags, const WCHAR *name);

#endif /* WTS_SYSTEM_DLL_H */
