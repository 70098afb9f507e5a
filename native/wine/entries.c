/*
 * The table of the DLL's exported entry points and the check of each against Wine.
 *
 * Every export of wtsbridge.dll must have a row: either a test that calls it, or the reason it
 * cannot be reached under Wine. run_entries() walks the DLL's export table and fails the run
 * for an export without a row (and for a row without an export). To add an entry point: one
 * TESTED(Class, method, test_fn) or UNREACHABLE(Class, method, "because …") line in ROWS
 * below (the test itself in entries.c or one of entries_*.c, declared in entries.h). A test
 * function: begin(); call the native through a typed pointer and pass its result
 * to leave_object()/leave_int(); then ask Windows directly and either expect_wts_exception()
 * (Windows failed) or expect_no_throw() + check_*() on the values (Windows answered).
 * mingw-w64 lacks the Ex structs: an oracle for those reads Microsoft's documented offsets by
 * hand, never through wts_abi.h.
 *
 * How a test judges the shim: Windows is asked the same question directly, through the
 * mingw-w64 declarations (the "oracle": an independent statement of the ABI, never the shim's
 * wts_abi.h) and, where there is one, through another API altogether (Toolhelp32,
 * ProcessIdToSessionId, GetUserNameW). If Windows fails, the shim must throw WtsException with
 * the same error code, the function's name and FormatMessageW's text; if Windows answers, the
 * shim must return the same values, strings compared as UTF-16 code units.
 */
#include "entries.h"

#include <tlhelp32.h>

#define WTS_EXCEPTION "io/github/wtsbridge/WtsException"
#define WTS_EXCEPTION_CTOR "(ILjava/lang/String;Ljava/lang/String;)V"

/* Info classes newer than mingw-w64's WTS_INFO_CLASS enum. */
#define INFO_IS_REMOTE_SESSION 29

JNIEnv *env;
static jobject last_thrown;
static int exceptions_mirrored;
/* Failures Wine reported and the shim passed on, grouped by entry point and error code. */
#define MAX_MIRRORED 64
static struct {
    const char *entry;
    DWORD code;
    int count;
    char example[120];
} mirrored[MAX_MIRRORED];
static int mirrored_groups;

/* ---- calling the DLL ------------------------------------------------------------------- */

/* Before each call into the DLL: Wine's stubs fail without SetLastError, so the thread's last
 * error is cleared before the shim's call and before the direct one alike. */
void begin(void) {
    SetLastError(0);
    jni_enter();
}

jobject leave_object(jobject value) {
    jobject owned = jni_leave(value);
    last_thrown = jni_thrown();
    return owned;
}

jint leave_int(jint value) {
    jni_leave(NULL);
    last_thrown = jni_thrown();
    return value;
}

jlong leave_long(jlong value) {
    jni_leave(NULL);
    last_thrown = jni_thrown();
    return value;
}

void print_thrown(jobject thrown) {
    const char *type = jv_class_name(thrown);
    out("     thrown: %s", type);
    if (jv_ctor_signature(thrown) != NULL && ascii_equals(type, WTS_EXCEPTION)) {
        int fl, ml;
        const WCHAR *f = jv_string(jv_ctor_object(thrown, 1), &fl);
        const WCHAR *m = jv_string(jv_ctor_object(thrown, 2), &ml);
        out("(code %u, \"%W\", \"%W\")", (DWORD)jv_ctor_int(thrown, 0), fl, f, ml, m);
    } else {
        int ml;
        const WCHAR *m = jv_string(jv_thrown_message(thrown), &ml);
        out(": %W", ml, m);
    }
    out("\n");
}

/* Windows answered: the shim must not have thrown. */
int expect_no_throw(const char *what) {
    if (last_thrown == NULL) {
        return check_true(what, 1);
    }
    fail(what, "Windows answered this call, but the shim threw:");
    print_thrown(last_thrown);
    return 0;
}

/* Windows failed with code: the shim must throw WtsException(code, function, system text). */
void expect_wts_exception(const char *what, DWORD code, const char *function) {
    jobject thrown = last_thrown;
    if (thrown == NULL) {
        fail(what, str("Windows failed with error %u, but the shim threw nothing (expected "
                       "WtsException from %s)", code, function));
        return;
    }
    const char *type = jv_class_name(thrown);
    if (!ascii_equals(type, WTS_EXCEPTION) || jv_ctor_signature(thrown) == NULL ||
        !ascii_equals(jv_ctor_signature(thrown), WTS_EXCEPTION_CTOR)) {
        fail(what, str("expected new WtsException" WTS_EXCEPTION_CTOR "(%u, \"%s\", …)", code,
                       function));
        print_thrown(thrown);
        return;
    }
    check_u32(str("%s: WtsException.errorCode", what), code, (DWORD)jv_ctor_int(thrown, 0));
    int length;
    const WCHAR *name = jv_string(jv_ctor_object(thrown, 1), &length);
    if (!check_true(str("%s: WtsException.function is %s", what, function),
                    name != NULL && wide_equals_ascii(name, length, function))) {
        out("     actual: \"%W\"\n", length, name);
    }
    static WCHAR expected[512];
    /* Code 0 (Windows failed without setting one, as Wine's stubs do): FormatMessageW's text
     * would be "The operation completed successfully.", so the shim passes none and the Java
     * side words the message itself. */
    int expectedLength = code == 0 ? 0 : system_message(code, expected, 512);
    const WCHAR *message = jv_string(jv_ctor_object(thrown, 2), &length);
    check_text(code == 0 ? str("%s: WtsException.systemMessage is null for code 0", what)
                         : str("%s: WtsException.systemMessage (FormatMessageW(%u))", what, code),
               expectedLength ? expected : NULL, expectedLength, message, length);
    int g = 0;
    while (g < mirrored_groups &&
           (mirrored[g].entry != current_entry() || mirrored[g].code != code)) {
        g++;
    }
    if (g == mirrored_groups && g < MAX_MIRRORED) {
        mirrored_groups++;
        mirrored[g].entry = current_entry();
        mirrored[g].code = code;
        int i = 0;
        for (; what[i] && i < 119; i++) {
            mirrored[g].example[i] = what[i];
        }
    }
    if (g < MAX_MIRRORED) {
        mirrored[g].count++;
    }
    exceptions_mirrored++;
}

