/*
 * Entry-point tests: TokensNative and LaunchNative.
 *
 * The start-process chain runs for real: WTSQueryUserToken (Wine hands out a copy of the
 * process token) → TokenElevationType / TokenLinkedToken → DuplicateTokenEx →
 * CreateEnvironmentBlock → CreateProcessAsUserW, which starts this very program again with
 * CHILD_ARGUMENT and an extra environment variable; the child exits with CHILD_EXIT_OK only
 * if the variable arrived intact, and the wait / exit-code natives must see that. Each step
 * is also asked of Windows directly; where Windows refuses one, the shim must throw what
 * Windows said, and the steps after it fall back to handles Windows must reject.
 */
#include "entries.h"

#include <userenv.h>

#define HANDLE_ARG(h) ((jlong)(ULONG_PTR)(h))
#define HANDLE_OF(v) ((HANDLE)(ULONG_PTR)(v))

typedef jlong(JNICALL *TokenFromSessionFn)(JNIEnv *, jclass, jint);
typedef jint(JNICALL *IntFromHandleFn)(JNIEnv *, jclass, jlong);
typedef jlong(JNICALL *HandleFromHandleFn)(JNIEnv *, jclass, jlong);
typedef jobject(JNICALL *ObjectFromHandleFn)(JNIEnv *, jclass, jlong);
typedef void(JNICALL *VoidFromHandleFn)(JNIEnv *, jclass, jlong);
typedef jboolean(JNICALL *BoolFromHandleFn)(JNIEnv *, jclass, jlong);
typedef jobject(JNICALL *CreateFn)(JNIEnv *, jclass, jlong, jstring, jstring, jstring, jstring,
                                   jobject, jint, jobject, jint);
typedef jint(JNICALL *WaitFn)(JNIEnv *, jclass, jlong, jint);

/* Handles the rows hand on to each other (0 when an earlier step did not get one). */
static HANDLE tokens_token, launch_token, primary_token, child_process;
static DWORD child_pid;
HANDLE suspended_process[3], suspended_thread[3];

/* TokenUser's SID of a token, in a static buffer (NULL if Windows refuses). */
static PSID token_user(HANDLE token, BYTE *buffer, DWORD size) {
    DWORD length;
    return GetTokenInformation(token, TokenUser, buffer, size, &length)
               ? ((TOKEN_USER *)buffer)->User.Sid
               : NULL;
}

static int same_user(HANDLE a, HANDLE b) {
    static BYTE x[256], y[256];
    PSID sa = token_user(a, x, sizeof x), sb = token_user(b, y, sizeof y);
    return sa != NULL && sb != NULL && EqualSid(sa, sb);
}

/* WTSQueryUserToken through the shim and directly, for this session and one nobody has. */
static HANDLE query_user_token(void *fn, jclass cls) {
    HANDLE kept = NULL;
    for (int c = 0; c < 2; c++) {
        DWORD session = c == 0 ? own_session() : NO_SUCH_SESSION;
        const char *what = c == 0 ? "this session (ProcessIdToSessionId)"
                                  : "session 0x7fff0000 (none)";
        begin();
        HANDLE token = HANDLE_OF(leave_long(((TokenFromSessionFn)fn)(env, cls, (jint)session)));
        HANDLE direct = NULL;
        SetLastError(0);
        BOOL ok = WTSQueryUserToken(session, &direct);
        DWORD error = GetLastError();
        if (expect_mirror(what, ok, error, "WTSQueryUserToken") &&
            check_true(str("%s: a token handle", what), token != NULL)) {
            check_true(str("%s: the token's user SID == the direct token's (TokenUser)", what),
                       same_user(token, direct));
            if (c == 0) {
                kept = token;
            } else {
                CloseHandle(token);
            }
        }
        if (ok) {
            CloseHandle(direct);
        }
    }
    return kept;
}

/* ---- TokensNative -------------------------------------------------------------------- */

void test_tokens_query(void *fn, jclass cls) {
    tokens_token = query_user_token(fn, cls);
    launch_token = query_user_token(fn, cls); /* a second one for the start-process chain */
}

