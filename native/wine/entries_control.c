/*
 * Entry-point tests: ServersNative, ControlNative, RemoteNative, UserConfigNative.
 *
 * Nothing here may end, disconnect or reconfigure anything that matters, whatever Windows
 * (or a later Wine) does with the call: logoff/disconnect/terminate/remote control name a
 * session or process that does not exist, shutdown goes to a server handle nobody opened,
 * user configuration is written for a user that does not exist. Each is then asked of
 * Windows directly with the same arguments and the shim must say the same.
 */
#include "entries.h"

#define NO_SUCH_PID 0x7FFFFFF1u /* pids are multiples of 4 */
static const WCHAR NO_SUCH_SERVER[] = L"wts-wine-no-such-server-\U0001F600";
static const WCHAR NO_SUCH_USER[] = L"wts-wine-no-such-user";

/* ---- ServersNative ------------------------------------------------------------------- */

typedef jlong(JNICALL *OpenFn)(JNIEnv *, jclass, jobject);
typedef void(JNICALL *CloseFn)(JNIEnv *, jclass, jlong);
typedef jobject(JNICALL *EnumerateServersFn)(JNIEnv *, jclass, jobject);

void test_servers_open(void *fn, jclass cls) {
    const char *what = "WTSOpenServerW(a server name nobody has)";
    jobject name = nul_char_array(NO_SUCH_SERVER);
    begin();
    jlong handle = leave_long(((OpenFn)fn)(env, cls, name));
    SetLastError(0);
    HANDLE direct = WTSOpenServerW((LPWSTR)NO_SUCH_SERVER);
    DWORD error = GetLastError();
    if (expect_mirror(what, direct != NULL, error, "WTSOpenServerW")) {
        check_true(str("%s: a handle, not 0 (the local server)", what), handle != 0);
        WTSCloseServer((HANDLE)(ULONG_PTR)handle);
    }
    if (direct != NULL) {
        WTSCloseServer(direct);
    }

    begin();
    leave_long(((OpenFn)fn)(env, cls, NULL));
    expect_illegal_argument("null name: IllegalArgumentException, Windows not asked");
    begin();
    leave_long(((OpenFn)fn)(env, cls, char_array(NO_SUCH_SERVER)));
    expect_illegal_argument("a char[] without its NUL: IllegalArgumentException, Windows not "
                            "asked");
}

void test_servers_close(void *fn, jclass cls) {
    /* WTSCloseServer returns nothing: the shim must return nothing and throw nothing. */
    begin();
    ((CloseFn)fn)(env, cls, (jlong)(ULONG_PTR)UNOPENED_SERVER);
    leave_int(0);
    expect_no_throw("WTSCloseServer(a handle nobody opened) throws nothing");
    begin();
    ((CloseFn)fn)(env, cls, 0);
    leave_int(0);
    expect_no_throw("0 (the local server) is not closed and throws nothing");
}

static void enumerate_servers(void *fn, jclass cls, const WCHAR *domain, const char *what) {
    jobject arg = domain ? nul_char_array(domain) : NULL;
    begin();
    jobject names = leave_object(((EnumerateServersFn)fn)(env, cls, arg));
    WTS_SERVER_INFOW *info = NULL;
    DWORD count = 0;
    SetLastError(0);
    BOOL ok = WTSEnumerateServersW((LPWSTR)domain, 0, 1, &info, &count);
    DWORD error = GetLastError();
    if (expect_mirror(what, ok, error, "WTSEnumerateServersW") &&
        expect_class(what, names, "[Ljava/lang/String;") &&
        check_u32(str("%s: count", what), count, (DWORD)jv_array_length(names))) {
        for (DWORD i = 0; i < count; i++) {
            const WCHAR *n = info[i].pServerName;
            expect_string(str("%s: server %u", what, i), jv_array_element(names, (int)i), n,
                          n ? wide_length(n) : 0);
        }
    }
    if (ok) {
        WTSFreeMemory(info);
    }
}