jobject last_exception(void) {
    return last_thrown;
}

int expect_mirror(const char *what, BOOL ok, DWORD error, const char *function) {
    if (!ok) {
        expect_wts_exception(what, error, function);
        return 0;
    }
    return expect_no_throw(what);
}

int expect_illegal_argument(const char *what) {
    if (last_thrown != NULL && ascii_equals(jv_class_name(last_thrown),
                                            "java/lang/IllegalArgumentException")) {
        return check_true(what, 1);
    }
    fail(what, "expected IllegalArgumentException from the shim's own check");
    if (last_thrown != NULL) {
        print_thrown(last_thrown);
    }
    return 0;
}

jobject char_array(const WCHAR *text) {
    int n = wide_length(text);
    jobject array = jni_new_array('C', n);
    WCHAR *units = jv_array_data(array, 'C');
    for (int i = 0; i < n; i++) {
        units[i] = text[i];
    }
    return array;
}

jobject nul_char_array(const WCHAR *text) {
    int n = wide_length(text) + 1;
    jobject array = jni_new_array('C', n);
    WCHAR *units = jv_array_data(array, 'C');
    for (int i = 0; i < n; i++) {
        units[i] = text[i];
    }
    return array;
}

jstring java_string(const WCHAR *text) {
    return jni_new_string(text, wide_length(text));
}

/* A result of the expected Java type, or a failure. */
int expect_class(const char *what, jobject value, const char *type) {
    const char *actual = value == NULL ? "null" : jv_class_name(value);
    if (ascii_equals(actual, type)) {
        return check_true(what, 1);
    }
    fail(what, str("expected a %s, got %s", type, actual));
    return 0;
}

int expect_string(const char *what, jobject value, const WCHAR *expected, int length) {
    if (!expect_class(what, value, "java/lang/String")) {
        return 0;
    }
    int actualLength;
    const WCHAR *actual = jv_string(value, &actualLength);
    return check_text(what, expected, length, actual, actualLength);
}

/* Text of a Windows string buffer: up to the first NUL within bytes/2 units. */
int buffer_text_length(const WCHAR *text, DWORD bytes) {
    int n = 0;
    while ((DWORD)n < bytes / 2 && text[n] != 0) {
        n++;
    }
    return n;
}

const WCHAR *own_image_name(int *length) {
    static WCHAR path[1024];
    DWORD n = GetModuleFileNameW(NULL, path, 1024);
    int start = 0;
    for (DWORD i = 0; i < n; i++) {
        if (path[i] == '\\' || path[i] == '/') {
            start = (int)i + 1;
        }
    }
    *length = (int)n - start;
    return path + start;
}

DWORD own_session(void) {
    DWORD session = 0xFFFFFFFF;
    ProcessIdToSessionId(GetCurrentProcessId(), &session);
    return session;
}

/* ---- JNI_OnLoad / JNI_OnUnload --------------------------------------------------------- */

typedef jint(JNICALL *OnLoadFn)(JavaVM *, void *);
typedef void(JNICALL *OnUnloadFn)(JavaVM *, void *);

static void test_on_load(void *fn, jclass cls) {
    (void)cls;
    begin();
    jint version = leave_int(((OnLoadFn)fn)(jni_vm(), NULL));
    expect_no_throw("JNI_OnLoad leaves no exception");
    check_true(str("returns a JNI version the JVM accepts (got 0x%x)", (DWORD)version),
               version >= JNI_VERSION_1_2 && version <= JNI_VERSION_10);
    check_true(str("caches its classes as global references (%d)", jni_global_count()),
               jni_global_count() > 0);
}

static void test_on_unload(void *fn, jclass cls) {
    (void)cls;
    begin();
    ((OnUnloadFn)fn)(jni_vm(), NULL);
    leave_int(0);
    expect_no_throw("JNI_OnUnload leaves no exception");
    check_u32("global references left after JNI_OnUnload", 0, (DWORD)jni_global_count());
}

/* ---- ProcessesNative --------------------------------------------------------------------- */

typedef jobject(JNICALL *ObjectFromServerFn)(JNIEnv *, jclass, jlong);
typedef jint(JNICALL *IntFromIntFn)(JNIEnv *, jclass, jint);
typedef jint(JNICALL *IntFn)(JNIEnv *, jclass);

/* An enumeration on a server handle nobody opened: the shim must say what Windows says. */
typedef BOOL(WINAPI *EnumerateFn)(HANDLE, DWORD, DWORD, void **, DWORD *);

/* Wine answers on any handle with the local list, so the counts compare the shim with
 * Windows on the same machine. A process of the freshly booted prefix may start or end between
 * the two listings: a differing pair is taken again (up to 5 times, 200 ms apart); the check
 * fails only if no pair agrees. */
static void enumerate_unopened_server(void *fn, jclass cls, EnumerateFn direct,
                                      const char *function, int stride) {
    const char *what = "server handle never opened";
    for (int attempt = 1;; attempt++) {
        begin();
        jobject result = leave_object(((ObjectFromServerFn)fn)(env, cls,
                                                               (jlong)(ULONG_PTR)UNOPENED_SERVER));
        void *info = NULL;
        DWORD count = 0;
        SetLastError(0);
        if (!direct(UNOPENED_SERVER, 0, 1, &info, &count)) {
            expect_wts_exception(what, GetLastError(), function);
            return;
        }
        if (!expect_no_throw(what) || !expect_class(what, result, "[Ljava/lang/Object;")) {
            WTSFreeMemory(info);
            return;
        }
        DWORD fromShim = (DWORD)(jv_array_length(jv_array_element(result, 0)) / stride);
        WTSFreeMemory(info);
        if (fromShim == count || attempt == 5) {
            check_u32(str("%s: count (attempt %d)", what, attempt), count, fromShim);
            return;
        }
        Sleep(200);
    }
}