void test_tokens_session_id(void *fn, jclass cls) {
    for (int c = 0; c < 2; c++) {
        HANDLE token = c == 0 ? tokens_token : NO_SUCH_HANDLE;
        if (token == NULL) {
            note("  no user token (WTSQueryUserToken refused): only the invalid handle\n");
            continue;
        }
        const char *what = c == 0 ? "the token of this session" : "a handle no object has";
        begin();
        jint session = leave_int(((IntFromHandleFn)fn)(env, cls, HANDLE_ARG(token)));
        DWORD direct = 0, length;
        SetLastError(0);
        BOOL ok = GetTokenInformation(token, TokenSessionId, &direct, sizeof direct, &length);
        if (expect_mirror(what, ok, GetLastError(), "GetTokenInformation")) {
            check_u32(str("%s: == GetTokenInformation(TokenSessionId)", what), direct,
                      (DWORD)session);
            check_u32(str("%s: == ProcessIdToSessionId", what), own_session(), (DWORD)session);
        }
    }
}

void test_tokens_user_sid(void *fn, jclass cls) {
    for (int c = 0; c < 2; c++) {
        HANDLE token = c == 0 ? tokens_token : NO_SUCH_HANDLE;
        if (token == NULL) {
            continue;
        }
        const char *what = c == 0 ? "the token of this session" : "a handle no object has";
        begin();
        jobject sid = leave_object(((ObjectFromHandleFn)fn)(env, cls, HANDLE_ARG(token)));
        static BYTE buffer[256];
        /* The shim asks for the size first: Windows' answer to that is the one to mirror
         * when the handle is bad. */
        DWORD needed = 0;
        SetLastError(0);
        GetTokenInformation(token, TokenUser, NULL, 0, &needed);
        DWORD sizeError = GetLastError();
        PSID direct = token_user(token, buffer, sizeof buffer);
        if (direct == NULL) {
            expect_wts_exception(what, sizeError, "GetTokenInformation");
            continue;
        }
        if (expect_no_throw(what) && expect_class(what, sid, "[B") &&
            check_u32(str("%s: SID length == GetLengthSid", what), GetLengthSid(direct),
                      (DWORD)jv_array_length(sid))) {
            const BYTE *b = jv_array_data(sid, 'B');
            int same = 1;
            for (DWORD i = 0; i < GetLengthSid(direct); i++) {
                same &= b[i] == ((const BYTE *)direct)[i];
            }
            check_true(str("%s: SID bytes == GetTokenInformation(TokenUser)", what), same);
        }
    }
}

void test_tokens_close(void *fn, jclass cls) {
    if (tokens_token != NULL) {
        begin();
        ((VoidFromHandleFn)fn)(env, cls, HANDLE_ARG(tokens_token));
        leave_int(0);
        if (expect_no_throw("the token of this session")) {
            DWORD session, length;
            SetLastError(0);
            BOOL usable = GetTokenInformation(tokens_token, TokenSessionId, &session,
                                              sizeof session, &length);
            check_true(str("the handle is closed (GetTokenInformation now fails: %u)",
                           GetLastError()), !usable);
        }
        tokens_token = NULL;
    }
    begin();
    ((VoidFromHandleFn)fn)(env, cls, HANDLE_ARG(NO_SUCH_HANDLE));
    leave_int(0);
    SetLastError(0);
    BOOL ok = CloseHandle(NO_SUCH_HANDLE);
    expect_mirror("a handle no object has", ok, GetLastError(), "CloseHandle");
}

/* ---- LaunchNative -------------------------------------------------------------------- */

void test_launch_elevation_type(void *fn, jclass cls) {
    for (int c = 0; c < 2; c++) {
        HANDLE token = c == 0 ? launch_token : NO_SUCH_HANDLE;
        if (token == NULL) {
            continue;
        }
        const char *what = c == 0 ? "the user token" : "a handle no object has";
        begin();
        jint type = leave_int(((IntFromHandleFn)fn)(env, cls, HANDLE_ARG(token)));
        DWORD direct = 0, length;
        SetLastError(0);
        BOOL ok = GetTokenInformation(token, TokenElevationType, &direct, sizeof direct, &length);
        if (expect_mirror(what, ok, GetLastError(), "GetTokenInformation")) {
            check_u32(str("%s: == GetTokenInformation(TokenElevationType)", what), direct,
                      (DWORD)type);
        }
    }
}

