/*
 * Windows side of the function table, the DLL entry point, and the few C runtime pieces the
 * compiler may ask for. The DLL imports only kernel32 (LoadLibraryExW, GetModuleHandleW,
 * GetProcAddress, GetSystemDirectoryW); everything else is looked up at run time so that a
 * Windows without some WTS function still loads the DLL and reports 127 per call.
 */
#include "wts_api.h"

#define LOAD_LIBRARY_SEARCH_SYSTEM32 0x00000800u
#define MAX_SYSTEM_PATH 260

__declspec(dllimport) HANDLE WINAPI LoadLibraryExW(const WCHAR *name, HANDLE file, DWORD flags);
__declspec(dllimport) HANDLE WINAPI GetModuleHandleW(const WCHAR *name);
__declspec(dllimport) void *WINAPI GetProcAddress(HANDLE module, const char *name);
__declspec(dllimport) DWORD WINAPI GetSystemDirectoryW(WCHAR *buffer, DWORD size);

wts_api WTS;

/*
 * Loads a DLL from System32 only: never the application directory, the current directory
 * or PATH, where a planted copy could wait. Falls back to an absolute System32 path on a
 * Windows 7 without KB2533623 (it rejects the flag).
 */
static HANDLE load_system_dll(const WCHAR *name) {
    HANDLE module = LoadLibraryExW(name, NULL, LOAD_LIBRARY_SEARCH_SYSTEM32);
    if (module != NULL) {
        return module;
    }
    WCHAR path[MAX_SYSTEM_PATH + 32];
    DWORD length = GetSystemDirectoryW(path, MAX_SYSTEM_PATH);
    if (length == 0 || length >= MAX_SYSTEM_PATH) {
        return NULL;
    }
    path[length++] = '\\';
    for (DWORD i = 0; name[i] != 0 && length < MAX_SYSTEM_PATH + 30; i++) {
        path[length++] = name[i];
    }
    path[length] = 0;
    return LoadLibraryExW(path, NULL, 0);
}

static void *lookup(HANDLE module, const char *name) {
    return module == NULL ? NULL : GetProcAddress(module, name);
}

DWORD wts_api_init(void) {
    HANDLE kernel32 = GetModuleHandleW((const WCHAR *)u"kernel32.dll");
    if (kernel32 == NULL) {
        return WTS_ERROR_PROC_NOT_FOUND;
    }
    /* Each may be absent (Server Core has no user32 windows, Nano Server no wtsapi32):
     * their functions then stay NULL and report ERROR_PROC_NOT_FOUND when called. */
    HANDLE wtsapi32 = load_system_dll((const WCHAR *)u"wtsapi32.dll");
    HANDLE user32 = load_system_dll((const WCHAR *)u"user32.dll");
    HANDLE advapi32 = load_system_dll((const WCHAR *)u"advapi32.dll");
    HANDLE userenv = load_system_dll((const WCHAR *)u"userenv.dll");
#define WTS_API_LOAD(module, ret, name, params) \
    WTS.name = (ret(WINAPI *) params)lookup(module, #name);
    WTS_API_FUNCTIONS(WTS_API_LOAD)
#undef WTS_API_LOAD
    /* The shim cannot even report errors without these. */
    if (!WTS.GetLastError || !WTS.SetLastError || !WTS.GetProcessHeap || !WTS.HeapAlloc || !WTS.HeapFree) {
        return WTS_ERROR_PROC_NOT_FOUND;
    }
    return 0;
}

/* No C runtime: this is the DLL's entry point. Nothing to set up at attach. */
BOOL WINAPI DllMainCRTStartup(HANDLE instance, DWORD reason, void *reserved) {
    (void)instance;
    (void)reason;
    (void)reserved;
    return 1;
}

/* The compiler may emit calls to these for struct copies and zeroing. */
#if defined(_MSC_VER) && !defined(__clang__)
#pragma function(memset, memcpy)
#endif
void *memset(void *to, int value, size_t bytes) {
    volatile unsigned char *out = (volatile unsigned char *)to;
    for (size_t i = 0; i < bytes; i++) {
        out[i] = (unsigned char)value;
    }
    return to;
}

void *memcpy(void *to, const void *from, size_t bytes) {
    volatile unsigned char *out = (volatile unsigned char *)to;
    const unsigned char *in = (const unsigned char *)from;
    for (size_t i = 0; i < bytes; i++) {
        out[i] = in[i];
    }
    return to;
}