/* Toolhelp32's snapshot is taken after the shim's: a process of the freshly booted prefix
 * may get its image name in between (Wine lists a starting winedevice.exe without one). True
 * when the names differ AND WTSEnumerateProcessesW, asked again now, also gives Toolhelp32's
 * name: the process changed, the shim did not misreport it. */
static int changed_since(DWORD pid, const WCHAR *earlier, int earlierLength, const WCHAR *now,
                         int nowLength) {
    int same = earlierLength == nowLength;
    for (int i = 0; same && i < nowLength; i++) {
        same = earlier[i] == now[i];
    }
    if (same) {
        return 0;
    }
    WTS_PROCESS_INFOW *info = NULL;
    DWORD count = 0;
    int changed = 0;
    if (WTSEnumerateProcessesW(WTS_CURRENT_SERVER_HANDLE, 0, 1, &info, &count)) {
        for (DWORD j = 0; j < count; j++) {
            const WCHAR *name = info[j].pProcessName;
            if (info[j].ProcessId == pid && name != NULL && wide_length(name) == nowLength) {
                changed = 1;
                for (int k = 0; changed && k < nowLength; k++) {
                    changed = name[k] == now[k];
                }
            }
        }
        WTSFreeMemory(info);
    }
    return changed;
}

/*
 * Entry `index` of a flat listing's names (the shim returns every name one after another, as
 * byte[] Latin-1 when all fit, else char[] UTF-16, cut by the lengths in the int[] at
 * ints[stride * i + lengthField]). Copied out as UTF-16 for the comparisons.
 */
static const WCHAR *listing_name(jobject names, const jint *ints, int stride, int lengthField,
                                 int index, int *length) {
    static WCHAR name[32768];
    int at = 0;
    for (int i = 0; i < index; i++) {
        at += ints[stride * i + lengthField];
    }
    int n = ints[stride * index + lengthField];
    const jbyte *bytes = jv_array_data(names, 'B');
    const jchar *chars = jv_array_data(names, 'C');
    for (int i = 0; i < n && i < 32767; i++) {
        name[i] = bytes != NULL ? (WCHAR)(BYTE)bytes[at + i] : (WCHAR)chars[at + i];
    }
    *length = n;
    return name;
}

/* The names array is byte[] or char[] and holds exactly the units the lengths add up to. */
static int check_flat_names(jobject names, const jint *ints, int count, int stride,
                            int lengthField) {
    const char *type = jv_class_name(names);
    if (!check_true(str("names are byte[] (Latin-1) or char[] (UTF-16), got %s", type),
                    type != NULL && (type[0] == '[' && (type[1] == 'B' || type[1] == 'C')))) {
        return 0;
    }
    DWORD total = 0;
    for (int i = 0; i < count; i++) {
        total += (DWORD)ints[stride * i + lengthField];
    }
    return check_u32("names hold exactly the units of the lengths", total,
                     (DWORD)jv_array_length(names));
}

