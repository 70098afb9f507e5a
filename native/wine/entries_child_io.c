/*
 * Entry-point tests: ChildIoNative (a started program's standard handles) and the process
 * control rows of LaunchNative (job, resume, terminate). The pipes are real Wine pipes, read
 * and written both through the shim and directly; the two suspended children come from
 * test_launch_create_process (this program again, started with CREATE_SUSPENDED): two are put
 * in the shim's kill-on-close job, the first resumed (it must then end with CHILD_EXIT_OK),
 * the second left suspended: closing the job must end it (Wine 8's QueryInformationJobObject
 * answers the limits with zeros, so the flag is proved by what it does); the third is
 * terminated while suspended.
 */
#include "entries.h"

#define HANDLE_ARG(h) ((jlong)(ULONG_PTR)(h))
#define HANDLE_OF(v) ((HANDLE)(ULONG_PTR)(v))

typedef jobject(JNICALL *PipeFn)(JNIEnv *, jclass, jboolean);
typedef jlong(JNICALL *OpenFileFn)(JNIEnv *, jclass, jobject, jint);
typedef jlong(JNICALL *StdFn)(JNIEnv *, jclass, jint);
typedef jint(JNICALL *IoFn)(JNIEnv *, jclass, jlong, jobject, jint, jint);
typedef void(JNICALL *TerminateFn)(JNIEnv *, jclass, jlong, jint);
typedef void(JNICALL *VoidFromHandleFn)(JNIEnv *, jclass, jlong);
typedef jlong(JNICALL *HandleFn)(JNIEnv *, jclass);
typedef void(JNICALL *AssignFn)(JNIEnv *, jclass, jlong, jlong);

/* The pipe of createPipe(TRUE): the caller's write end, the child's read end. */
static HANDLE pipe_write_end, pipe_read_end;
static HANDLE job;

static int same_bytes(const void *a, const char *b, int n) {
    for (int i = 0; i < n; i++) {
        if (((const char *)a)[i] != b[i]) {
            return 0;
        }
    }
    return 1;
}

static int inheritable(HANDLE h) {
    DWORD flags = 0;
    return GetHandleInformation(h, &flags) && (flags & HANDLE_FLAG_INHERIT) != 0;
}

void test_child_io_create_pipe(void *fn, jclass cls) {
    for (int c = 0; c < 2; c++) {
        const char *what = c == 0 ? "the child reads (stdin)" : "the child writes (stdout)";
        begin();
        jobject ends = leave_object(((PipeFn)fn)(env, cls, c == 0 ? JNI_TRUE : JNI_FALSE));
        if (!expect_no_throw(what) || !expect_class(what, ends, "[J") ||
            !check_u32(str("%s: long[2]", what), 2, (DWORD)jv_array_length(ends))) {
            continue;
        }
        const jlong *v = jv_array_data(ends, 'J');
        HANDLE parent = HANDLE_OF(v[0]), child = HANDLE_OF(v[1]);
        check_true(str("%s: the child's end is inheritable (GetHandleInformation)", what), inheritable(child));
        check_true(str("%s: the caller's end is not", what), !inheritable(parent));
        HANDLE writer = c == 0 ? parent : child, reader = c == 0 ? child : parent;
        DWORD moved = 0;
        char text[4] = {0};
        check_true(str("%s: WriteFile on the write end", what), WriteFile(writer, "hey", 3, &moved, NULL));
        check_true(str("%s: ReadFile on the read end gives it back", what),
                   ReadFile(reader, text, 3, &moved, NULL) && moved == 3 && text[0] == 'h' && text[2] == 'y');
        if (c == 0) {
            pipe_write_end = writer;
            pipe_read_end = reader;
        } else {
            CloseHandle(parent);
            CloseHandle(child);
        }
    }
}

