/* TEST-ONLY glue: builds the shim's wts_loader_ops (system_dll.h, which uses the shim's own
 * wts_abi.h types) for entries_system_dll.c (which uses mingw-w64's windows.h: the two type
 * sets cannot meet in one file). */
#include "system_dll.h"

#include "system_dll_glue.h"

static wts_loader_ops ops_of(const glue_ops *g) {
    wts_loader_ops ops;
    ops.kernel32 = g->kernel32;
    ops.LoadLibraryExW = (HANDLE(WINAPI *)(const WCHAR *, HANDLE, DWORD))g->loadLibraryExW;
    ops.GetProcAddress = (void *(WINAPI *)(HANDLE, const char *))g->getProcAddress;
    ops.GetSystemDirectoryW = (DWORD(WINAPI *)(WCHAR *, DWORD))g->getSystemDirectoryW;
    ops.GetLastError = (DWORD(WINAPI *)(void))g->getLastError;
    return ops;
}

int glue_search_flags_supported(const glue_ops *g) {
    wts_loader_ops ops = ops_of(g);
    return wts_search_flags_supported(&ops);
}

void *glue_load_system_dll(const glue_ops *g, int searchFlags, const unsigned short *name) {
    wts_loader_ops ops = ops_of(g);
    return wts_load_system_dll(&ops, searchFlags, (const WCHAR *)name);
}