static void test_enumerate_processes(void *fn, jclass cls) {
    enumerate_unopened_server(fn, cls, (EnumerateFn)(void *)WTSEnumerateProcessesW,
                              "WTSEnumerateProcessesW", 4);
    begin();
    jobject result = leave_object(((ObjectFromServerFn)fn)(env, cls, 0));

    WTS_PROCESS_INFOW *info = NULL;
    DWORD count = 0;
    SetLastError(0);
    if (!WTSEnumerateProcessesW(WTS_CURRENT_SERVER_HANDLE, 0, 1, &info, &count)) {
        expect_wts_exception("local server", GetLastError(), "WTSEnumerateProcessesW");
        return;
    }
    if (!expect_no_throw("local server") ||
        !expect_class("returns Object[3]", result, "[Ljava/lang/Object;") ||
        !check_u32("Object[] length", 3, (DWORD)jv_array_length(result))) {
        WTSFreeMemory(info);
        return;
    }
    jobject quads = jv_array_element(result, 0), names = jv_array_element(result, 1),
            sids = jv_array_element(result, 2);
    if (!expect_class("[0] is int[]", quads, "[I") || !expect_class("[2] is byte[]", sids, "[B")) {
        WTSFreeMemory(info);
        return;
    }
    int n = jv_array_length(quads) / 4;
    check_u32("int[] holds 4 ints per process", (DWORD)(4 * n), (DWORD)jv_array_length(quads));
    const jint *ints = jv_array_data(quads, 'I');
    const jbyte *sidBytes = jv_array_data(sids, 'B');
    if (!check_flat_names(names, ints, n, 4, 2)) {
        WTSFreeMemory(info);
        return;
    }
    DWORD sidTotal = 0;
    for (int i = 0; i < n; i++) {
        sidTotal += (DWORD)ints[4 * i + 3];
    }
    check_u32("byte[] holds all SIDs", sidTotal, (DWORD)jv_array_length(sids));
    note("  %d processes from the shim, %u from WTSEnumerateProcessesW directly\n", n, count);

    /* The same processes as Windows' own buffer read through the mingw-w64 layout. */
    int compared = 0, at = 0;
    for (int i = 0; i < n; i++) {
        DWORD pid = (DWORD)ints[4 * i + 1];
        DWORD sidLength = (DWORD)ints[4 * i + 3];
        int nameLength;
        const WCHAR *name = listing_name(names, ints, 4, 2, i, &nameLength);
        for (DWORD j = 0; j < count; j++) {
            if (info[j].ProcessId != pid) {
                continue;
            }
            compared++;
            check_u32(str("pid %u: session id", pid), info[j].SessionId, (DWORD)ints[4 * i]);
            const WCHAR *expected = info[j].pProcessName;
            check_text(str("pid %u: image name", pid), expected,
                       expected ? wide_length(expected) : 0, name, nameLength);
            DWORD expectedSid = info[j].pUserSid ? GetLengthSid(info[j].pUserSid) : 0;
            if (check_u32(str("pid %u: SID length", pid), expectedSid, sidLength)) {
                int same = 1;
                for (DWORD k = 0; k < sidLength; k++) {
                    same &= (BYTE)sidBytes[at + (int)k] == ((BYTE *)info[j].pUserSid)[k];
                }
                check_true(str("pid %u: SID bytes", pid), same);
            }
        }
        at += (int)sidLength;
    }
    check_true(str("processes compared with the direct call (%d)", compared), compared > 0);
    WTSFreeMemory(info);

    /* Our own process: the real pid, image name and session by other means. */
    DWORD self = GetCurrentProcessId();
    int found = -1, times = 0;
    for (int i = 0; i < n; i++) {
        if ((DWORD)ints[4 * i + 1] == self) {
            found = i;
            times++;
        }
    }
    if (!check_u32(str("this process (pid %u from GetCurrentProcessId) is listed once", self), 1,
                   (DWORD)times)) {
        return;
    }
    check_u32("this process: session id == ProcessIdToSessionId", own_session(),
              (DWORD)ints[4 * found]);
    int selfLength, nameLength;
    const WCHAR *self_name = own_image_name(&selfLength);
    const WCHAR *name = listing_name(names, ints, 4, 2, found, &nameLength);
    check_text("this process: image name == GetModuleFileNameW's file name", self_name,
               selfLength, name, nameLength);
    note("  this process: pid %u, session %u, image \"%W\" (%d UTF-16 units), SID %d bytes\n",
         self, (DWORD)ints[4 * found], nameLength, name, nameLength, (int)ints[4 * found + 3]);
    int sidAt = 0;
    for (int i = 0; i < found; i++) {
        sidAt += ints[4 * i + 3];
    }
    HANDLE token;
    if (ints[4 * found + 3] > 0 && OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token)) {
        static BYTE user[256];
        DWORD length;
        if (GetTokenInformation(token, TokenUser, user, sizeof user, &length)) {
            PSID sid = ((TOKEN_USER *)user)->User.Sid;
            DWORD sidLength = GetLengthSid(sid);
            int same = sidLength == (DWORD)ints[4 * found + 3];
            for (DWORD k = 0; same && k < sidLength; k++) {
                same = (BYTE)sidBytes[sidAt + (int)k] == ((BYTE *)sid)[k];
            }
            check_true("this process: SID == the process token's user SID", same);
        }
        CloseHandle(token);
    }

    /* Toolhelp32, a different Windows API over the same processes. */
    HANDLE snapshot = CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);
    if (!check_true("CreateToolhelp32Snapshot", snapshot != INVALID_HANDLE_VALUE)) {
        return;
    }
    static PROCESSENTRY32W entry;
    entry.dwSize = sizeof entry;
    int inBoth = 0, selfInSnapshot = 0;
    for (BOOL more = Process32FirstW(snapshot, &entry); more;
         more = Process32NextW(snapshot, &entry)) {
        for (int i = 0; i < n; i++) {
            if ((DWORD)ints[4 * i + 1] != entry.th32ProcessID) {
                continue;
            }
            inBoth++;
            selfInSnapshot |= entry.th32ProcessID == self;
            name = listing_name(names, ints, 4, 2, i, &nameLength);
            int exeLength = wide_length(entry.szExeFile);
            if (entry.th32ProcessID != self &&
                changed_since(entry.th32ProcessID, name, nameLength, entry.szExeFile,
                              exeLength)) {
                note("  pid %u changed between the snapshots (\"%W\" then \"%W\"): a process "
                     "of the fresh prefix still starting; not compared\n",
                     entry.th32ProcessID, nameLength, name, exeLength, entry.szExeFile);
                continue;
            }
            check_text(str("pid %u: image name == Toolhelp32's szExeFile", entry.th32ProcessID),
                       entry.szExeFile, exeLength, name, nameLength);
            DWORD session;
            if (ProcessIdToSessionId(entry.th32ProcessID, &session)) {
                check_u32(str("pid %u: session id == ProcessIdToSessionId", entry.th32ProcessID),
                          session, (DWORD)ints[4 * i]);
            }
        }
    }
    CloseHandle(snapshot);
    check_true("this process is in the Toolhelp32 snapshot too", selfInSnapshot);
    note("  %d processes also in the Toolhelp32 snapshot\n", inBoth);
}

static void test_process_id_to_session_id(void *fn, jclass cls) {
    DWORD self = GetCurrentProcessId();
    begin();
    jint session = leave_int(((IntFromIntFn)fn)(env, cls, (jint)self));
    if (expect_no_throw("own pid")) {
        check_u32("own pid: == ProcessIdToSessionId called directly", own_session(),
                  (DWORD)session);
    }
    /* A pid no process has (pids are multiples of 4): Windows' own error must come through. */
    DWORD bogus = 0x7FFFFFF1, direct;
    SetLastError(0);
    BOOL ok = ProcessIdToSessionId(bogus, &direct);
    DWORD error = GetLastError();
    begin();
    session = leave_int(((IntFromIntFn)fn)(env, cls, (jint)bogus));
    if (ok) {
        if (expect_no_throw("pid 0x7ffffff1")) {
            check_u32("pid 0x7ffffff1: session", direct, (DWORD)session);
        }
    } else {
        expect_wts_exception("pid 0x7ffffff1 (no such process)", error, "ProcessIdToSessionId");
    }
}

/* ---- SessionsNative ------------------------------------------------------------------------ */