void test_launch_linked_token(void *fn, jclass cls) {
    for (int c = 0; c < 2; c++) {
        HANDLE token = c == 0 ? launch_token : NO_SUCH_HANDLE;
        if (token == NULL) {
            continue;
        }
        const char *what = c == 0 ? "the user token" : "a handle no object has";
        begin();
        HANDLE linked = HANDLE_OF(leave_long(((HandleFromHandleFn)fn)(env, cls,
                                                                      HANDLE_ARG(token))));
        HANDLE direct = NULL;
        DWORD length;
        SetLastError(0);
        BOOL ok = GetTokenInformation(token, TokenLinkedToken, &direct, sizeof direct, &length);
        if (expect_mirror(what, ok, GetLastError(), "GetTokenInformation") &&
            check_true(str("%s: a token handle", what), linked != NULL)) {
            check_true(str("%s: the linked token's user == the direct linked token's", what),
                       same_user(linked, direct));
            CloseHandle(linked);
        }
        if (ok) {
            CloseHandle(direct);
        }
    }
}

void test_launch_duplicate(void *fn, jclass cls) {
    for (int c = 0; c < 2; c++) {
        HANDLE token = c == 0 ? launch_token : NO_SUCH_HANDLE;
        if (token == NULL) {
            continue;
        }
        const char *what = c == 0 ? "the user token" : "a handle no object has";
        begin();
        HANDLE primary = HANDLE_OF(leave_long(((HandleFromHandleFn)fn)(env, cls,
                                                                       HANDLE_ARG(token))));
        HANDLE direct = NULL;
        SetLastError(0);
        BOOL ok = DuplicateTokenEx(token, MAXIMUM_ALLOWED, NULL, SecurityImpersonation,
                                   TokenPrimary, &direct);
        if (expect_mirror(what, ok, GetLastError(), "DuplicateTokenEx") &&
            check_true(str("%s: a token handle", what), primary != NULL)) {
            TOKEN_TYPE type = 0;
            DWORD length;
            check_true(str("%s: GetTokenInformation(TokenType) == TokenPrimary", what),
                       GetTokenInformation(primary, TokenType, &type, sizeof type, &length) &&
                           type == TokenPrimary);
            check_true(str("%s: same user as the token it copies", what),
                       same_user(primary, token));
            if (c == 0) {
                primary_token = primary;
            } else {
                CloseHandle(primary);
            }
        }
        if (ok) {
            CloseHandle(direct);
        }
    }
}

/* The user's environment as the shim returned it: the block the child gets is made of it. */
static jobject user_environment;

void test_launch_environment(void *fn, jclass cls) {
    for (int c = 0; c < 2; c++) {
        HANDLE token = c == 0 ? primary_token : NO_SUCH_HANDLE;
        if (token == NULL) {
            continue;
        }
        const char *what = c == 0 ? "the primary token" : "a handle no object has";
        begin();
        jobject strings = leave_object(((ObjectFromHandleFn)fn)(env, cls, HANDLE_ARG(token)));
        void *block = NULL;
        SetLastError(0);
        BOOL ok = CreateEnvironmentBlock(&block, token, FALSE);
        if (expect_mirror(what, ok, GetLastError(), "CreateEnvironmentBlock") &&
            expect_class(what, strings, "[Ljava/lang/String;")) {
            const WCHAR *at = block;
            int n = 0;
            for (; *at; n++) {
                int length = wide_length(at);
                expect_string(str("%s: entry %d", what, n), jv_array_element(strings, n), at,
                              length);
                at += length + 1;
            }
            check_u32(str("%s: entries", what), (DWORD)n, (DWORD)jv_array_length(strings));
            note("  %d environment entries\n", n);
            if (c == 0) {
                user_environment = strings;
            }
        }
        if (ok) {
            DestroyEnvironmentBlock(block);
        }
    }
}

/* The block for the child: the user's environment plus CHILD_VARIABLE=CHILD_VALUE. */
static jobject child_environment(void) {
    int count = user_environment ? jv_array_length(user_environment) : 0, units = 0;
    for (int i = 0; i < count; i++) {
        int length;
        jv_string(jv_array_element(user_environment, i), &length);
        units += length + 1;
    }
    const WCHAR *extra = CHILD_VARIABLE L"=" CHILD_VALUE;
    units += wide_length(extra) + 2;
    jobject array = jni_new_array('C', units);
    WCHAR *out = jv_array_data(array, 'C');
    int at = 0;
    for (int i = 0; i < count; i++) {
        int length;
        const WCHAR *entry = jv_string(jv_array_element(user_environment, i), &length);
        for (int k = 0; k < length; k++) {
            out[at++] = entry[k];
        }
        out[at++] = 0;
    }
    for (int k = 0; extra[k]; k++) {
        out[at++] = extra[k];
    }
    return array; /* the last two units stay 0: the block's end */
}

