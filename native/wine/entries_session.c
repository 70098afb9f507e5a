/*
 * Entry-point tests: SessionInfoNative, EnumExNative, EventsNative.
 *
 * mingw-w64 has no declarations for the Ex enumerations, WTSFreeMemoryExW,
 * WTSRegisterSessionNotificationEx, WTSCONFIGINFOW and WTSINFOEXW: the functions are looked
 * up by name in wtsapi32.dll with Microsoft's documented prototypes, and the structs are read
 * at Microsoft's documented offsets by hand, never through the shim's wts_abi.h.
 */
#include "entries.h"

static FARPROC wtsapi(const char *name) {
    HMODULE module = GetModuleHandleW(L"wtsapi32.dll");
    return module ? GetProcAddress(module, name) : NULL;
}

/* ---- SessionInfoNative --------------------------------------------------------------- */

typedef jobject(JNICALL *RawFn)(JNIEnv *, jclass, jlong, jint, jint);
typedef jlong(JNICALL *LongFn)(JNIEnv *, jclass, jlong, jint, jint);
typedef void(JNICALL *DisplayFn)(JNIEnv *, jclass, jlong, jint, jobject);
typedef jint(JNICALL *AddressFn)(JNIEnv *, jclass, jlong, jint, jint, jobject);
typedef void(JNICALL *ClientInfoFn)(JNIEnv *, jclass, jlong, jint, jobject, jobject, jobject);
typedef void(JNICALL *RecordFn)(JNIEnv *, jclass, jlong, jint, jobject, jobject);

#define INFO_SESSION_INFO_EX 25
#define INFO_CONFIG_INFO 26
#define INFO_SESSION_ADDRESS_V4 28
#define INFO_IS_REMOTE_SESSION 29

static const struct { int id; const char *name; } RAW_CLASSES[] = {
    {WTSUserName, "WTSUserName"}, {WTSDomainName, "WTSDomainName"},
    {WTSClientProtocolType, "WTSClientProtocolType"}, {WTSSessionId, "WTSSessionId"},
    {WTSIdleTime, "WTSIdleTime"}, {WTSLogonTime, "WTSLogonTime"}};

void test_info_raw(void *fn, jclass cls) {
    for (int s = 0; s < QUERY_CASES; s++) {
        for (size_t c = 0; c < sizeof RAW_CLASSES / sizeof RAW_CLASSES[0]; c++) {
            const char *what = str("%s, %s", RAW_CLASSES[c].name, query_session_names[s]);
            begin();
            jobject bytes = leave_object(((RawFn)fn)(env, cls, server_arg(s),
                                                     (jint)query_sessions[s], RAW_CLASSES[c].id));
            direct_query q = query_directly(s, RAW_CLASSES[c].id);
            if (expect_mirror(what, q.ok, q.error, "WTSQuerySessionInformationW") &&
                expect_class(what, bytes, "[B") &&
                check_u32(str("%s: length == BytesReturned", what), q.bytes,
                          (DWORD)jv_array_length(bytes))) {
                const BYTE *b = jv_array_data(bytes, 'B');
                int same = 1;
                for (DWORD i = 0; i < q.bytes; i++) {
                    same &= b[i] == ((const BYTE *)q.buffer)[i];
                }
                check_true(str("%s: the bytes Windows returned", what), same);
            }
            if (q.ok) {
                WTSFreeMemory(q.buffer);
            }
        }
    }
}

static const struct { int id; const char *name; } LONG_CLASSES[] = {
    {WTSSessionId, "WTSSessionId"}, {WTSClientProtocolType, "WTSClientProtocolType"},
    {INFO_IS_REMOTE_SESSION, "WTSIsRemoteSession"}, {WTSClientBuildNumber, "WTSClientBuildNumber"}};

void test_info_long(void *fn, jclass cls) {
    for (int s = 0; s < QUERY_CASES; s++) {
        for (size_t c = 0; c < sizeof LONG_CLASSES / sizeof LONG_CLASSES[0]; c++) {
            const char *what = str("%s, %s", LONG_CLASSES[c].name, query_session_names[s]);
            begin();
            jlong value = leave_long(((LongFn)fn)(env, cls, server_arg(s),
                                                  (jint)query_sessions[s], LONG_CLASSES[c].id));
            direct_query q = query_directly(s, LONG_CLASSES[c].id);
            if (expect_mirror(what, q.ok, q.error, "WTSQuerySessionInformationW") &&
                check_true(str("%s: Windows returned 1 to 8 bytes (%u)", what, q.bytes),
                           q.bytes >= 1 && q.bytes <= 8)) {
                ULONGLONG expected = 0;
                for (DWORD i = 0; i < q.bytes; i++) {
                    expected |= (ULONGLONG)((const BYTE *)q.buffer)[i] << (8 * i);
                }
                check_u64(str("%s: value, zero-extended", what), expected, (ULONGLONG)value);
            }
            if (q.ok) {
                WTSFreeMemory(q.buffer);
            }
        }
    }
}