void test_servers_enumerate(void *fn, jclass cls) {
    enumerate_servers(fn, cls, NULL, "the caller's domain (null)");
    enumerate_servers(fn, cls, L"WTS-WINE-NO-DOMAIN", "a domain nobody has");
}

/* ---- ControlNative ------------------------------------------------------------------- */

typedef void(JNICALL *SessionActionFn)(JNIEnv *, jclass, jlong, jint, jboolean);
typedef jint(JNICALL *SendFn)(JNIEnv *, jclass, jlong, jint, jobject, jobject, jint, jint,
                              jboolean);
typedef void(JNICALL *TerminateFn)(JNIEnv *, jclass, jlong, jint, jint);
typedef void(JNICALL *ShutdownFn)(JNIEnv *, jclass, jlong, jint);
typedef BOOL(WINAPI *SessionActionDirect)(HANDLE, DWORD, BOOL);

static void session_action(void *fn, jclass cls, SessionActionDirect direct,
                           const char *function) {
    for (int c = 0; c < 2; c++) {
        HANDLE server = c == 0 ? WTS_CURRENT_SERVER_HANDLE : UNOPENED_SERVER;
        const char *what = c == 0 ? "session 0x7fff0000 (none), local server"
                                  : "session 0x7fff0000 (none), a server handle nobody opened";
        begin();
        ((SessionActionFn)fn)(env, cls, (jlong)(ULONG_PTR)server, (jint)NO_SUCH_SESSION,
                              JNI_FALSE);
        leave_int(0);
        SetLastError(0);
        BOOL ok = direct(server, NO_SUCH_SESSION, FALSE);
        expect_mirror(what, ok, GetLastError(), function);
    }
}

void test_control_logoff(void *fn, jclass cls) {
    session_action(fn, cls, WTSLogoffSession, "WTSLogoffSession");
}

void test_control_disconnect(void *fn, jclass cls) {
    session_action(fn, cls, WTSDisconnectSession, "WTSDisconnectSession");
}

void test_control_send_message(void *fn, jclass cls) {
    /* wait = FALSE: Windows queues the box and answers IDASYNC at once; Wine's WTSSendMessageW
     * is a stub that shows nothing. Title beyond the BMP; lengths go in bytes. */
    static const WCHAR title[] = L"wts-bridge \U0001F600";
    static const WCHAR text[] = L"Wine harness: a message nobody has to answer";
    const char *what = "this session, MB_OK, 1 s, wait = false";
    DWORD session = own_session();
    begin();
    jint response = leave_int(((SendFn)fn)(env, cls, 0, (jint)session, nul_char_array(title),
                                           nul_char_array(text), 0, 1, JNI_FALSE));
    DWORD direct = 0;
    SetLastError(0);
    BOOL ok = WTSSendMessageW(WTS_CURRENT_SERVER_HANDLE, session, (LPWSTR)title,
                              (DWORD)wide_length(title) * 2, (LPWSTR)text,
                              (DWORD)wide_length(text) * 2, 0, 1, &direct, FALSE);
    if (expect_mirror(what, ok, GetLastError(), "WTSSendMessageW")) {
        check_u32(str("%s: response", what), direct, (DWORD)response);
    }

    begin();
    leave_int(((SendFn)fn)(env, cls, 0, (jint)session, NULL, nul_char_array(text), 0, 1,
                           JNI_FALSE));
    expect_illegal_argument("null title: IllegalArgumentException, Windows not asked");
}

void test_control_terminate(void *fn, jclass cls) {
    const char *what = "pid 0x7ffffff1 (no such process)";
    begin();
    ((TerminateFn)fn)(env, cls, 0, (jint)NO_SUCH_PID, 1);
    leave_int(0);
    SetLastError(0);
    BOOL ok = WTSTerminateProcess(WTS_CURRENT_SERVER_HANDLE, NO_SUCH_PID, 1);
    expect_mirror(what, ok, GetLastError(), "WTSTerminateProcess");
}