/* Three more children, CREATE_SUSPENDED, with standard handles: stdout and stderr one
 * inheritable pipe end (a PROC_THREAD_ATTRIBUTE_HANDLE_LIST of one handle), stdin none. The
 * job, resume and terminate rows (entries_child_io.c) use them. */
static void start_suspended(void *fn, jclass cls, HANDLE token, const WCHAR *path,
                            const WCHAR *command, const WCHAR *desktop, jobject environment) {
    for (int i = 0; i < 3; i++) {
        const char *what = str("child %d, suspended, stdout/stderr a pipe", i);
        HANDLE readEnd = NULL, writeEnd = NULL;
        if (!check_true("CreatePipe", CreatePipe(&readEnd, &writeEnd, NULL, 0)) ||
            !check_true("SetHandleInformation", SetHandleInformation(writeEnd, HANDLE_FLAG_INHERIT,
                                                                     HANDLE_FLAG_INHERIT))) {
            return;
        }
        jobject std = jni_new_array('J', 3);
        jlong *handles = jv_array_data(std, 'J');
        handles[1] = handles[2] = HANDLE_ARG(writeEnd);
        begin();
        jobject result = leave_object(((CreateFn)fn)(env, cls, HANDLE_ARG(token), java_string(path),
                                                     java_string(command), java_string(desktop),
                                                     NULL, environment, 0, std, CREATE_SUSPENDED));
        CloseHandle(writeEnd);
        CloseHandle(readEnd);
        if (expect_no_throw(what) && expect_class(what, result, "[J") &&
            check_u32(str("%s: long[3]", what), 3, (DWORD)jv_array_length(result))) {
            const jlong *v = jv_array_data(result, 'J');
            check_true(str("%s: process and thread handles", what), v[1] != 0 && v[2] != 0);
            check_u32(str("%s: not running yet", what), WAIT_TIMEOUT,
                      WaitForSingleObject(HANDLE_OF(v[1]), 0));
            suspended_process[i] = HANDLE_OF(v[1]);
            suspended_thread[i] = HANDLE_OF(v[2]);
        }
    }
}

void test_launch_create_process(void *fn, jclass cls) {
    if (primary_token == NULL) {
        note("  no primary token: CreateProcessAsUserW only with a handle no object has\n");
    }
    static WCHAR command[1200];
    static WCHAR path[1024];
    DWORD n = GetModuleFileNameW(NULL, path, 1024);
    int at = 0;
    command[at++] = '"';
    for (DWORD i = 0; i < n; i++) {
        command[at++] = path[i];
    }
    command[at++] = '"';
    command[at++] = ' ';
    for (const char *p = CHILD_ARGUMENT; *p; p++) {
        command[at++] = (WCHAR)*p;
    }
    command[at] = 0;
    static const WCHAR desktop[] = L"winsta0\\default";
    HANDLE token = primary_token ? primary_token : NO_SUCH_HANDLE;
    const char *what = primary_token ? "this program as a child, in the user's environment"
                                     : "a token handle no object has";
    jobject environment = child_environment();
    begin();
    /* The application name is passed too (lpApplicationName: this very file, no search). */
    jobject result = leave_object(((CreateFn)fn)(env, cls, HANDLE_ARG(token), java_string(path),
                                                 java_string(command), java_string(desktop),
                                                 NULL, environment, -1, NULL, 0));
    if (last_exception() == NULL && result != NULL &&
        expect_class(what, result, "[J") &&
        check_u32(str("%s: long[3]", what), 3, (DWORD)jv_array_length(result))) {
        const jlong *v = jv_array_data(result, 'J');
        check_true(str("%s: the shim started the process (pid %u)", what, (DWORD)v[0]),
                   v[0] != 0 && v[1] != 0);
        check_true(str("%s: no thread handle kept (not suspended)", what), v[2] == 0);
        child_pid = (DWORD)v[0];
        child_process = HANDLE_OF(v[1]);
        check_u32(str("%s: pid == GetProcessId(process handle)", what), child_pid,
                  GetProcessId(child_process));
        start_suspended(fn, cls, token, path, command, desktop, environment);
        return;
    }
    /* The shim failed: Windows must refuse the same call the same way. */
    STARTUPINFOW startup = {0};
    startup.cb = sizeof startup;
    startup.lpDesktop = (LPWSTR)desktop;
    PROCESS_INFORMATION info = {0};
    WCHAR *block = jv_array_data(environment, 'C');
    SetLastError(0);
    BOOL ok = CreateProcessAsUserW(token, path, command, NULL, NULL, FALSE,
                                   CREATE_UNICODE_ENVIRONMENT | CREATE_NEW_CONSOLE, block, NULL,
                                   &startup, &info);
    expect_mirror(what, ok, GetLastError(), "CreateProcessAsUserW");
    if (ok) {
        WaitForSingleObject(info.hProcess, 10000);
        CloseHandle(info.hThread);
        CloseHandle(info.hProcess);
    }
}