void test_info_client_display(void *fn, jclass cls) {
    for (int s = 0; s < QUERY_CASES; s++) {
        const char *what = str("WTSClientDisplay, %s", query_session_names[s]);
        jobject values = jni_new_array('I', 3);
        begin();
        ((DisplayFn)fn)(env, cls, server_arg(s), (jint)query_sessions[s], values);
        leave_int(0);
        direct_query q = query_directly(s, WTSClientDisplay);
        if (expect_mirror(what, q.ok, q.error, "WTSQuerySessionInformationW") &&
            check_true(str("%s: a whole WTS_CLIENT_DISPLAY", what),
                       q.bytes >= sizeof(WTS_CLIENT_DISPLAY))) {
            const WTS_CLIENT_DISPLAY *d = (const WTS_CLIENT_DISPLAY *)q.buffer;
            const jint *v = jv_array_data(values, 'I');
            check_u32(str("%s: HorizontalResolution", what), d->HorizontalResolution, (DWORD)v[0]);
            check_u32(str("%s: VerticalResolution", what), d->VerticalResolution, (DWORD)v[1]);
            check_u32(str("%s: ColorDepth", what), d->ColorDepth, (DWORD)v[2]);
        }
        if (q.ok) {
            WTSFreeMemory(q.buffer);
        }
    }
}

void test_info_address(void *fn, jclass cls) {
    static const int classes[2] = {WTSClientAddress, INFO_SESSION_ADDRESS_V4};
    static const char *const names[2] = {"WTSClientAddress", "WTSSessionAddressV4"};
    for (int s = 0; s < QUERY_CASES; s++) {
        for (int c = 0; c < 2; c++) {
            const char *what = str("%s, %s", names[c], query_session_names[s]);
            jobject address = jni_new_array('B', 20);
            begin();
            jint family = leave_int(((AddressFn)fn)(env, cls, server_arg(s),
                                                    (jint)query_sessions[s], classes[c], address));
            direct_query q = query_directly(s, classes[c]);
            if (expect_mirror(what, q.ok, q.error, "WTSQuerySessionInformationW") &&
                check_true(str("%s: a whole WTS_CLIENT_ADDRESS", what),
                           q.bytes >= sizeof(WTS_CLIENT_ADDRESS))) {
                const WTS_CLIENT_ADDRESS *a = (const WTS_CLIENT_ADDRESS *)q.buffer;
                check_u32(str("%s: AddressFamily", what), a->AddressFamily, (DWORD)family);
                const jbyte *b = jv_array_data(address, 'B');
                int same = 1;
                for (int i = 0; i < 20; i++) {
                    same &= (BYTE)b[i] == a->Address[i];
                }
                check_true(str("%s: the 20 Address bytes", what), same);
            }
            if (q.ok) {
                WTSFreeMemory(q.buffer);
            }
        }
    }
    /* Another class: the shim refuses it before asking Windows. */
    begin();
    leave_int(((AddressFn)fn)(env, cls, 0, (jint)WTS_CURRENT_SESSION, WTSUserName,
                              jni_new_array('B', 20)));
    expect_illegal_argument("WTSUserName is not an address class: IllegalArgumentException");
}

void check_record_texts(const char *what, jobject numbers, int count, jobject units,
                        const WCHAR *const *fields, const int *capacities,
                        const char *const *names, int textCount) {
    const jlong *n = jv_array_data(numbers, 'J');
    const jchar *chars = jv_array_data(units, 'C');
    int at = 0;
    for (int i = 0; i < textCount; i++) {
        int expected = buffer_text_length(fields[i], (DWORD)capacities[i] * 2);
        const char *label = names != NULL ? str("%s: %s", what, names[i]) : str("%s: text %d", what, i);
        int length = (int)n[count + i];
        if (!check_true(str("%s: length within the char[]", label),
                        length >= 0 && at + length <= jv_array_length(units))) {
            return;
        }
        check_text(label, fields[i], expected, (const WCHAR *)chars + at, length);
        at += length;
    }
}