void test_control_shutdown(void *fn, jclass cls) {
    /* Never the local server and never a shutdown flag: a handle nobody opened, flags 0. */
    const char *what = "a server handle nobody opened, flags 0";
    begin();
    ((ShutdownFn)fn)(env, cls, (jlong)(ULONG_PTR)UNOPENED_SERVER, 0);
    leave_int(0);
    SetLastError(0);
    BOOL ok = WTSShutdownSystem(UNOPENED_SERVER, 0);
    expect_mirror(what, ok, GetLastError(), "WTSShutdownSystem");
}

/* ---- RemoteNative -------------------------------------------------------------------- */

typedef void(JNICALL *StartRemoteFn)(JNIEnv *, jclass, jstring, jint, jint, jint);
typedef void(JNICALL *StopRemoteFn)(JNIEnv *, jclass, jint);
typedef void(JNICALL *ConnectFn)(JNIEnv *, jclass, jint, jint, jobject, jboolean);

#define VK_MULTIPLY_KEY 0x6A
#define REMOTE_CONTROL_CTRL 0x2 /* REMOTECONTROL_KBDCTRL_HOTKEY */

void test_remote_start(void *fn, jclass cls) {
    for (int c = 0; c < 2; c++) {
        const WCHAR *server = c == 0 ? NULL : NO_SUCH_SERVER;
        const char *what = c == 0 ? "this server, session 0x7fff0000 (none)"
                                  : "a server nobody has, session 0x7fff0000 (none)";
        begin();
        ((StartRemoteFn)fn)(env, cls, server ? java_string(server) : NULL,
                            (jint)NO_SUCH_SESSION, VK_MULTIPLY_KEY, REMOTE_CONTROL_CTRL);
        leave_int(0);
        SetLastError(0);
        BOOL ok = WTSStartRemoteControlSessionW((LPWSTR)server, NO_SUCH_SESSION, VK_MULTIPLY_KEY,
                                                REMOTE_CONTROL_CTRL);
        expect_mirror(what, ok, GetLastError(), "WTSStartRemoteControlSessionW");
        if (ok) {
            WTSStopRemoteControlSession(NO_SUCH_SESSION);
        }
    }
}

void test_remote_stop(void *fn, jclass cls) {
    const char *what = "session 0x7fff0000 (none)";
    begin();
    ((StopRemoteFn)fn)(env, cls, (jint)NO_SUCH_SESSION);
    leave_int(0);
    SetLastError(0);
    BOOL ok = WTSStopRemoteControlSession(NO_SUCH_SESSION);
    expect_mirror(what, ok, GetLastError(), "WTSStopRemoteControlSession");
}

void test_remote_connect(void *fn, jclass cls) {
    static const WCHAR password[] = L"p\u00e4ssw\u00f6rd \U0001F511";
    const char *what = "session 0x7fff0000 (none) to 0x7fff0001 (none)";
    jobject secret = char_array(password);
    begin();
    ((ConnectFn)fn)(env, cls, (jint)NO_SUCH_SESSION, (jint)(NO_SUCH_SESSION + 1), secret,
                    JNI_FALSE);
    leave_int(0);
    SetLastError(0);
    BOOL ok = WTSConnectSessionW(NO_SUCH_SESSION, NO_SUCH_SESSION + 1, (PWSTR)password, FALSE);
    expect_mirror(what, ok, GetLastError(), "WTSConnectSessionW");
    /* The Java array belongs to the caller (who wipes it): the shim must leave it alone. */
    const WCHAR *units = jv_array_data(secret, 'C');
    check_text(str("%s: the caller's char[] is unchanged", what), password,
               wide_length(password), units, jv_array_length(secret));
}

/* ---- UserConfigNative ---------------------------------------------------------------- */

typedef jobject(JNICALL *UserQueryFn)(JNIEnv *, jclass, jstring, jstring, jint);
typedef jint(JNICALL *UserQueryIntFn)(JNIEnv *, jclass, jstring, jstring, jint);
typedef jobject(JNICALL *UserQueryUserFn)(JNIEnv *, jclass, jstring, jstring, jobject);
typedef void(JNICALL *UserSetStringFn)(JNIEnv *, jclass, jstring, jstring, jint, jstring);
typedef void(JNICALL *UserSetIntFn)(JNIEnv *, jclass, jstring, jstring, jint, jint);
typedef void(JNICALL *UserSetUserFn)(JNIEnv *, jclass, jstring, jstring, jobject, jobject);