void test_child_io_open_file(void *fn, jclass cls) {
    static const WCHAR nul[] = {'N', 'U', 'L'};
    begin();
    jobject name = jni_new_array('C', 3);
    WCHAR *units = jv_array_data(name, 'C');
    for (int i = 0; i < 3; i++) {
        units[i] = nul[i];
    }
    HANDLE file = HANDLE_OF(leave_long(((OpenFileFn)fn)(env, cls, name, 1)));
    if (expect_no_throw("NUL for writing") && check_true("NUL: a handle", file != NULL)) {
        check_true("NUL: inheritable (bInheritHandle)", inheritable(file));
        DWORD moved = 0;
        check_true("NUL: WriteFile swallows it", WriteFile(file, "x", 1, &moved, NULL) && moved == 1);
        CloseHandle(file);
    }
    static const WCHAR missing[] = L"C:\\no-such-dir-wts\\no-such-file.txt";
    int length = wide_length(missing);
    jobject path = jni_new_array('C', length);
    WCHAR *p = jv_array_data(path, 'C');
    for (int i = 0; i < length; i++) {
        p[i] = missing[i];
    }
    begin();
    leave_long(((OpenFileFn)fn)(env, cls, path, 0));
    SetLastError(0);
    HANDLE direct = CreateFileW(missing, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING,
                                FILE_ATTRIBUTE_NORMAL, NULL);
    expect_mirror("a missing file for reading", direct != INVALID_HANDLE_VALUE, GetLastError(), "CreateFileW");
    if (direct != INVALID_HANDLE_VALUE) {
        CloseHandle(direct);
    }
    begin();
    leave_long(((OpenFileFn)fn)(env, cls, path, 7));
    expect_illegal_argument("mode 7: the shim's own check");
}

void test_child_io_std_handle(void *fn, jclass cls) {
    static const DWORD ids[3] = {STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, STD_ERROR_HANDLE};
    for (int i = 0; i < 3; i++) {
        const char *what = str("standard handle %d", i);
        begin();
        HANDLE copy = HANDLE_OF(leave_long(((StdFn)fn)(env, cls, i)));
        HANDLE own = GetStdHandle(ids[i]);
        if (!expect_no_throw(what)) {
            continue;
        }
        if (own == NULL || own == INVALID_HANDLE_VALUE) {
            check_true(str("%s: none here, so 0", what), copy == NULL);
            continue;
        }
        check_true(str("%s: an inheritable duplicate, not the handle itself", what),
                   copy != NULL && copy != own && inheritable(copy));
        CloseHandle(copy);
    }
    begin();
    leave_long(((StdFn)fn)(env, cls, 3));
    expect_illegal_argument("3: the shim's own check");
}

void test_child_io_write(void *fn, jclass cls) {
    if (pipe_write_end != NULL) {
        const char *what = "5 of 7 bytes, from offset 2, into the pipe";
        jobject bytes = jni_new_array('B', 7);
        char *b = jv_array_data(bytes, 'B');
        for (int i = 0; i < 7; i++) {
            b[i] = "..hello"[i];
        }
        begin();
        jint written = leave_int(((IoFn)fn)(env, cls, HANDLE_ARG(pipe_write_end), bytes, 2, 5));
        char text[8] = {0};
        DWORD moved = 0;
        if (expect_no_throw(what) && check_u32(str("%s: 5 written", what), 5, (DWORD)written)) {
            check_true(str("%s: ReadFile reads them", what),
                       ReadFile(pipe_read_end, text, 5, &moved, NULL) && moved == 5 && same_bytes(text, "hello", 5));
        }
    }
    jobject one = jni_new_array('B', 1);
    begin();
    leave_int(((IoFn)fn)(env, cls, HANDLE_ARG(NO_SUCH_HANDLE), one, 0, 1));
    DWORD moved;
    SetLastError(0);
    BOOL ok = WriteFile(NO_SUCH_HANDLE, "x", 1, &moved, NULL);
    expect_mirror("a handle no object has", ok, GetLastError(), "WriteFile");
}

void test_child_io_read(void *fn, jclass cls) {
    if (pipe_write_end != NULL) {
        DWORD moved = 0;
        WriteFile(pipe_write_end, "world", 5, &moved, NULL);
        jobject bytes = jni_new_array('B', 8);
        begin();
        jint got = leave_int(((IoFn)fn)(env, cls, HANDLE_ARG(pipe_read_end), bytes, 1, 7));
        if (expect_no_throw("what WriteFile put in the pipe") &&
            check_u32("5 bytes read", 5, (DWORD)got)) {
            check_true("at offset 1", same_bytes((char *)jv_array_data(bytes, 'B') + 1, "world", 5));
        }
        CloseHandle(pipe_write_end); /* every writer gone: the end of the pipe */
        pipe_write_end = NULL;
        begin();
        got = leave_int(((IoFn)fn)(env, cls, HANDLE_ARG(pipe_read_end), bytes, 0, 8));
        if (expect_no_throw("the end (ERROR_BROKEN_PIPE)")) {
            check_u32("the end: -1", (DWORD)-1, (DWORD)got);
        }
        CloseHandle(pipe_read_end);
        pipe_read_end = NULL;
    }
    jobject one = jni_new_array('B', 1);
    begin();
    leave_int(((IoFn)fn)(env, cls, HANDLE_ARG(NO_SUCH_HANDLE), one, 0, 1));
    char c;
    DWORD moved;
    SetLastError(0);
    BOOL ok = ReadFile(NO_SUCH_HANDLE, &c, 1, &moved, NULL);
    expect_mirror("a handle no object has", ok, GetLastError(), "ReadFile");
}