void test_info_client_info(void *fn, jclass cls) {
    for (int s = 0; s < QUERY_CASES; s++) {
        const char *what = str("WTSClientInfo, %s", query_session_names[s]);
        jobject numbers = jni_new_array('J', 11 + 7), units = jni_new_array('C', 1104);
        jobject address = jni_new_array('B', 62);
        begin();
        ((ClientInfoFn)fn)(env, cls, server_arg(s), (jint)query_sessions[s], numbers, units, address);
        leave_int(0); /* a void native: only its exception */
        direct_query q = query_directly(s, WTSClientInfo);
        if (expect_mirror(what, q.ok, q.error, "WTSQuerySessionInformationW") &&
            check_true(str("%s: a whole WTSCLIENTW", what), q.bytes >= sizeof(WTSCLIENTW))) {
            const WTSCLIENTW *w = (const WTSCLIENTW *)q.buffer;
            const ULONGLONG expected[11] = {
                w->EncryptionLevel, w->ClientAddressFamily, w->HRes, w->VRes, w->ColorDepth,
                w->ClientBuildNumber, w->ClientHardwareId, w->ClientProductId,
                w->OutBufCountHost, w->OutBufCountClient, w->OutBufLength};
            const jlong *n = jv_array_data(numbers, 'J');
            for (int i = 0; i < 11; i++) {
                check_u64(str("%s: number %d", what, i), expected[i], (ULONGLONG)n[i]);
            }
            const WCHAR *const fields[7] = {w->ClientName, w->Domain, w->UserName,
                                            w->WorkDirectory, w->InitialProgram,
                                            w->ClientDirectory, w->DeviceId};
            const int capacities[7] = {CLIENTNAME_LENGTH + 1, DOMAIN_LENGTH + 1, USERNAME_LENGTH + 1,
                                  MAX_PATH + 1, MAX_PATH + 1, MAX_PATH + 1, MAX_PATH + 1};
            check_record_texts(what, numbers, 11, units, fields, capacities, NULL, 7);
            const jbyte *b = jv_array_data(address, 'B');
            int same = 1;
            for (int i = 0; i < 62; i++) {
                same &= (BYTE)b[i] == ((const BYTE *)w->ClientAddress)[i];
            }
            check_true(str("%s: the 62 ClientAddress bytes", what), same);
        }
        if (q.ok) {
            WTSFreeMemory(q.buffer);
        }
    }
}

void test_info_config_info(void *fn, jclass cls) {
    for (int s = 0; s < QUERY_CASES; s++) {
        const char *what = str("WTSConfigInfo, %s", query_session_names[s]);
        jobject numbers = jni_new_array('J', 6 + 5), units = jni_new_array('C', 822);
        begin();
        ((RecordFn)fn)(env, cls, server_arg(s), (jint)query_sessions[s], numbers, units);
        leave_int(0); /* a void native: only its exception */
        direct_query q = query_directly(s, INFO_CONFIG_INFO);
        /* WTSCONFIGINFOW: 6 ULONGs, LogonUserName[21], LogonDomain[18], WorkDirectory[261],
         * InitialProgram[261], ApplicationName[261]: 24 + 822 × 2 bytes. */
        if (expect_mirror(what, q.ok, q.error, "WTSQuerySessionInformationW") &&
            check_true(str("%s: a whole WTSCONFIGINFOW", what), q.bytes >= 24 + 822 * 2)) {
            const ULONG *u = (const ULONG *)q.buffer;
            const jlong *n = jv_array_data(numbers, 'J');
            for (int i = 0; i < 6; i++) {
                check_u64(str("%s: number %d", what, i), u[i], (ULONGLONG)n[i]);
            }
            const WCHAR *t = (const WCHAR *)(u + 6);
            const WCHAR *const fields[5] = {t, t + 21, t + 39, t + 300, t + 561};
            const int capacities[5] = {21, 18, 261, 261, 261};
            check_record_texts(what, numbers, 6, units, fields, capacities, NULL, 5);
        }
        if (q.ok) {
            WTSFreeMemory(q.buffer);
        }
    }
}

