/* Loading a DLL from System32 only, with or without KB2533623 (see system_dll.h). */
#include "system_dll.h"

#define MAX_SYSTEM_PATH 260
#define NAME_ROOM 32

int wts_search_flags_supported(const wts_loader_ops *ops) {
    return ops->kernel32 != NULL && ops->GetProcAddress(ops->kernel32, "AddDllDirectory") != NULL;
}

HANDLE wts_load_system_dll(const wts_loader_ops *ops, int searchFlags, const WCHAR *name) {
    if (searchFlags) {
        HANDLE module = ops->LoadLibraryExW(name, NULL, WTS_LOAD_LIBRARY_SEARCH_SYSTEM32);
        if (module != NULL || ops->GetLastError() != WTS_ERROR_INVALID_PARAMETER) {
            return module;
        }
    }
    WCHAR path[MAX_SYSTEM_PATH + NAME_ROOM];
    DWORD length = ops->GetSystemDirectoryW(path, MAX_SYSTEM_PATH);
    if (length == 0 || length >= MAX_SYSTEM_PATH) {
        return NULL;
    }
    path[length++] = '\\';
    for (DWORD i = 0; name[i] != 0; i++) {
        if (length >= MAX_SYSTEM_PATH + NAME_ROOM - 1) {
            return NULL;
        }
        path[length++] = name[i];
    }
    path[length] = 0;
    return ops->LoadLibraryExW(path, NULL, WTS_LOAD_WITH_ALTERED_SEARCH_PATH);
}
