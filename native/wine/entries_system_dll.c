/*
 * The shim's System32 loader (native/platform/win32/system_dll.c, the code the DLL runs in
 * JNI_OnLoad) on Windows 7 without KB2533623, played by doubles of kernel32's functions in
 * front of Wine's real ones: no AddDllDirectory export, and LoadLibraryExW failing with
 * ERROR_INVALID_PARAMETER (87) for any LOAD_LIBRARY_SEARCH_* flag, as that Windows does. The
 * loader must then load the real System32 copy by absolute path with
 * LOAD_WITH_ALTERED_SEARCH_PATH, never a bare name or flags 0. With the real functions it
 * must use LOAD_LIBRARY_SEARCH_SYSTEM32 and nothing else, and not retry a DLL that is missing.
 */
#include "entries.h"
#include "system_dll_glue.h"

#define SEARCH_FLAGS 0x0000FF00u /* every LOAD_LIBRARY_SEARCH_* flag */
#define SEARCH_SYSTEM32 0x00000800u
#define MAX_CALLS 4

static int windows7;  /* the doubles act as Windows 7 without KB2533623 */
static int reject87;  /* LoadLibraryExW refuses the search flags with 87 (AddDllDirectory or not) */
static int calls;
static WCHAR call_names[MAX_CALLS][MAX_PATH + 64];
static DWORD call_flags[MAX_CALLS];