void test_launch_create_job(void *fn, jclass cls) {
    begin();
    job = HANDLE_OF(leave_long(((HandleFn)fn)(env, cls)));
    if (expect_no_throw("a kill-on-close job") && check_true("a job handle", job != NULL)) {
        JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits = {0};
        DWORD length = 0;
        check_true("QueryInformationJobObject(JobObjectExtendedLimitInformation) answers",
                   QueryInformationJobObject(job, JobObjectExtendedLimitInformation, &limits,
                                             sizeof limits, &length));
        note("  LimitFlags as Wine reports them: 0x%x (the kill on close is checked by closing the job)\n",
             (unsigned)limits.BasicLimitInformation.LimitFlags);
    }
}

void test_launch_assign_job(void *fn, jclass cls) {
    for (int i = 0; i < 2 && job != NULL; i++) {
        if (suspended_process[i] == NULL) {
            continue;
        }
        const char *what = str("suspended child %d", i);
        begin();
        ((AssignFn)fn)(env, cls, HANDLE_ARG(job), HANDLE_ARG(suspended_process[i]));
        leave_int(0);
        BOOL in = FALSE;
        if (expect_no_throw(what)) {
            check_true(str("%s: IsProcessInJob", what), IsProcessInJob(suspended_process[i], job, &in) && in);
        }
    }
    begin();
    ((AssignFn)fn)(env, cls, HANDLE_ARG(NO_SUCH_HANDLE), HANDLE_ARG(NO_SUCH_HANDLE));
    leave_int(0);
    SetLastError(0);
    BOOL ok = AssignProcessToJobObject(NO_SUCH_HANDLE, NO_SUCH_HANDLE);
    expect_mirror("handles no object has", ok, GetLastError(), "AssignProcessToJobObject");
}

void test_launch_resume(void *fn, jclass cls) {
    if (suspended_thread[0] != NULL) {
        begin();
        ((VoidFromHandleFn)fn)(env, cls, HANDLE_ARG(suspended_thread[0]));
        leave_int(0);
        DWORD code = 0;
        if (expect_no_throw("the suspended child in the job") &&
            check_u32("it runs, then ends", WAIT_OBJECT_0, WaitForSingleObject(suspended_process[0], 20000)) &&
            check_true("GetExitCodeProcess", GetExitCodeProcess(suspended_process[0], &code))) {
            check_u32("it got its environment (a child started suspended with a handle list)", CHILD_EXIT_OK, code);
        }
    }
    begin();
    ((VoidFromHandleFn)fn)(env, cls, HANDLE_ARG(NO_SUCH_HANDLE));
    leave_int(0);
    SetLastError(0);
    DWORD direct = ResumeThread(NO_SUCH_HANDLE);
    expect_mirror("a handle no object has", direct != (DWORD)-1, GetLastError(), "ResumeThread");
    if (job != NULL) {
        CloseHandle(job); /* the last handle: JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE ends child 1 */
        job = NULL;
        if (suspended_process[1] != NULL) {
            check_u32("closing the job ended the child still in it (kill on close)", WAIT_OBJECT_0,
                      WaitForSingleObject(suspended_process[1], 20000));
        }
    }
}

void test_launch_terminate(void *fn, jclass cls) {
    if (suspended_process[2] != NULL) {
        begin();
        ((TerminateFn)fn)(env, cls, HANDLE_ARG(suspended_process[2]), 77);
        leave_int(0);
        DWORD code = 0;
        if (expect_no_throw("the third suspended child") &&
            check_u32("it ends", WAIT_OBJECT_0, WaitForSingleObject(suspended_process[2], 20000)) &&
            check_true("GetExitCodeProcess", GetExitCodeProcess(suspended_process[2], &code))) {
            check_u32("with TerminateProcess's code", 77, code);
        }
    }
    for (int i = 0; i < 3; i++) {
        if (suspended_process[i] != NULL) {
            CloseHandle(suspended_thread[i]);
            CloseHandle(suspended_process[i]);
            suspended_process[i] = suspended_thread[i] = NULL;
        }
    }
    begin();
    ((TerminateFn)fn)(env, cls, HANDLE_ARG(NO_SUCH_HANDLE), 1);
    leave_int(0);
    SetLastError(0);
    BOOL ok = TerminateProcess(NO_SUCH_HANDLE, 1);
    expect_mirror("a handle no object has", ok, GetLastError(), "TerminateProcess");
}