void test_launch_wait(void *fn, jclass cls) {
    if (child_process != NULL) {
        const char *what = str("the child (pid %u), 10 s", child_pid);
        begin();
        jint outcome = leave_int(((WaitFn)fn)(env, cls, HANDLE_ARG(child_process), 10000));
        if (expect_no_throw(what)) {
            check_u32(str("%s: WAIT_OBJECT_0 (it ended)", what), WAIT_OBJECT_0, (DWORD)outcome);
            check_u32(str("%s: WaitForSingleObject agrees", what), WAIT_OBJECT_0,
                      WaitForSingleObject(child_process, 0));
        }
    }
    const char *what = "a handle no object has";
    begin();
    leave_int(((WaitFn)fn)(env, cls, HANDLE_ARG(NO_SUCH_HANDLE), 0));
    SetLastError(0);
    DWORD direct = WaitForSingleObject(NO_SUCH_HANDLE, 0);
    expect_mirror(what, direct != WAIT_FAILED, GetLastError(), "WaitForSingleObject");
}

void test_launch_exit_code(void *fn, jclass cls) {
    if (child_process != NULL) {
        const char *what = "the child";
        begin();
        jint code = leave_int(((IntFromHandleFn)fn)(env, cls, HANDLE_ARG(child_process)));
        DWORD direct = 0;
        if (expect_no_throw(what) &&
            check_true("GetExitCodeProcess", GetExitCodeProcess(child_process, &direct))) {
            check_u32(str("%s: == GetExitCodeProcess", what), direct, (DWORD)code);
            check_u32(str("%s: %d = the environment block and the command line arrived "
                          "(%d: the variable was wrong)", what, CHILD_EXIT_OK,
                          CHILD_EXIT_WRONG_ENVIRONMENT),
                      CHILD_EXIT_OK, (DWORD)code);
        }
    }
    const char *what = "a handle no object has";
    begin();
    leave_int(((IntFromHandleFn)fn)(env, cls, HANDLE_ARG(NO_SUCH_HANDLE)));
    DWORD direct;
    SetLastError(0);
    BOOL ok = GetExitCodeProcess(NO_SUCH_HANDLE, &direct);
    expect_mirror(what, ok, GetLastError(), "GetExitCodeProcess");
}

static void close_through_shim(void *fn, jclass cls, HANDLE *handle, const char *what) {
    if (*handle == NULL) {
        return;
    }
    begin();
    jboolean closed = leave_int(((BoolFromHandleFn)fn)(env, cls, HANDLE_ARG(*handle)));
    if (expect_no_throw(what)) {
        check_true(str("%s: TRUE", what), closed == JNI_TRUE);
    }
    *handle = NULL;
}

void test_launch_close(void *fn, jclass cls) {
    close_through_shim(fn, cls, &child_process, "the child's process handle");
    close_through_shim(fn, cls, &primary_token, "the primary token");
    close_through_shim(fn, cls, &launch_token, "the user token");
    begin();
    jboolean closed = leave_int(((BoolFromHandleFn)fn)(env, cls, 0));
    if (expect_no_throw("0")) {
        check_true("0: FALSE, Windows not asked", closed == JNI_FALSE);
    }
    begin();
    closed = leave_int(((BoolFromHandleFn)fn)(env, cls, HANDLE_ARG(NO_SUCH_HANDLE)));
    BOOL direct = CloseHandle(NO_SUCH_HANDLE);
    if (expect_no_throw("a handle no object has (cleanup paths never throw)")) {
        check_u32("a handle no object has: == CloseHandle", direct ? 1 : 0, closed ? 1 : 0);
    }
}