static HMODULE WINAPI double_LoadLibraryExW(LPCWSTR name, HANDLE file, DWORD flags) {
    if (calls < MAX_CALLS) {
        int n = 0;
        for (; name[n] != 0 && n < MAX_PATH + 63; n++) {
            call_names[calls][n] = name[n];
        }
        call_names[calls][n] = 0;
        call_flags[calls] = flags;
    }
    calls++;
    if ((windows7 || reject87) && (flags & SEARCH_FLAGS) != 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    return LoadLibraryExW(name, file, flags);
}

static FARPROC WINAPI double_GetProcAddress(HMODULE module, LPCSTR name) {
    if (windows7 && ascii_equals(name, "AddDllDirectory")) {
        SetLastError(ERROR_PROC_NOT_FOUND);
        return NULL;
    }
    return GetProcAddress(module, name);
}

static glue_ops ops(void) {
    glue_ops g = {GetModuleHandleW(L"kernel32.dll"), (void *)double_LoadLibraryExW, (void *)double_GetProcAddress,
                  (void *)GetSystemDirectoryW, (void *)GetLastError};
    return g;
}

static int same_path_ignoring_case(const WCHAR *a, const WCHAR *b) {
    int i = 0;
    for (; a[i] != 0 && b[i] != 0; i++) {
        WCHAR x = a[i] >= 'A' && a[i] <= 'Z' ? a[i] + 32 : a[i];
        WCHAR y = b[i] >= 'A' && b[i] <= 'Z' ? b[i] + 32 : b[i];
        if (x != y) {
            return 0;
        }
    }
    return a[i] == b[i];
}

/* <System32>\name, as Windows says where System32 is. */
static const WCHAR *system32_path(const WCHAR *name) {
    static WCHAR path[MAX_PATH + 64];
    UINT n = GetSystemDirectoryW(path, MAX_PATH);
    path[n++] = '\\';
    for (int i = 0; name[i] != 0; i++) {
        path[n++] = name[i];
    }
    path[n] = 0;
    return path;
}

/* The module is the System32 copy (GetModuleFileNameW, the loader's own answer). */
static void check_loaded_from_system32(const char *what, HMODULE module, const WCHAR *name) {
    if (!check_true(str("%s: loaded", what), module != NULL)) {
        return;
    }
    static WCHAR file[MAX_PATH + 64];
    DWORD n = GetModuleFileNameW(module, file, MAX_PATH + 64);
    const WCHAR *expected = system32_path(name);
    if (!check_true(str("%s: GetModuleFileNameW gives <System32>\\%S", what, name),
                    n > 0 && same_path_ignoring_case(file, expected))) {
        note("  loaded from %W, expected %W\n", (int)n, file, wide_length(expected), expected);
    }
}

static void reset_doubles(int asWindows7, int refuseWith87) {
    windows7 = asWindows7;
    reject87 = refuseWith87;
    calls = 0;
}

void test_system_dll_loading(void) {
    check_entry("(System32 loader: native/platform/win32/system_dll.c)");
    glue_ops g = ops();
    static const WCHAR *const dlls[] = {L"wtsapi32.dll", L"user32.dll", L"advapi32.dll", L"userenv.dll"};

    /* Windows 7 without KB2533623. */
    reset_doubles(1, 0);
    check_true("Windows 7 without KB2533623: no search flags (kernel32 lacks AddDllDirectory)",
               !glue_search_flags_supported(&g));
    for (int d = 0; d < 4; d++) {
        reset_doubles(1, 0);
        HMODULE module = (HMODULE)glue_load_system_dll(&g, 0, (const unsigned short *)dlls[d]);
        const char *what = str("Windows 7 without KB2533623, %S", dlls[d]);
        check_u32(str("%s: one LoadLibraryExW call", what), 1, (DWORD)calls);
        check_u32(str("%s: LOAD_WITH_ALTERED_SEARCH_PATH, no search flag", what), LOAD_WITH_ALTERED_SEARCH_PATH,
                  call_flags[0]);
        check_true(str("%s: by the absolute System32 path", what),
                   same_path_ignoring_case(call_names[0], system32_path(dlls[d])));
        check_loaded_from_system32(what, module, dlls[d]);
    }

    /* AddDllDirectory present, but the flag refused with 87: the same fallback. */
    reset_doubles(0, 1);
    HMODULE module = (HMODULE)glue_load_system_dll(&g, 1, (const unsigned short *)L"wtsapi32.dll");
    check_u32("search flag refused with 87: two LoadLibraryExW calls", 2, (DWORD)calls);
    check_u32("search flag refused with 87: first LOAD_LIBRARY_SEARCH_SYSTEM32", SEARCH_SYSTEM32, call_flags[0]);
    check_u32("search flag refused with 87: then LOAD_WITH_ALTERED_SEARCH_PATH", LOAD_WITH_ALTERED_SEARCH_PATH,
              call_flags[1]);
    check_true("search flag refused with 87: then the absolute System32 path",
               same_path_ignoring_case(call_names[1], system32_path(L"wtsapi32.dll")));
    check_loaded_from_system32("search flag refused with 87", module, L"wtsapi32.dll");

    /* This Windows (Wine): the search flag, one call, the bare name. */
    reset_doubles(0, 0);
    check_true("this Windows takes the search flags (kernel32 exports AddDllDirectory)",
               glue_search_flags_supported(&g));
    module = (HMODULE)glue_load_system_dll(&g, 1, (const unsigned short *)L"userenv.dll");
    check_u32("with the search flags: one LoadLibraryExW call", 1, (DWORD)calls);
    check_u32("with the search flags: LOAD_LIBRARY_SEARCH_SYSTEM32", SEARCH_SYSTEM32, call_flags[0]);
    check_loaded_from_system32("with the search flags", module, L"userenv.dll");

    /* A DLL this Windows does not have: NULL, and no second try by another route. */
    reset_doubles(0, 0);
    module = (HMODULE)glue_load_system_dll(&g, 1, (const unsigned short *)L"wts-no-such-system.dll");
    check_true("a missing DLL: NULL", module == NULL);
    check_u32("a missing DLL: not retried", 1, (DWORD)calls);
    reset_doubles(1, 0);
    module = (HMODULE)glue_load_system_dll(&g, 0, (const unsigned short *)L"wts-no-such-system.dll");
    check_true("a missing DLL on Windows 7: NULL", module == NULL);
}
