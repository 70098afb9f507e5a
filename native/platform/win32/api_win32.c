/*
 * Windows side of the function table, the DLL entry point, and the few C runtime pieces the
 * compiler may ask for. The DLL imports only kernel32 (LoadLibraryExW, GetModuleHandleW,
 * GetProcAddress, GetSystemDirectoryW, GetLastError); everything else is looked up at run
 * time (system_dll.c: from System32 only) so that a Windows without some WTS function still
 * loads the DLL and reports 127 per call.
 */
#include "system_dll.h"
#include "wts_api.h"

__declspec(dllimport) HANDLE WINAPI LoadLibraryExW(const WCHAR *name, HANDLE file, DWORD flags);
__declspec(dllimport) HANDLE WINAPI GetModuleHandleW(const WCHAR *name);
__declspec(dllimport) void *WINAPI GetProcAddress(HANDLE module, const char *name);
__declspec(dllimport) DWORD WINAPI GetSystemDirectoryW(WCHAR *buffer, DWORD size);
__declspec(dllimport) DWORD WINAPI GetLastError(void);

wts_api WTS;

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
    const wts_loader_ops ops = {kernel32, LoadLibraryExW, GetProcAddress, GetSystemDirectoryW, GetLastError};
    int searchFlags = wts_search_flags_supported(&ops);
    HANDLE wtsapi32 = wts_load_system_dll(&ops, searchFlags, (const WCHAR *)u"wtsapi32.dll");
    HANDLE user32 = wts_load_system_dll(&ops, searchFlags, (const WCHAR *)u"user32.dll");
    HANDLE advapi32 = wts_load_system_dll(&ops, searchFlags, (const WCHAR *)u"advapi32.dll");
    HANDLE userenv = wts_load_system_dll(&ops, searchFlags, (const WCHAR *)u"userenv.dll");
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