void test_info_session_info_ex(void *fn, jclass cls) {
    for (int s = 0; s < QUERY_CASES; s++) {
        const char *what = str("WTSSessionInfoEx, %s", query_session_names[s]);
        jobject numbers = jni_new_array('J', 14 + 3), units = jni_new_array('C', 72);
        begin();
        ((RecordFn)fn)(env, cls, server_arg(s), (jint)query_sessions[s], numbers, units);
        leave_int(0); /* a void native: only its exception */
        direct_query q = query_directly(s, INFO_SESSION_INFO_EX);
        /* WTSINFOEXW: DWORD Level, then (8-aligned) WTSINFOEX_LEVEL1_W: SessionId,
         * SessionState, SessionFlags at 8/12/16, WinStationName[33] at 20, UserName[21] at 86,
         * DomainName[18] at 128, five LARGE_INTEGER times from 168, six DWORD counters from 208. */
        if (expect_mirror(what, q.ok, q.error, "WTSQuerySessionInformationW") &&
            check_true(str("%s: a whole WTSINFOEXW", what), q.bytes >= 232) &&
            check_u32(str("%s: Level", what), 1, *(const DWORD *)q.buffer)) {
            const BYTE *b = (const BYTE *)q.buffer;
            ULONGLONG expected[14];
            expected[0] = *(const DWORD *)(b + 8);
            expected[1] = *(const DWORD *)(b + 12);
            expected[2] = (ULONGLONG)(LONGLONG) * (const LONG *)(b + 16);
            for (int i = 0; i < 5; i++) {
                expected[3 + i] = *(const ULONGLONG *)(b + 168 + 8 * i);
            }
            for (int i = 0; i < 6; i++) {
                expected[8 + i] = *(const DWORD *)(b + 208 + 4 * i);
            }
            const jlong *n = jv_array_data(numbers, 'J');
            for (int i = 0; i < 14; i++) {
                check_u64(str("%s: number %d", what, i), expected[i], (ULONGLONG)n[i]);
            }
            const WCHAR *const fields[3] = {(const WCHAR *)(b + 20), (const WCHAR *)(b + 86),
                                            (const WCHAR *)(b + 128)};
            const int capacities[3] = {33, 21, 18};
            check_record_texts(what, numbers, 14, units, fields, capacities, NULL, 3);
        }
        if (q.ok) {
            WTSFreeMemory(q.buffer);
        }
    }
}

/* ---- EnumExNative -------------------------------------------------------------------- */

typedef jobject(JNICALL *EnumProcessesExFn)(JNIEnv *, jclass, jlong, jint);
typedef jobject(JNICALL *EnumSessionsExFn)(JNIEnv *, jclass, jlong);
typedef jobject(JNICALL *LookupFn)(JNIEnv *, jclass, jstring, jobject);
typedef BOOL(WINAPI *EnumerateExDirect)(HANDLE, DWORD *, DWORD, void **, DWORD *);
typedef BOOL(WINAPI *FreeMemoryExDirect)(int, void *, ULONG);

#define ANY_SESSION 0xFFFFFFFEu /* WTS_ANY_SESSION */
#define TYPE_PROCESS_INFO_LEVEL1 1
#define TYPE_SESSION_INFO_LEVEL1 2
/* WTS_PROCESS_INFO_EXW: size and where pUserSid / the counters / the times are. */
#define PROCESS_EX_SIZE (sizeof(void *) == 8 ? 64 : 56)
#define PROCESS_EX_COUNTERS (sizeof(void *) == 8 ? 24 : 16)
#define PROCESS_EX_TIMES (sizeof(void *) == 8 ? 48 : 40)

void test_enum_processes_ex(void *fn, jclass cls) {
    EnumerateExDirect direct = (EnumerateExDirect)(void *)wtsapi("WTSEnumerateProcessesExW");
    FreeMemoryExDirect freeEx = (FreeMemoryExDirect)(void *)wtsapi("WTSFreeMemoryExW");
    if (!check_true("wtsapi32 exports WTSEnumerateProcessesExW and WTSFreeMemoryExW",
                    direct != NULL && freeEx != NULL)) {
        return;
    }
    const char *what = "level 1, WTS_ANY_SESSION, local server";
    begin();
    jobject result = leave_object(((EnumProcessesExFn)fn)(env, cls, 0, (jint)ANY_SESSION));
    DWORD level = 1, count = 0;
    void *buffer = NULL;
    SetLastError(0);
    BOOL ok = direct(WTS_CURRENT_SERVER_HANDLE, &level, ANY_SESSION, &buffer, &count);
    DWORD error = GetLastError();
    if (expect_mirror(what, ok, error, "WTSEnumerateProcessesExW") &&
        check_u32(str("%s: Windows answered level 1", what), 1, level) &&
        expect_class(what, result, "[Ljava/lang/Object;")) {
        jobject numbers = jv_array_element(result, 0);
        const jlong *n = jv_array_data(numbers, 'J');
        if (check_u32(str("%s: 11 longs per process", what), 11 * count,
                      (DWORD)jv_array_length(numbers))) {
            for (DWORD i = 0; i < count; i++) {
                const BYTE *r = (const BYTE *)buffer + i * PROCESS_EX_SIZE;
                check_u64(str("%s: record %u: session", what, i), *(const DWORD *)r,
                          (ULONGLONG)n[11 * i]);
                check_u64(str("%s: record %u: pid", what, i), *(const DWORD *)(r + 4),
                          (ULONGLONG)n[11 * i + 1]);
                for (int k = 0; k < 6; k++) {
                    check_u64(str("%s: record %u: counter %d", what, i, k),
                              *(const DWORD *)(r + PROCESS_EX_COUNTERS + 4 * k),
                              (ULONGLONG)n[11 * i + 2 + k]);
                }
                for (int k = 0; k < 2; k++) {
                    check_u64(str("%s: record %u: time %d", what, i, k),
                              *(const ULONGLONG *)(r + PROCESS_EX_TIMES + 8 * k),
                              (ULONGLONG)n[11 * i + 8 + k]);
                }
            }
        }
    }
    if (ok) {
        freeEx(level == 1 ? TYPE_PROCESS_INFO_LEVEL1 : 0, buffer, count);
    }
}