typedef jobject(JNICALL *QueryFn)(JNIEnv *, jclass, jlong, jint, jint);
typedef void(JNICALL *QueryInfoFn)(JNIEnv *, jclass, jlong, jint, jobject, jobject);
typedef jobject(JNICALL *EnumerateSessionsFn)(JNIEnv *, jclass, jlong, jobject, jobject);

/* SessionsNative.SMALL_SESSIONS / SMALL_NAME_UNITS: a listing that fits comes back in the
 * arrays the caller passes (int[0] = the count, then id/state/nameLength; the names in the
 * char[]) and the native returns null; a larger one returns Object[2] as before. */
#define SMALL_SESSIONS 8
#define SMALL_NAME_UNITS 128

static void test_enumerate_sessions(void *fn, jclass cls) {
    jobject small = jni_new_array('I', 1 + 3 * SMALL_SESSIONS);
    jobject smallNames = jni_new_array('C', SMALL_NAME_UNITS);
    const char *what = "server handle never opened";
    begin();
    jobject unopened = leave_object(((EnumerateSessionsFn)fn)(env, cls,
                                                              (jlong)(ULONG_PTR)UNOPENED_SERVER,
                                                              small, smallNames));
    WTS_SESSION_INFOW *info = NULL;
    DWORD count = 0;
    SetLastError(0);
    if (!WTSEnumerateSessionsW(UNOPENED_SERVER, 0, 1, &info, &count)) {
        expect_wts_exception(what, GetLastError(), "WTSEnumerateSessionsW");
    } else {
        if (expect_no_throw(what)) {
            DWORD listed = unopened == NULL ? (DWORD)((const jint *)jv_array_data(small, 'I'))[0]
                                            : (DWORD)(jv_array_length(jv_array_element(unopened, 0)) / 3);
            check_u32(str("%s: count", what), count, listed);
        }
        WTSFreeMemory(info);
    }
    begin();
    jobject result = leave_object(((EnumerateSessionsFn)fn)(env, cls, 0, small, smallNames));
    info = NULL;
    count = 0;
    SetLastError(0);
    if (!WTSEnumerateSessionsW(WTS_CURRENT_SERVER_HANDLE, 0, 1, &info, &count)) {
        expect_wts_exception("local server", GetLastError(), "WTSEnumerateSessionsW");
        return;
    }
    if (!expect_no_throw("local server")) {
        WTSFreeMemory(info);
        return;
    }
    size_t units = 0;
    for (DWORD i = 0; i < count; i++) {
        units += info[i].pWinStationName ? wide_length(info[i].pWinStationName) : 0;
    }
    jobject triples, names;
    const jint *ints;
    if (count <= SMALL_SESSIONS && units <= SMALL_NAME_UNITS) {
        if (!check_true("a small listing fills the arrays passed in and returns null", result == NULL) ||
            !check_u32("int[0] is the count", count, (DWORD)((const jint *)jv_array_data(small, 'I'))[0])) {
            WTSFreeMemory(info);
            return;
        }
        triples = small;
        names = smallNames;
        ints = (const jint *)jv_array_data(small, 'I') + 1;
    } else {
        if (!expect_class("returns Object[2]", result, "[Ljava/lang/Object;") ||
            !check_u32("Object[] length", 2, (DWORD)jv_array_length(result))) {
            WTSFreeMemory(info);
            return;
        }
        triples = jv_array_element(result, 0);
        names = jv_array_element(result, 1);
        if (!expect_class("[0] is int[]", triples, "[I") ||
            !check_u32("int[] holds 3 ints per session, one per session WTSEnumerateSessionsW lists",
                       3 * count, (DWORD)jv_array_length(triples)) ||
            !check_flat_names(names, jv_array_data(triples, 'I'), (int)count, 3, 2)) {
            WTSFreeMemory(info);
            return;
        }
        ints = jv_array_data(triples, 'I');
    }
    note("  %u sessions\n", count);
    int ownListed = 0;
    for (DWORD i = 0; i < count; i++) {
        check_u32(str("session %u: id", i), info[i].SessionId, (DWORD)ints[3 * i]);
        check_u32(str("session %u: state", i), (DWORD)info[i].State, (DWORD)ints[3 * i + 1]);
        int length;
        const WCHAR *name = listing_name(names, ints, 3, 2, (int)i, &length);
        const WCHAR *expected = info[i].pWinStationName;
        check_text(str("session %u: WinStation name", i), expected,
                   expected ? wide_length(expected) : 0, name, length);
        ownListed |= (DWORD)ints[3 * i] == own_session();
    }
    if (count > 0) {
        check_true("the session ProcessIdToSessionId names is listed", ownListed);
    }
    WTSFreeMemory(info);
}


/* What every query runs against: the current session by its alias and by its number, a
 * session that does not exist, and a server handle that was never opened. */
HANDLE query_servers[QUERY_CASES];
DWORD query_sessions[QUERY_CASES];
const char *query_session_names[QUERY_CASES];

static void prepare_sessions(void) {
    static char name[32];
    query_servers[0] = query_servers[1] = query_servers[2] = WTS_CURRENT_SERVER_HANDLE;
    query_servers[3] = UNOPENED_SERVER;
    query_sessions[0] = query_sessions[3] = WTS_CURRENT_SESSION;
    query_session_names[0] = "WTS_CURRENT_SESSION";
    query_sessions[1] = own_session();
    const char *text = str("session %u", query_sessions[1]);
    for (int i = 0; i < 31 && text[i]; i++) {
        name[i] = text[i];
    }
    query_session_names[1] = name;
    query_sessions[2] = NO_SUCH_SESSION;
    query_session_names[2] = "session 0x7fff0000 (none)";
    query_session_names[3] = "WTS_CURRENT_SESSION on an unopened server handle";
}

jlong server_arg(int queryCase) {
    return (jlong)(ULONG_PTR)query_servers[queryCase];
}