#define CONFIG_INITIAL_PROGRAM 0          /* WTSUserConfigInitialProgram */
#define CONFIG_INHERIT_INITIAL_PROGRAM 2  /* WTSUserConfigfInheritInitialProgram (DWORD) */
#define CONFIG_USER 19                    /* WTSUserConfigUser (WTSUSERCONFIGW) */
#define USER_CONFIG_NUMBERS 13
#define USER_CONFIG_PATH 261              /* MAX_PATH + 1 */
#define USER_CONFIG_BYTES (USER_CONFIG_NUMBERS * 4 + (4 * USER_CONFIG_PATH + 4) * 2)

static const WCHAR *own_user(void) {
    static WCHAR user[257];
    DWORD size = 257;
    if (user[0] == 0 && !GetUserNameW(user, &size)) {
        user[0] = 0;
    }
    return user;
}

typedef struct direct_config {
    BOOL ok;
    DWORD error;
    LPWSTR buffer;
    DWORD bytes;
} direct_config;

static direct_config query_config(int configClass) {
    direct_config q = {0, 0, NULL, 0};
    SetLastError(0);
    q.ok = WTSQueryUserConfigW(NULL, (LPWSTR)own_user(), (WTS_CONFIG_CLASS)configClass, &q.buffer,
                               &q.bytes);
    q.error = q.ok ? 0 : GetLastError();
    return q;
}

void test_userconfig_query_string(void *fn, jclass cls) {
    const char *what = "WTSUserConfigInitialProgram of this user (GetUserNameW)";
    begin();
    jobject text = leave_object(((UserQueryFn)fn)(env, cls, NULL, java_string(own_user()),
                                                  CONFIG_INITIAL_PROGRAM));
    direct_config q = query_config(CONFIG_INITIAL_PROGRAM);
    if (expect_mirror(what, q.ok, q.error, "WTSQueryUserConfigW")) {
        expect_string(what, text, q.buffer, buffer_text_length(q.buffer, q.bytes));
    }
    if (q.ok) {
        WTSFreeMemory(q.buffer);
    }
}

void test_userconfig_query_int(void *fn, jclass cls) {
    const char *what = "WTSUserConfigfInheritInitialProgram of this user";
    begin();
    jint value = leave_int(((UserQueryIntFn)fn)(env, cls, NULL, java_string(own_user()),
                                                CONFIG_INHERIT_INITIAL_PROGRAM));
    direct_config q = query_config(CONFIG_INHERIT_INITIAL_PROGRAM);
    if (expect_mirror(what, q.ok, q.error, "WTSQueryUserConfigW") &&
        check_true(str("%s: Windows returned a DWORD", what), q.bytes >= 4)) {
        check_u32(str("%s: value", what), *(const DWORD *)q.buffer, (DWORD)value);
    }
    if (q.ok) {
        WTSFreeMemory(q.buffer);
    }
}

void test_userconfig_query_user(void *fn, jclass cls) {
    const char *what = "WTSUserConfigUser of this user";
    jobject numbers = jni_new_array('I', USER_CONFIG_NUMBERS);
    begin();
    jobject texts = leave_object(((UserQueryUserFn)fn)(env, cls, NULL, java_string(own_user()),
                                                       numbers));
    direct_config q = query_config(CONFIG_USER);
    if (expect_mirror(what, q.ok, q.error, "WTSQueryUserConfigW") &&
        check_true(str("%s: Windows returned a whole WTSUSERCONFIGW", what),
                   q.bytes >= USER_CONFIG_BYTES) &&
        expect_class(what, texts, "[Ljava/lang/String;")) {
        /* Microsoft's layout: 13 DWORDs, then five WCHAR arrays (4 × 261, 1 × 4). */
        const DWORD *d = (const DWORD *)q.buffer;
        const jint *n = jv_array_data(numbers, 'I');
        for (int i = 0; i < USER_CONFIG_NUMBERS; i++) {
            check_u32(str("%s: DWORD %d", what, i), d[i], (DWORD)n[i]);
        }
        const WCHAR *field = (const WCHAR *)(d + USER_CONFIG_NUMBERS);
        for (int i = 0; i < 5; i++) {
            DWORD units = i == 4 ? 4 : USER_CONFIG_PATH;
            expect_string(str("%s: text %d", what, i), jv_array_element(texts, i), field,
                          buffer_text_length(field, units * 2));
            field += units;
        }
    }
    if (q.ok) {
        WTSFreeMemory(q.buffer);
    }
}