void test_enum_sessions_ex(void *fn, jclass cls) {
    EnumerateExDirect direct = (EnumerateExDirect)(void *)wtsapi("WTSEnumerateSessionsExW");
    FreeMemoryExDirect freeEx = (FreeMemoryExDirect)(void *)wtsapi("WTSFreeMemoryExW");
    if (!check_true("wtsapi32 exports WTSEnumerateSessionsExW and WTSFreeMemoryExW",
                    direct != NULL && freeEx != NULL)) {
        return;
    }
    const char *what = "level 1, local server";
    begin();
    jobject result = leave_object(((EnumSessionsExFn)fn)(env, cls, 0));
    DWORD level = 1, count = 0;
    void *buffer = NULL;
    SetLastError(0);
    BOOL ok = direct(WTS_CURRENT_SERVER_HANDLE, &level, 0, &buffer, &count);
    DWORD error = GetLastError();
    if (expect_mirror(what, ok, error, "WTSEnumerateSessionsExW") &&
        expect_class(what, result, "[Ljava/lang/Object;")) {
        /* WTS_SESSION_INFO_1W: ExecEnvId, State, SessionId, then five string pointers. */
        jobject triples = jv_array_element(result, 0);
        const jint *t = jv_array_data(triples, 'I');
        size_t size = 12 + (sizeof(void *) == 8 ? 4 : 0) + 5 * sizeof(void *);
        if (check_u32(str("%s: 3 ints per session", what), 3 * count,
                      (DWORD)jv_array_length(triples))) {
            for (DWORD i = 0; i < count; i++) {
                const DWORD *r = (const DWORD *)((const BYTE *)buffer + i * size);
                for (int k = 0; k < 3; k++) {
                    check_u32(str("%s: session %u: value %d", what, i, k), r[k],
                              (DWORD)t[3 * i + k]);
                }
            }
        }
    }
    if (ok) {
        freeEx(TYPE_SESSION_INFO_LEVEL1, buffer, count);
    }
}

static void lookup(void *fn, jclass cls, const BYTE *sid, DWORD sidLength, const char *what) {
    jobject bytes = jni_new_array('B', (jsize)sidLength);
    BYTE *b = jv_array_data(bytes, 'B');
    for (DWORD i = 0; i < sidLength; i++) {
        b[i] = sid[i];
    }
    begin();
    jobject result = leave_object(((LookupFn)fn)(env, cls, NULL, bytes));
    static WCHAR name[256], domain[256];
    DWORD nameUnits = 256, domainUnits = 256;
    SID_NAME_USE use;
    SetLastError(0);
    BOOL ok = LookupAccountSidW(NULL, (PSID)sid, name, &nameUnits, domain, &domainUnits, &use);
    DWORD error = GetLastError();
    if (!ok && error == ERROR_NONE_MAPPED) {
        if (expect_no_throw(str("%s: no account (1332): null, no exception", what))) {
            check_true(str("%s: returns null", what), result == NULL);
        }
        return;
    }
    if (expect_mirror(what, ok, error, "LookupAccountSidW") &&
        expect_class(what, result, "[Ljava/lang/String;")) {
        expect_string(str("%s: domain", what), jv_array_element(result, 0), domain,
                      wide_length(domain));
        expect_string(str("%s: name", what), jv_array_element(result, 1), name,
                      wide_length(name));
    }
}