direct_query query_directly(int queryCase, int infoClass) {
    direct_query q;
    q.buffer = NULL;
    q.bytes = 0;
    SetLastError(0);
    q.ok = WTSQuerySessionInformationW(query_servers[queryCase], query_sessions[queryCase],
                                       (WTS_INFO_CLASS)infoClass, &q.buffer, &q.bytes);
    q.error = q.ok ? 0 : GetLastError();
    return q;
}

static const struct { int id; const char *name; } STRING_CLASSES[] = {
    {WTSInitialProgram, "WTSInitialProgram"}, {WTSApplicationName, "WTSApplicationName"},
    {WTSWorkingDirectory, "WTSWorkingDirectory"}, {WTSOEMId, "WTSOEMId"},
    {WTSUserName, "WTSUserName"}, {WTSWinStationName, "WTSWinStationName"},
    {WTSDomainName, "WTSDomainName"}, {WTSClientName, "WTSClientName"},
    {WTSClientDirectory, "WTSClientDirectory"}};

static void test_query_string(void *fn, jclass cls) {
    for (int s = 0; s < QUERY_CASES; s++) {
        for (size_t c = 0; c < sizeof STRING_CLASSES / sizeof STRING_CLASSES[0]; c++) {
            const char *what = str("%s, %s", STRING_CLASSES[c].name, query_session_names[s]);
            begin();
            jobject text = leave_object(((QueryFn)fn)(env, cls, server_arg(s),
                                                      (jint)query_sessions[s],
                                                      STRING_CLASSES[c].id));
            direct_query q = query_directly(s, STRING_CLASSES[c].id);
            if (!q.ok) {
                expect_wts_exception(what, q.error, "WTSQuerySessionInformationW");
                continue;
            }
            if (expect_no_throw(what)) {
                expect_string(str("%s: text", what), text, q.buffer,
                              buffer_text_length(q.buffer, q.bytes));
            }
            /* Other means: the user name is GetUserNameW's. */
            if (STRING_CLASSES[c].id == WTSUserName && text != NULL && s < 2) {
                static WCHAR user[257];
                DWORD size = 257;
                if (GetUserNameW(user, &size)) {
                    expect_string(str("%s == GetUserNameW", what), text, user, wide_length(user));
                }
            }
            WTSFreeMemory(q.buffer);
        }
    }
}

static void test_query_session_info(void *fn, jclass cls) {
    for (int s = 0; s < QUERY_CASES; s++) {
        const char *what = str("WTSSessionInfo, %s", query_session_names[s]);
        jobject numbers = jni_new_array('J', 13 + 3), units = jni_new_array('C', 70);
        begin();
        ((QueryInfoFn)fn)(env, cls, server_arg(s), (jint)query_sessions[s], numbers, units);
        leave_int(0); /* a void native: only its exception */
        direct_query q = query_directly(s, WTSSessionInfo);
        if (!q.ok) {
            expect_wts_exception(what, q.error, "WTSQuerySessionInformationW");
            continue;
        }
        if (!expect_no_throw(what) ||
            !check_true(str("%s: Windows returned a whole WTSINFOW", what),
                        q.bytes >= sizeof(WTSINFOW))) {
            WTSFreeMemory(q.buffer);
            continue;
        }
        const WTSINFOW *w = (const WTSINFOW *)q.buffer;
        const jlong *n = jv_array_data(numbers, 'J');
        const LONGLONG expected[13] = {
            w->State, w->SessionId, w->IncomingBytes, w->OutgoingBytes, w->IncomingFrames,
            w->OutgoingFrames, w->IncomingCompressedBytes, w->OutgoingCompressedBytes,
            w->ConnectTime.QuadPart, w->DisconnectTime.QuadPart, w->LastInputTime.QuadPart,
            w->LogonTime.QuadPart, w->CurrentTime.QuadPart};
        static const char *const fields[13] = {
            "State", "SessionId", "IncomingBytes", "OutgoingBytes", "IncomingFrames",
            "OutgoingFrames", "IncomingCompressedBytes", "OutgoingCompressedBytes",
            "ConnectTime", "DisconnectTime", "LastInputTime", "LogonTime", "CurrentTime"};
        for (int i = 0; i < 13; i++) {
            check_u64(str("%s: %s", what, fields[i]), (ULONGLONG)expected[i], (ULONGLONG)n[i]);
        }
        const WCHAR *const fieldTexts[3] = {w->WinStationName, w->Domain, w->UserName};
        const int capacities[3] = {WINSTATIONNAME_LENGTH, DOMAIN_LENGTH, USERNAME_LENGTH + 1};
        static const char *const textNames[3] = {"WinStationName", "Domain", "UserName"};
        check_record_texts(what, numbers, 13, units, fieldTexts, capacities, textNames, 3);
        /* Other means: the session id of this process. */
        if (s < 2) {
            check_u32(str("%s: SessionId == ProcessIdToSessionId", what), own_session(),
                      (DWORD)n[1]);
        }
        WTSFreeMemory(q.buffer);
    }
}

static void test_active_console_session_id(void *fn, jclass cls) {
    begin();
    jint value = leave_int(((IntFn)fn)(env, cls));
    if (expect_no_throw("WTSGetActiveConsoleSessionId")) {
        check_u32("== WTSGetActiveConsoleSessionId called directly",
                  WTSGetActiveConsoleSessionId(), (DWORD)value);
    }
}

static void test_current_session_id(void *fn, jclass cls) {
    begin();
    jint value = leave_int(((IntFn)fn)(env, cls));
    if (expect_no_throw("ProcessIdToSessionId(GetCurrentProcessId())")) {
        check_u32("== ProcessIdToSessionId(GetCurrentProcessId())", own_session(),
                  (DWORD)value);
    }
}

/* ---- the table -------------------------------------------------------------------------- */

typedef struct row {
    const char *name;
    void (*test)(void *fn, jclass cls);
    const char *unreachable; /* why Wine cannot reach it (test == NULL) */
} row;

