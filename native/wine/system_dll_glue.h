/* TEST-ONLY: the shim's System32 loader (native/platform/win32/system_dll.c) with kernel32
 * functions of the harness's choosing, callable from files that include windows.h. */
#ifndef WTS_SYSTEM_DLL_GLUE_H
#define WTS_SYSTEM_DLL_GLUE_H

typedef struct glue_ops {
    void *kernel32;
    void *loadLibraryExW;     /* HMODULE WINAPI (LPCWSTR, HANDLE, DWORD) */
    void *getProcAddress;     /* FARPROC WINAPI (HMODULE, LPCSTR) */
    void *getSystemDirectoryW; /* UINT WINAPI (LPWSTR, UINT) */
    void *getLastError;       /* DWORD WINAPI (void) */
} glue_ops;

int glue_search_flags_supported(const glue_ops *ops);
void *glue_load_system_dll(const glue_ops *ops, int searchFlags, const unsigned short *name);

#endif