void test_lookup_account(void *fn, jclass cls) {
    HANDLE token;
    static BYTE user[256];
    DWORD length;
    if (check_true("OpenProcessToken", OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token))) {
        if (check_true("GetTokenInformation(TokenUser)",
                       GetTokenInformation(token, TokenUser, user, sizeof user, &length))) {
            PSID sid = ((TOKEN_USER *)user)->User.Sid;
            lookup(fn, cls, sid, GetLengthSid(sid), "this process's user SID");
        }
        CloseHandle(token);
    }
    /* S-1-5-21-1-2-3-4242: a domain account no domain has. */
    static const BYTE nobody[28] = {1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0, 1, 0,
                                    0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 0x92, 0x10, 0, 0};
    lookup(fn, cls, nobody, sizeof nobody, "S-1-5-21-1-2-3-4242 (nobody)");
}

/* ---- EventsNative -------------------------------------------------------------------- */

typedef void(JNICALL *InitFn)(JNIEnv *, jclass);
typedef jint(JNICALL *WaitFn)(JNIEnv *, jclass, jlong, jint);
typedef void(JNICALL *RegisterFn)(JNIEnv *, jclass, jlong, jint);
typedef void(JNICALL *UnregisterFn)(JNIEnv *, jclass, jlong);
typedef void(JNICALL *RegisterExFn)(JNIEnv *, jclass, jlong, jlong, jint);
typedef void(JNICALL *UnregisterExFn)(JNIEnv *, jclass, jlong, jlong);
typedef void(JNICALL *LoopFn)(JNIEnv *, jclass, jint);
typedef jboolean(JNICALL *PostQuitFn)(JNIEnv *, jclass, jint);
typedef BOOL(WINAPI *RegisterExDirect)(HANDLE, HWND, DWORD);

#define EVENTS_CLASS "io/github/wtsbridge/internal/EventsNative"

void test_events_init(void *fn, jclass cls) {
    jni_declare_static(EVENTS_CLASS, "loopStarted", "(JI)V");
    jni_declare_static(EVENTS_CLASS, "sessionChanged", "(II)V");
    int before = jni_global_count();
    begin();
    ((InitFn)fn)(env, cls);
    leave_int(0);
    if (expect_no_throw("finds loopStarted(JI)V and sessionChanged(II)V")) {
        check_u32("keeps one global reference (the class)", (DWORD)before + 1,
                  (DWORD)jni_global_count());
    }
    begin();
    ((InitFn)fn)(env, cls);
    leave_int(0);
    if (expect_no_throw("a second init")) {
        check_u32("a second init keeps no second reference", (DWORD)before + 1,
                  (DWORD)jni_global_count());
    }
}

/* A thread that calls WTSWaitSystemEvent directly, so that a wait that blocks (a real
 * implementation) cannot hang the harness: it is flushed. */
typedef struct waiter {
    HANDLE server;
    DWORD mask, flags, error;
    BOOL ok;
} waiter;

static DWORD WINAPI wait_directly(void *argument) {
    waiter *w = argument;
    SetLastError(0);
    w->ok = WTSWaitSystemEvent(w->server, w->mask, &w->flags);
    w->error = GetLastError();
    return 0;
}

static DWORD WINAPI flush_later(void *argument) {
    (void)argument;
    Sleep(300);
    DWORD flags;
    WTSWaitSystemEvent(WTS_CURRENT_SERVER_HANDLE, WTS_EVENT_FLUSH, &flags);
    return 0;
}

void test_events_wait(void *fn, jclass cls) {
    const char *what = "WTS_EVENT_ALL, local server";
    waiter w = {WTS_CURRENT_SERVER_HANDLE, WTS_EVENT_ALL, 0, 0, FALSE};
    HANDLE thread = CreateThread(NULL, 0, wait_directly, &w, 0, NULL);
    if (!check_true("CreateThread", thread != NULL)) {
        return;
    }
    int blocked = WaitForSingleObject(thread, 2000) == WAIT_TIMEOUT;
    if (blocked) {
        /* Windows waits for real: flush it, then have the shim's wait flushed the same way. */
        DWORD flags;
        WTSWaitSystemEvent(WTS_CURRENT_SERVER_HANDLE, WTS_EVENT_FLUSH, &flags);
        check_true("a flush ends the direct wait", WaitForSingleObject(thread, 5000) == 0);
        note("  WTSWaitSystemEvent blocks here: the shim's wait is ended by a flush\n");
        CloseHandle(CreateThread(NULL, 0, flush_later, NULL, 0, NULL));
    }
    CloseHandle(thread);
    begin();
    jint flags = leave_int(((WaitFn)fn)(env, cls, 0, (jint)WTS_EVENT_ALL));
    if (expect_mirror(what, w.ok, w.error, "WTSWaitSystemEvent")) {
        check_u32(str("%s: flags", what), blocked ? 0 : w.flags, (DWORD)flags);
    }
}