#define TESTED(cls, method, test) {PKG #cls "_" #method, test, NULL},
#define UNREACHABLE(cls, method, why) {PKG #cls "_" #method, NULL, why},

/*
 * JNI_OnLoad first, JNI_OnUnload last; one line per entry point in between. Rows run in this
 * order: a row may use what an earlier one left (EventsNative.init before the loop; the
 * token rows in chain order). What Debian's Wine 8.0 answers (WINEDEBUG=-all), for reading a
 * run; the checks themselves mirror whatever Windows says:
 *   WTSOpenServerW("remote"), WTSLogoffSession      NULL/FALSE, error 120
 *   WTSEnumerateProcessesExW level 1                FALSE, error 120
 *   WTSEnumerateSessionsExW, WTSEnumerateServersW, WTSQueryUserConfigW/WTSSetUserConfigW,
 *   WTSSendMessageW, WTSTerminateProcess, WTSShutdownSystem, WTSWaitSystemEvent,
 *   WTSStart/StopRemoteControlSession, WTSUnRegisterSessionNotification(Ex),
 *   WTSRegisterSessionNotificationEx                FALSE, error 0 (stubs)
 *   WTSQuerySessionInformationW                     WTSUserName, WTSDomainName,
 *                                                   WTSClientProtocolType answer; the other
 *                                                   classes FALSE, error 0
 *   WTSDisconnectSession, WTSConnectSessionW, WTSRegisterSessionNotification   TRUE (stubs)
 *   WTSQueryUserToken                               TRUE for any session: a copy of the
 *                                                   process token
 * Nothing that would end or reconfigure a real session, process or machine is called with
 * a real target (see entries_control.c); no row is UNREACHABLE today.
 */
static const row ROWS[] = {
    {"JNI_OnLoad", test_on_load, NULL},
    TESTED(ProcessesNative, enumerateProcesses, test_enumerate_processes)
    TESTED(ProcessesNative, processIdToSessionId, test_process_id_to_session_id)
    TESTED(SessionsNative, enumerateSessions, test_enumerate_sessions)
    TESTED(SessionsNative, queryString, test_query_string)
    TESTED(SessionsNative, querySessionInfo, test_query_session_info)
    TESTED(SessionsNative, activeConsoleSessionId, test_active_console_session_id)
    TESTED(SessionsNative, currentSessionId, test_current_session_id)
    TESTED(SessionInfoNative, queryRaw, test_info_raw)
    TESTED(SessionInfoNative, queryLong, test_info_long)
    TESTED(SessionInfoNative, queryClientDisplay, test_info_client_display)
    TESTED(SessionInfoNative, queryAddress, test_info_address)
    TESTED(SessionInfoNative, queryClientInfo, test_info_client_info)
    TESTED(SessionInfoNative, queryConfigInfo, test_info_config_info)
    TESTED(SessionInfoNative, querySessionInfoEx, test_info_session_info_ex)
    TESTED(ServersNative, open, test_servers_open)
    TESTED(ServersNative, close, test_servers_close)
    TESTED(ServersNative, enumerateServers, test_servers_enumerate)
    TESTED(EnumExNative, enumerateProcessesEx, test_enum_processes_ex)
    TESTED(EnumExNative, enumerateSessionsEx, test_enum_sessions_ex)
    TESTED(EnumExNative, lookupAccount, test_lookup_account)
    TESTED(ControlNative, logoff, test_control_logoff)
    TESTED(ControlNative, disconnect, test_control_disconnect)
    TESTED(ControlNative, sendMessage, test_control_send_message)
    TESTED(ControlNative, terminateProcess, test_control_terminate)
    TESTED(ControlNative, shutdownSystem, test_control_shutdown)
    TESTED(RemoteNative, startRemoteControl, test_remote_start)
    TESTED(RemoteNative, stopRemoteControl, test_remote_stop)
    TESTED(RemoteNative, connectSession, test_remote_connect)
    TESTED(UserConfigNative, queryString, test_userconfig_query_string)
    TESTED(UserConfigNative, queryInt, test_userconfig_query_int)
    TESTED(UserConfigNative, queryUser, test_userconfig_query_user)
    TESTED(UserConfigNative, setString, test_userconfig_set_string)
    TESTED(UserConfigNative, setInt, test_userconfig_set_int)
    TESTED(UserConfigNative, setUser, test_userconfig_set_user)
    TESTED(TokensNative, queryUserToken, test_tokens_query)
    TESTED(TokensNative, tokenSessionId, test_tokens_session_id)
    TESTED(TokensNative, tokenUserSid, test_tokens_user_sid)
    TESTED(TokensNative, closeHandle, test_tokens_close)
    TESTED(LaunchNative, tokenElevationType, test_launch_elevation_type)
    TESTED(LaunchNative, linkedToken, test_launch_linked_token)
    TESTED(LaunchNative, duplicatePrimaryToken, test_launch_duplicate)
    TESTED(LaunchNative, environmentBlock, test_launch_environment)
    TESTED(LaunchNative, createProcessAsUser, test_launch_create_process)
    TESTED(LaunchNative, createKillOnCloseJob, test_launch_create_job)
    TESTED(LaunchNative, assignToJob, test_launch_assign_job)
    TESTED(LaunchNative, resumeThread, test_launch_resume)
    TESTED(LaunchNative, terminateProcess, test_launch_terminate)
    TESTED(ChildIoNative, createPipe, test_child_io_create_pipe)
    TESTED(ChildIoNative, openFile, test_child_io_open_file)
    TESTED(ChildIoNative, inheritableStdHandle, test_child_io_std_handle)
    TESTED(ChildIoNative, write, test_child_io_write)
    TESTED(ChildIoNative, read, test_child_io_read)
    TESTED(LaunchNative, waitForProcess, test_launch_wait)
    TESTED(LaunchNative, exitCodeProcess, test_launch_exit_code)
    TESTED(LaunchNative, closeHandle, test_launch_close)
    TESTED(EventsNative, init, test_events_init)
    TESTED(EventsNative, waitSystemEvent, test_events_wait)
    TESTED(EventsNative, register, test_events_register)
    TESTED(EventsNative, unregister, test_events_unregister)
    TESTED(EventsNative, registerEx, test_events_register_ex)
    TESTED(EventsNative, unregisterEx, test_events_unregister_ex)
    TESTED(EventsNative, messageLoop0, test_events_message_loop)
    TESTED(EventsNative, postQuit, test_events_post_quit)
    TESTED(SecurityNative, protectDacl, test_security_protect_dacl)
    TESTED(ChannelsNative, open, test_channels_open)
    TESTED(ChannelsNative, openEx, test_channels_open_ex)
    TESTED(ChannelsNative, close, test_channels_close)
    TESTED(ChannelsNative, read, test_channels_read)
    TESTED(ChannelsNative, write, test_channels_write)
    TESTED(ChannelsNative, purge, test_channels_purge)
    TESTED(ChannelsNative, queryClientData, test_channels_query_client_data)
    TESTED(ChannelsNative, queryFileHandle, test_channels_query_file_handle)
    TESTED(ChannelsNative, duplicateHandle, test_channels_duplicate)
    TESTED(ChannelsNative, createEvent, test_channels_create_event)
    TESTED(ChannelsNative, startIo, test_channels_start_io)
    TESTED(ChannelsNative, ioResult, test_channels_io_result)
    TESTED(ChannelsNative, cancelIo, test_channels_cancel_io)
    {"JNI_OnUnload", test_on_unload, NULL},
};
#define ROW_COUNT ((int)(sizeof ROWS / sizeof ROWS[0]))

