/* Entry point of wts-wine-test.exe: wts-wine-test.exe <path of wtsbridge.dll>; or, started
 * by the start-process test, wts-wine-test.exe CHILD_ARGUMENT (see entries.h). */
#include "entries.h"

/* The command line after the program's own name, without surrounding quotes or blanks. */
static WCHAR *argument(void) {
    WCHAR *p = GetCommandLineW();
    if (*p == '"') {
        for (p++; *p && *p != '"'; p++) {
        }
        if (*p) {
            p++;
        }
    } else {
        while (*p && *p != ' ' && *p != '\t') {
            p++;
        }
    }
    while (*p == ' ' || *p == '\t') {
        p++;
    }
    int n = wide_length(p);
    while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t')) {
        p[--n] = 0;
    }
    if (n >= 2 && p[0] == '"' && p[n - 1] == '"') {
        p[n - 1] = 0;
        p++;
    }
    return p;
}

static HMODULE loaded_dll;

/* A crash inside the DLL (or the harness) still names the entry point being tested. */
static LONG WINAPI crashed(EXCEPTION_POINTERS *info) {
    const EXCEPTION_RECORD *record = info->ExceptionRecord;
    ULONG_PTR at = (ULONG_PTR)record->ExceptionAddress, base = (ULONG_PTR)loaded_dll;
    out("FAIL %s: crashed with exception 0x%x at %p", current_entry(),
        (DWORD)record->ExceptionCode, record->ExceptionAddress);
    if (loaded_dll != NULL && at >= base && at - base < 0x1000000) {
        out(" (wtsbridge.dll+0x%x)", (DWORD)(at - base));
    }
    out("\nwine-%s: %d passed, %d failed\n", sizeof(void *) == 8 ? "x64" : "x86", passed_count(),
        failed_count() + 1);
    ExitProcess(4);
    return EXCEPTION_EXECUTE_HANDLER;
}

void mainCRTStartup(void) {
    SetUnhandledExceptionFilter(crashed);
    const char *arch = sizeof(void *) == 8 ? "x64" : "x86";
    WCHAR *path = argument();
    if (wide_equals_ascii(path, wide_length(path), CHILD_ARGUMENT)) {
        /* The child of LaunchNative.createProcessAsUser: did its environment block arrive? */
        static WCHAR value[64];
        DWORD n = GetEnvironmentVariableW(CHILD_VARIABLE, value, 64);
        const WCHAR *expected = CHILD_VALUE;
        int same = n == (DWORD)wide_length(expected);
        for (DWORD i = 0; same && i < n; i++) {
            same = value[i] == expected[i];
        }
        ExitProcess(same ? CHILD_EXIT_OK : CHILD_EXIT_WRONG_ENVIRONMENT);
    }
    if (path[0] == 0) {
        out("usage: wts-wine-test.exe <path of wtsbridge.dll>\n");
        ExitProcess(2);
    }
    out("wts-wine-test (%s): loading %S\n", arch, path);
    HMODULE dll = LoadLibraryW(path);
    loaded_dll = dll;
    if (dll == NULL) {
        DWORD error = GetLastError();
        static WCHAR text[512];
        int length = system_message(error, text, 512);
        out("FAIL LoadLibraryW: error %u: %W\n", error, length, text);
        out("wine-%s: 0 passed, 1 failed\n", arch);
        ExitProcess(1);
    }
    run_entries(dll);
    test_system_dll_loading();
    check_entry("(unload)");
    check_true("FreeLibrary", FreeLibrary(dll));
    jni_print_usage();
    out("wine-%s: %d passed, %d failed\n", arch, passed_count(), failed_count());
    ExitProcess(failed_count() == 0 ? 0 : 1);
}