/* A message-only window of a predefined class, for the raw registration natives. */
static HWND own_window(void) {
    static HWND window;
    if (window == NULL) {
        window = CreateWindowExW(0, L"STATIC", L"wts-wine-test", 0, 0, 0, 0, 0, HWND_MESSAGE,
                                 NULL, NULL, NULL);
        if (window == NULL) {
            note("  CreateWindowExW(STATIC, HWND_MESSAGE) failed (%u): NULL window used\n",
                 GetLastError());
        }
    }
    return window;
}

void test_events_register(void *fn, jclass cls) {
    HWND window = own_window();
    for (int flags = 0; flags < 2; flags++) {
        const char *what = flags ? "NOTIFY_FOR_ALL_SESSIONS" : "NOTIFY_FOR_THIS_SESSION";
        begin();
        ((RegisterFn)fn)(env, cls, (jlong)(ULONG_PTR)window, flags);
        leave_int(0);
        SetLastError(0);
        BOOL ok = WTSRegisterSessionNotification(window, (DWORD)flags);
        expect_mirror(what, ok, GetLastError(), "WTSRegisterSessionNotification");
        WTSUnRegisterSessionNotification(window);
        WTSUnRegisterSessionNotification(window);
    }
}

void test_events_unregister(void *fn, jclass cls) {
    HWND window = own_window();
    WTSRegisterSessionNotification(window, 0);
    WTSRegisterSessionNotification(window, 0);
    const char *what = "a registered window";
    begin();
    ((UnregisterFn)fn)(env, cls, (jlong)(ULONG_PTR)window);
    leave_int(0);
    SetLastError(0);
    BOOL ok = WTSUnRegisterSessionNotification(window);
    expect_mirror(what, ok, GetLastError(), "WTSUnRegisterSessionNotification");
}

void test_events_register_ex(void *fn, jclass cls) {
    RegisterExDirect direct =
        (RegisterExDirect)(void *)wtsapi("WTSRegisterSessionNotificationEx");
    if (!check_true("wtsapi32 exports WTSRegisterSessionNotificationEx", direct != NULL)) {
        return;
    }
    HWND window = own_window();
    const char *what = "local server, NOTIFY_FOR_THIS_SESSION";
    begin();
    ((RegisterExFn)fn)(env, cls, 0, (jlong)(ULONG_PTR)window, 0);
    leave_int(0);
    SetLastError(0);
    BOOL ok = direct(WTS_CURRENT_SERVER_HANDLE, window, 0);
    expect_mirror(what, ok, GetLastError(), "WTSRegisterSessionNotificationEx");
    WTSUnRegisterSessionNotificationEx(WTS_CURRENT_SERVER_HANDLE, window);
    WTSUnRegisterSessionNotificationEx(WTS_CURRENT_SERVER_HANDLE, window);
}

void test_events_unregister_ex(void *fn, jclass cls) {
    HWND window = own_window();
    const char *what = "local server";
    begin();
    ((UnregisterExFn)fn)(env, cls, 0, (jlong)(ULONG_PTR)window);
    leave_int(0);
    SetLastError(0);
    BOOL ok = WTSUnRegisterSessionNotificationEx(WTS_CURRENT_SERVER_HANDLE, window);
    expect_mirror(what, ok, GetLastError(), "WTSUnRegisterSessionNotificationEx");
}

/* The message loop: the upcalls it makes, recorded by the static hook. */
static struct {
    int started, changed;
    HWND window;
    DWORD thread;
    BOOL windowAlive, posted;
    LONGLONG event, session;
} loop;
static volatile LONG loop_over;
static DWORD harness_thread;