/* "Java_io_github_wtsbridge_internal_SessionsNative_x" →
 * "io/github/wtsbridge/internal/SessionsNative". */
static jclass owner_class(const char *name) {
    static char owner[256];
    if (name[0] != 'J' || name[1] != 'a') {
        return jni_class("java/lang/Object");
    }
    const char *start = name + 5; /* after "Java_" */
    int last = 0;
    for (int i = 0; start[i] && i < 255; i++) {
        if (start[i] == '_') {
            last = i;
        }
    }
    for (int i = 0; i < last; i++) {
        owner[i] = start[i] == '_' ? '/' : start[i];
    }
    owner[last] = 0;
    return jni_class(owner);
}

/* The names the DLL exports, from its export directory in memory. */
static int exported_names(HMODULE module, const char ***names) {
    const BYTE *base = (const BYTE *)module;
    const IMAGE_NT_HEADERS *nt =
        (const IMAGE_NT_HEADERS *)(base + ((const IMAGE_DOS_HEADER *)base)->e_lfanew);
    const IMAGE_DATA_DIRECTORY *dir =
        &nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_EXPORT];
    if (dir->Size == 0) {
        *names = NULL;
        return 0;
    }
    const IMAGE_EXPORT_DIRECTORY *exports =
        (const IMAGE_EXPORT_DIRECTORY *)(base + dir->VirtualAddress);
    const DWORD *rvas = (const DWORD *)(base + exports->AddressOfNames);
    *names = h_alloc(sizeof(char *) * (exports->NumberOfNames + 1));
    for (DWORD i = 0; i < exports->NumberOfNames; i++) {
        (*names)[i] = (const char *)(base + rvas[i]);
    }
    return (int)exports->NumberOfNames;
}

void run_entries(HMODULE dll) {
    env = jni_env();
    prepare_sessions();
    const char **exports;
    int exportCount = exported_names(dll, &exports);
    out("%d exports in the DLL, %d rows in the table\n", exportCount, ROW_COUNT);

    int tested = 0, skipped = 0;
    for (int r = 0; r < ROW_COUNT; r++) {
        check_entry(ROWS[r].name);
        void *fn = (void *)GetProcAddress(dll, ROWS[r].name);
        if (fn == NULL) {
            fail("GetProcAddress", "the table names an entry point the DLL does not export: "
                                   "remove or rename the row in native/wine/entries.c");
            continue;
        }
        if (ROWS[r].test == NULL) {
            out("SKIP %s: not reachable under Wine, because %s\n", ROWS[r].name,
                ROWS[r].unreachable);
            skipped++;
            continue;
        }
        int failedBefore = failed_count();
        ROWS[r].test(fn, owner_class(ROWS[r].name));
        out("%s %s\n", failed_count() == failedBefore ? "ok  " : "FAILED", ROWS[r].name);
        tested++;
    }

    check_entry("(export table)");
    int missing = 0;
    for (int e = 0; e < exportCount; e++) {
        int listed = 0;
        for (int r = 0; r < ROW_COUNT; r++) {
            listed |= ascii_equals(exports[e], ROWS[r].name);
        }
        if (!listed) {
            missing++;
            fail(str("export %s", exports[e]),
                 "is neither exercised nor listed as not reachable under Wine: add a TESTED or "
                 "UNREACHABLE row to native/wine/entries.c");
        }
    }
    check_u32(str("exports without a row (%d exports: %d tested, %d not reachable under Wine)",
                  exportCount, tested, skipped),
              0, (DWORD)missing);

    check_entry("(error paths)");
    if (check_true(str("calls Wine refuses came back as WtsException (%d)", exceptions_mirrored),
                   exceptions_mirrored > 0)) {
        for (int g = 0; g < mirrored_groups; g++) {
            const char *entry = mirrored[g].entry;
            for (const char *p = entry; *p; p++) {
                if (*p == '_') {
                    entry = p + 1; /* just the method name */
                }
            }
            out("  Wine failed with error %u, the shim threw WtsException(%u) alike: %s, %d "
                "call(s), e.g. %s\n", mirrored[g].code, mirrored[g].code, entry,
                mirrored[g].count, mirrored[g].example);
        }
    }
}