void test_userconfig_set_string(void *fn, jclass cls) {
    static const WCHAR program[] = L"C:\\wts-wine\\\U0001F600.exe";
    const char *what = "WTSUserConfigInitialProgram of a user nobody has";
    begin();
    ((UserSetStringFn)fn)(env, cls, NULL, java_string(NO_SUCH_USER), CONFIG_INITIAL_PROGRAM,
                          java_string(program));
    leave_int(0);
    SetLastError(0);
    BOOL ok = WTSSetUserConfigW(NULL, (LPWSTR)NO_SUCH_USER, CONFIG_INITIAL_PROGRAM,
                                (LPWSTR)program, (DWORD)wide_length(program) + 1);
    expect_mirror(what, ok, GetLastError(), "WTSSetUserConfigW");
}

void test_userconfig_set_int(void *fn, jclass cls) {
    const char *what = "WTSUserConfigfInheritInitialProgram of a user nobody has";
    begin();
    ((UserSetIntFn)fn)(env, cls, NULL, java_string(NO_SUCH_USER), CONFIG_INHERIT_INITIAL_PROGRAM,
                       1);
    leave_int(0);
    DWORD value = 1;
    SetLastError(0);
    BOOL ok = WTSSetUserConfigW(NULL, (LPWSTR)NO_SUCH_USER, CONFIG_INHERIT_INITIAL_PROGRAM,
                                (LPWSTR)&value, sizeof value);
    expect_mirror(what, ok, GetLastError(), "WTSSetUserConfigW");
}

void test_userconfig_set_user(void *fn, jclass cls) {
    const char *what = "WTSUserConfigUser of a user nobody has";
    jobject numbers = jni_new_array('I', USER_CONFIG_NUMBERS);
    jobject texts = jni_new_string_array(5);
    for (int i = 0; i < 5; i++) {
        jv_set_element(texts, i, java_string(i == 4 ? L"H:" : L"C:\\wts-wine"));
    }
    begin();
    ((UserSetUserFn)fn)(env, cls, NULL, java_string(NO_SUCH_USER), numbers, texts);
    leave_int(0);
    BYTE *config = h_alloc(USER_CONFIG_BYTES);
    WCHAR *field = (WCHAR *)(config + USER_CONFIG_NUMBERS * 4);
    for (int i = 0; i < 5; i++) {
        const WCHAR *text = i == 4 ? L"H:" : L"C:\\wts-wine";
        for (int k = 0; text[k]; k++) {
            field[k] = text[k];
        }
        field += i == 4 ? 4 : USER_CONFIG_PATH;
    }
    SetLastError(0);
    BOOL ok = WTSSetUserConfigW(NULL, (LPWSTR)NO_SUCH_USER, CONFIG_USER, (LPWSTR)config,
                                USER_CONFIG_BYTES);
    expect_mirror(what, ok, GetLastError(), "WTSSetUserConfigW");

    /* A text one unit too long for its field: the shim refuses before asking Windows. */
    WCHAR *tooLong = h_alloc(sizeof(WCHAR) * (USER_CONFIG_PATH + 1));
    for (int i = 0; i < USER_CONFIG_PATH; i++) {
        tooLong[i] = 'x';
    }
    jv_set_element(texts, 0, java_string(tooLong));
    begin();
    ((UserSetUserFn)fn)(env, cls, NULL, java_string(NO_SUCH_USER), numbers, texts);
    leave_int(0);
    expect_illegal_argument("initial program of 261 units (field holds 260 + NUL): "
                            "IllegalArgumentException");
}