static void on_upcall(const char *name, const char *signature, const LONGLONG *args, int count) {
    if (ascii_equals(name, "loopStarted") && ascii_equals(signature, "(JI)V") && count == 2) {
        loop.started++;
        loop.window = (HWND)(ULONG_PTR)args[0];
        loop.thread = (DWORD)args[1];
        loop.windowAlive = IsWindow(loop.window);
        /* As Windows would: a session change for the window, then the quit the Java side
         * posts through postQuit (here directly, to keep the two apart). */
        loop.posted = PostMessageW(loop.window, WM_USER + 7, WTS_SESSION_UNLOCK, 1) &&
                      PostMessageW(loop.window, WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK,
                                   (LPARAM)own_session()) &&
                      PostThreadMessageW(loop.thread, WM_QUIT, 0, 0);
    } else if (ascii_equals(name, "sessionChanged") && ascii_equals(signature, "(II)V") &&
               count == 2) {
        loop.changed++;
        loop.event = args[0];
        loop.session = args[1];
    } else {
        fail("upcall", str("unexpected static call %s%s", name, signature));
    }
}

/* If the loop never sees its WM_QUIT, this ends it after 10 s instead of hanging the run. */
static DWORD WINAPI loop_watchdog(void *argument) {
    (void)argument;
    for (int i = 0; i < 100 && !loop_over; i++) {
        Sleep(100);
    }
    if (!loop_over) {
        PostThreadMessageW(harness_thread, WM_QUIT, 0, 0);
    }
    return 0;
}

/* Runs the loop twice (a second subscription on the same thread must register its window
 * class again), for this session and for all sessions. The loopStarted upcall posts a message
 * that is not a session change (DefWindowProcW's), a WM_WTSSESSION_CHANGE and WM_QUIT. */
void test_events_message_loop(void *fn, jclass cls) {
    harness_thread = GetCurrentThreadId();
    for (int flags = 0; flags < 2; flags++) {
        const char *what = flags ? "NOTIFY_FOR_ALL_SESSIONS" : "NOTIFY_FOR_THIS_SESSION";
        BYTE *raw = (BYTE *)&loop;
        for (size_t i = 0; i < sizeof loop; i++) {
            raw[i] = 0;
        }
        loop_over = 0;
        HANDLE watchdog = CreateThread(NULL, 0, loop_watchdog, NULL, 0, NULL);
        jni_set_static_hook(on_upcall);
        begin();
        ((LoopFn)fn)(env, cls, flags);
        leave_int(0);
        loop_over = 1;
        jni_set_static_hook(NULL);
        if (watchdog != NULL) {
            WaitForSingleObject(watchdog, 2000);
            CloseHandle(watchdog);
        }
        if (!expect_no_throw(str("%s: the loop ran and ended on WM_QUIT", what)) ||
            !check_u32(str("%s: loopStarted(window, thread) was called once", what), 1,
                       (DWORD)loop.started)) {
            continue;
        }
        check_u32(str("%s: loopStarted: thread id == GetCurrentThreadId()", what),
                  harness_thread, loop.thread);
        check_true(str("%s: loopStarted: the window exists (IsWindow)", what), loop.windowAlive);
        check_true(str("%s: PostMessageW ×2 and PostThreadMessageW(WM_QUIT)", what), loop.posted);
        if (check_u32(str("%s: sessionChanged was called once (WM_USER + 7 was not a session "
                          "change)", what), 1, (DWORD)loop.changed)) {
            check_u32(str("%s: sessionChanged: event == wParam (WTS_SESSION_LOCK)", what),
                      WTS_SESSION_LOCK, (DWORD)loop.event);
            check_u32(str("%s: sessionChanged: session == lParam", what), own_session(),
                      (DWORD)loop.session);
        }
        check_true(str("%s: after the loop the window is destroyed", what),
                   !IsWindow(loop.window));
    }
}

void test_events_post_quit(void *fn, jclass cls) {
    DWORD self = GetCurrentThreadId();
    begin();
    jboolean posted = leave_int(((PostQuitFn)fn)(env, cls, (jint)self));
    if (expect_no_throw("this thread") && check_true("this thread: TRUE", posted == JNI_TRUE)) {
        MSG message;
        BOOL got = PeekMessageW(&message, NULL, WM_QUIT, WM_QUIT, PM_REMOVE);
        check_true("this thread's queue holds WM_QUIT (PeekMessageW)",
                   got && message.message == WM_QUIT);
    }
    /* A thread id no thread has (ids are multiples of 4). */
    DWORD none = 0x7FFFFFF1u;
    begin();
    posted = leave_int(((PostQuitFn)fn)(env, cls, (jint)none));
    BOOL direct = PostThreadMessageW(none, WM_QUIT, 0, 0);
    if (expect_no_throw("thread 0x7ffffff1 (none)")) {
        check_u32("thread 0x7ffffff1 (none): == PostThreadMessageW", direct ? 1 : 0,
                  posted ? 1 : 0);
    }
}
