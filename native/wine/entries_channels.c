/*
 * Entry-point tests: ChannelsNative (virtual channels).
 *
 * Wine 8.0's WTSVirtualChannel* functions are stubs: the opens return NULL and the rest FALSE,
 * none of them calling SetLastError. So each is asked of Wine directly with the same arguments
 * (a channel name no client has, a handle no channel has) and the shim must say the same; the
 * code 0 reaches Java as "failed without setting an error code". The kernel32 half of a
 * dynamic channel is real under Wine: DuplicateHandle and CreateEventW are checked on real
 * objects, and overlapped ReadFile/WriteFile, GetOverlappedResult and CancelIoEx on a named
 * pipe opened FILE_FLAG_OVERLAPPED, message mode, the way a channel's file handle is used.
 */
#include "entries.h"

#define HANDLE_ARG(h) ((jlong)(ULONG_PTR)(h))
/* WTSVirtualChannelOpenEx's flags, from Microsoft's page (mingw-w64's wtsapi32.h has none). */
#define WTS_CHANNEL_OPTION_DYNAMIC 0x00000001u
#define WTS_CHANNEL_OPTION_DYNAMIC_PRI_REAL 0x00000006u
#define WTS_CHANNEL_OPTION_DYNAMIC_NO_COMPRESS 0x00000008u
#define PDU_LENGTH 1608
#define TIMEOUT_CODE(e) ((e) == ERROR_IO_INCOMPLETE || (e) == WAIT_TIMEOUT || (e) == ERROR_TIMEOUT || \
                         (e) == ERROR_SEM_TIMEOUT)

typedef jlong(JNICALL *OpenFn)(JNIEnv *, jclass, jlong, jint, jobject);
typedef jlong(JNICALL *OpenExFn)(JNIEnv *, jclass, jint, jobject, jint);
typedef jboolean(JNICALL *CloseFn)(JNIEnv *, jclass, jlong);
typedef jint(JNICALL *ReadFn)(JNIEnv *, jclass, jlong, jint, jobject, jint);
typedef jint(JNICALL *WriteFn)(JNIEnv *, jclass, jlong, jobject, jint, jint);
typedef void(JNICALL *PurgeFn)(JNIEnv *, jclass, jlong, jboolean);
typedef jobject(JNICALL *ObjectFromHandleFn)(JNIEnv *, jclass, jlong);
typedef jlong(JNICALL *LongFromHandleFn)(JNIEnv *, jclass, jlong);
typedef jlong(JNICALL *CreateEventFn)(JNIEnv *, jclass);
typedef jint(JNICALL *StartIoFn)(JNIEnv *, jclass, jboolean, jlong, jobject, jint, jint, jobject,
                                 jlong);
typedef jint(JNICALL *IoResultFn)(JNIEnv *, jclass, jlong, jobject, jboolean);
typedef jboolean(JNICALL *CancelFn)(JNIEnv *, jclass, jlong);

static const char CHANNEL[] = "WINETST"; /* no client has it: there is no client */
static const char DYNAMIC[] = "WtsWine::NoSuchListener";
static const WCHAR PIPE[] = L"\\\\.\\pipe\\wts-wine-channel-test";

/* The name as Java passes it: ASCII bytes and a NUL. */
static jobject name_bytes(const char *name, int withNul) {
    int n = ascii_length(name) + (withNul ? 1 : 0);
    jobject array = jni_new_array('B', n);
    char *bytes = jv_array_data(array, 'B');
    for (int i = 0; i < n; i++) {
        bytes[i] = name[i];
    }
    return array;
}

static char *last_direct; /* the memory of the last direct_buffer() */

static jobject direct_buffer(jsize capacity) {
    last_direct = h_alloc((SIZE_T)capacity);
    return jni_new_direct_buffer(last_direct, capacity);
}

void test_channels_open(void *fn, jclass cls) {
    const char *what = "WTSVirtualChannelOpen(local, this session, a channel no client has)";
    begin();
    jlong handle = leave_long(((OpenFn)fn)(env, cls, 0, (jint)WTS_CURRENT_SESSION,
                                           name_bytes(CHANNEL, 1)));
    SetLastError(0);
    HANDLE direct = WTSVirtualChannelOpen(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION,
                                          (LPSTR)CHANNEL);
    DWORD error = GetLastError();
    if (expect_mirror(what, direct != NULL, error, "WTSVirtualChannelOpen")) {
        check_true(str("%s: a handle", what), handle != 0);
        WTSVirtualChannelClose((HANDLE)(ULONG_PTR)handle);
    }
    if (direct != NULL) {
        WTSVirtualChannelClose(direct);
    }
    begin();
    leave_long(((OpenFn)fn)(env, cls, 0, 1, NULL));
    expect_illegal_argument("null name: IllegalArgumentException, Windows not asked");
    begin();
    leave_long(((OpenFn)fn)(env, cls, 0, 1, name_bytes(CHANNEL, 0)));
    expect_illegal_argument("a name without its NUL: IllegalArgumentException, Windows not asked");
    static char tooLong[300];
    for (int i = 0; i < 299; i++) {
        tooLong[i] = 'x';
    }
    begin();
    leave_long(((OpenFn)fn)(env, cls, 0, 1, name_bytes(tooLong, 1)));
    expect_illegal_argument("a 299-byte name: IllegalArgumentException, Windows not asked");
}

void test_channels_open_ex(void *fn, jclass cls) {
    static const struct {
        const char *name;
        DWORD flags;
        const char *what;
    } cases[] = {
        {DYNAMIC, WTS_CHANNEL_OPTION_DYNAMIC | WTS_CHANNEL_OPTION_DYNAMIC_PRI_REAL |
                      WTS_CHANNEL_OPTION_DYNAMIC_NO_COMPRESS,
         "WTSVirtualChannelOpenEx(dynamic, real-time, no compression, a listener nobody has)"},
        {CHANNEL, 0, "WTSVirtualChannelOpenEx(flags 0: static, a channel no client has)"},
    };
    for (int c = 0; c < 2; c++) {
        begin();
        jlong handle = leave_long(((OpenExFn)fn)(env, cls, (jint)WTS_CURRENT_SESSION,
                                                 name_bytes(cases[c].name, 1), (jint)cases[c].flags));
        SetLastError(0);
        HANDLE direct = WTSVirtualChannelOpenEx(WTS_CURRENT_SESSION, (LPSTR)cases[c].name,
                                                cases[c].flags);
        DWORD error = GetLastError();
        if (expect_mirror(cases[c].what, direct != NULL, error, "WTSVirtualChannelOpenEx")) {
            check_true(str("%s: a handle", cases[c].what), handle != 0);
            WTSVirtualChannelClose((HANDLE)(ULONG_PTR)handle);
        }
        if (direct != NULL) {
            WTSVirtualChannelClose(direct);
        }
    }
}

void test_channels_close(void *fn, jclass cls) {
    begin();
    jboolean closed = (jboolean)leave_int(((CloseFn)fn)(env, cls, HANDLE_ARG(NO_SUCH_HANDLE)));
    expect_no_throw("WTSVirtualChannelClose(a handle no channel has) throws nothing");
    BOOL direct = WTSVirtualChannelClose(NO_SUCH_HANDLE);
    check_u32("WTSVirtualChannelClose(a handle no channel has): the shim's answer == Windows'",
              direct ? 1 : 0, closed ? 1 : 0);
    begin();
    closed = (jboolean)leave_int(((CloseFn)fn)(env, cls, 0));
    expect_no_throw("0: nothing closed, nothing thrown");
    check_u32("0: false", 0, closed);
}

void test_channels_read(void *fn, jclass cls) {
    const char *what = "WTSVirtualChannelRead(a handle no channel has, 0 ms)";
    jobject buffer = direct_buffer(PDU_LENGTH);
    begin();
    jint read = leave_int(((ReadFn)fn)(env, cls, HANDLE_ARG(NO_SUCH_HANDLE), 0, buffer, PDU_LENGTH));
    static char direct[PDU_LENGTH];
    ULONG bytes = 0;
    SetLastError(0);
    BOOL ok = WTSVirtualChannelRead(NO_SUCH_HANDLE, 0, direct, PDU_LENGTH, &bytes);
    DWORD error = GetLastError();
    if (!ok && TIMEOUT_CODE(error)) {
        expect_no_throw(str("%s: the time ran out (error %u)", what, error));
        check_u32(str("%s: -1", what), (DWORD)-1, (DWORD)read);
    } else if (expect_mirror(what, ok, error, "WTSVirtualChannelRead")) {
        check_u32(str("%s: the bytes read (-1 for none)", what), bytes == 0 ? (DWORD)-1 : bytes,
                  (DWORD)read);
    }
    begin();
    leave_int(((ReadFn)fn)(env, cls, HANDLE_ARG(NO_SUCH_HANDLE), 0, NULL, PDU_LENGTH));
    expect_illegal_argument("no buffer: IllegalArgumentException, Windows not asked");
    begin();
    leave_int(((ReadFn)fn)(env, cls, HANDLE_ARG(NO_SUCH_HANDLE), 0, direct_buffer(16), PDU_LENGTH));
    expect_illegal_argument("a size beyond the buffer's capacity: IllegalArgumentException");
    begin();
    leave_int(((ReadFn)fn)(env, cls, HANDLE_ARG(NO_SUCH_HANDLE), 0, jni_new_array('B', 16), 16));
    expect_illegal_argument("a byte[] instead of a direct buffer: IllegalArgumentException");
}

void test_channels_write(void *fn, jclass cls) {
    const char *what = "WTSVirtualChannelWrite(a handle no channel has, 4 bytes)";
    jobject buffer = direct_buffer(8);
    begin();
    jint written = leave_int(((WriteFn)fn)(env, cls, HANDLE_ARG(NO_SUCH_HANDLE), buffer, 2, 4));
    static char data[8];
    ULONG bytes = 0;
    SetLastError(0);
    BOOL ok = WTSVirtualChannelWrite(NO_SUCH_HANDLE, data + 2, 4, &bytes);
    if (expect_mirror(what, ok, GetLastError(), "WTSVirtualChannelWrite")) {
        check_u32(str("%s: bytes written", what), bytes, (DWORD)written);
    }
    begin();
    leave_int(((WriteFn)fn)(env, cls, HANDLE_ARG(NO_SUCH_HANDLE), buffer, 6, 4));
    expect_illegal_argument("offset + length beyond the buffer: IllegalArgumentException");
    begin();
    leave_int(((WriteFn)fn)(env, cls, HANDLE_ARG(NO_SUCH_HANDLE), buffer, -1, 4));
    expect_illegal_argument("a negative offset: IllegalArgumentException");
}

void test_channels_purge(void *fn, jclass cls) {
    for (int output = 0; output < 2; output++) {
        const char *function = output ? "WTSVirtualChannelPurgeOutput" : "WTSVirtualChannelPurgeInput";
        begin();
        ((PurgeFn)fn)(env, cls, HANDLE_ARG(NO_SUCH_HANDLE), (jboolean)output);
        leave_int(0);
        SetLastError(0);
        BOOL ok = output ? WTSVirtualChannelPurgeOutput(NO_SUCH_HANDLE)
                         : WTSVirtualChannelPurgeInput(NO_SUCH_HANDLE);
        expect_mirror(str("%s(a handle no channel has)", function), ok, GetLastError(), function);
    }
}

static void query(void *fn, jclass cls, WTS_VIRTUAL_CLASS virtualClass, const char *what) {
    begin();
    jobject result = leave_object(((ObjectFromHandleFn)fn)(env, cls, HANDLE_ARG(NO_SUCH_HANDLE)));
    PVOID buffer = NULL;
    DWORD bytes = 0;
    SetLastError(0);
    BOOL ok = WTSVirtualChannelQuery(NO_SUCH_HANDLE, virtualClass, &buffer, &bytes);
    if (expect_mirror(what, ok, GetLastError(), "WTSVirtualChannelQuery")) {
        check_true(str("%s: a value", what), result != NULL);
    }
    if (ok) {
        WTSFreeMemory(buffer);
    }
}

void test_channels_query_client_data(void *fn, jclass cls) {
    query(fn, cls, WTSVirtualClientData, "WTSVirtualChannelQuery(a handle no channel has, WTSVirtualClientData)");
}

void test_channels_query_file_handle(void *fn, jclass cls) {
    const char *what = "WTSVirtualChannelQuery(a handle no channel has, WTSVirtualFileHandle)";
    begin();
    jlong file = leave_long(((LongFromHandleFn)fn)(env, cls, HANDLE_ARG(NO_SUCH_HANDLE)));
    PVOID buffer = NULL;
    DWORD bytes = 0;
    SetLastError(0);
    BOOL ok = WTSVirtualChannelQuery(NO_SUCH_HANDLE, WTSVirtualFileHandle, &buffer, &bytes);
    if (expect_mirror(what, ok, GetLastError(), "WTSVirtualChannelQuery")) {
        check_true(str("%s: the handle in the reply", what),
                   bytes >= sizeof(HANDLE) && file == HANDLE_ARG(*(HANDLE *)buffer));
    }
    if (ok) {
        WTSFreeMemory(buffer);
    }
}

/* ---- the kernel32 half: real objects under Wine ---------------------------------------- */

void test_channels_duplicate(void *fn, jclass cls) {
    HANDLE event = CreateEventW(NULL, TRUE, FALSE, NULL);
    begin();
    jlong copy = leave_long(((LongFromHandleFn)fn)(env, cls, HANDLE_ARG(event)));
    if (expect_no_throw("DuplicateHandle(an event of this process)") &&
        check_true("DuplicateHandle: a new handle", copy != 0 && copy != HANDLE_ARG(event))) {
        SetEvent(event);
        check_u32("DuplicateHandle: the copy is the same event (signalled through the original)",
                  WAIT_OBJECT_0, WaitForSingleObject((HANDLE)(ULONG_PTR)copy, 0));
        CloseHandle((HANDLE)(ULONG_PTR)copy);
    }
    CloseHandle(event);

    begin();
    leave_long(((LongFromHandleFn)fn)(env, cls, HANDLE_ARG(NO_SUCH_HANDLE)));
    HANDLE direct = NULL;
    SetLastError(0);
    BOOL ok = DuplicateHandle(GetCurrentProcess(), NO_SUCH_HANDLE, GetCurrentProcess(), &direct, 0,
                              FALSE, DUPLICATE_SAME_ACCESS);
    expect_mirror("DuplicateHandle(a handle no object has)", ok, GetLastError(), "DuplicateHandle");
    if (ok) {
        CloseHandle(direct);
    }
}

void test_channels_create_event(void *fn, jclass cls) {
    begin();
    jlong event = leave_long(((CreateEventFn)fn)(env, cls));
    if (expect_no_throw("CreateEventW") && check_true("CreateEventW: a handle", event != 0)) {
        HANDLE h = (HANDLE)(ULONG_PTR)event;
        check_u32("CreateEventW: not signalled", WAIT_TIMEOUT, WaitForSingleObject(h, 0));
        SetEvent(h);
        check_u32("CreateEventW: signalled", WAIT_OBJECT_0, WaitForSingleObject(h, 0));
        check_u32("CreateEventW: manual reset (still signalled)", WAIT_OBJECT_0, WaitForSingleObject(h, 0));
        CloseHandle(h);
    }
}

/* A message-mode pipe opened overlapped (the server end) and its synchronous client end. */
static HANDLE pipe_server, pipe_client;

static int open_pipe(void) {
    if (pipe_server != NULL) {
        return 1;
    }
    pipe_server = CreateNamedPipeW(PIPE, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED,
                                   PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_WAIT, 1, 4096,
                                   4096, 0, NULL);
    if (pipe_server == INVALID_HANDLE_VALUE) {
        pipe_server = NULL;
        fail("CreateNamedPipeW", str("error %u: the overlapped checks cannot run", GetLastError()));
        return 0;
    }
    pipe_client = CreateFileW(PIPE, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    if (pipe_client == INVALID_HANDLE_VALUE) {
        fail("CreateFileW(the pipe)", str("error %u: the overlapped checks cannot run", GetLastError()));
        return 0;
    }
    return 1;
}

static jobject read_ov, write_ov, read_buffer, write_buffer;
static char *read_memory;
static HANDLE read_event, write_event;

static void io_objects(void) {
    if (read_ov == NULL) {
        read_ov = direct_buffer(32);
        write_ov = direct_buffer(32);
        read_buffer = direct_buffer(PDU_LENGTH);
        read_memory = last_direct;
        write_buffer = direct_buffer(16);
        for (int i = 0; i < 5; i++) {
            last_direct[i] = "pipe!"[i];
        }
        read_event = CreateEventW(NULL, TRUE, FALSE, NULL);
        write_event = CreateEventW(NULL, TRUE, FALSE, NULL);
    }
}

void test_channels_start_io(void *fn, jclass cls) {
    if (!open_pipe()) {
        return;
    }
    io_objects();
    /* A read with nothing to read: pending. (ioResult and cancelIo finish it.) */
    begin();
    jint done = leave_int(((StartIoFn)fn)(env, cls, JNI_FALSE, HANDLE_ARG(pipe_server), read_buffer,
                                          0, PDU_LENGTH, read_ov, HANDLE_ARG(read_event)));
    if (expect_no_throw("ReadFile(overlapped, nothing to read)")) {
        check_u32("ReadFile(overlapped, nothing to read): pending (0)", 0, (DWORD)done);
        check_u32("ReadFile: the event is reset while pending", WAIT_TIMEOUT,
                  WaitForSingleObject(read_event, 0));
    }
    /* A write: done at once or pending; either way the event ends signalled. */
    begin();
    done = leave_int(((StartIoFn)fn)(env, cls, JNI_TRUE, HANDLE_ARG(pipe_server), write_buffer, 0,
                                     5, write_ov, HANDLE_ARG(write_event)));
    if (expect_no_throw("WriteFile(overlapped, 5 bytes)")) {
        check_true("WriteFile(overlapped): 1 (done) or 0 (pending)", done == 0 || done == 1);
        check_u32("WriteFile: the event is signalled when it completes", WAIT_OBJECT_0,
                  WaitForSingleObject(write_event, 5000));
    }
    /* A handle no object has: what ReadFile says. */
    static char direct[16];
    OVERLAPPED ov = {0};
    ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    begin();
    leave_int(((StartIoFn)fn)(env, cls, JNI_FALSE, HANDLE_ARG(NO_SUCH_HANDLE), read_buffer, 0, 16,
                              direct_buffer(32), HANDLE_ARG(ov.hEvent)));
    SetLastError(0);
    BOOL ok = ReadFile(NO_SUCH_HANDLE, direct, 16, NULL, &ov);
    DWORD error = GetLastError();
    if (!ok && error == ERROR_IO_PENDING) {
        fail("ReadFile(a handle no object has)", "Wine left it pending");
    } else {
        expect_mirror("ReadFile(a handle no object has)", ok, error, "ReadFile");
    }
    CloseHandle(ov.hEvent);
    begin();
    leave_int(((StartIoFn)fn)(env, cls, JNI_FALSE, HANDLE_ARG(pipe_server), read_buffer, 0, 16,
                              direct_buffer(8), HANDLE_ARG(read_event)));
    expect_illegal_argument("an OVERLAPPED buffer smaller than OVERLAPPED: IllegalArgumentException");
}

void test_channels_io_result(void *fn, jclass cls) {
    if (!open_pipe()) {
        return;
    }
    io_objects();
    /* The write startIo began: 5 bytes, which the client end receives. */
    begin();
    jint moved = leave_int(((IoResultFn)fn)(env, cls, HANDLE_ARG(pipe_server), write_ov, JNI_TRUE));
    if (expect_no_throw("GetOverlappedResult(the write)")) {
        check_u32("GetOverlappedResult(the write): 5 bytes", 5, (DWORD)moved);
        static char got[16];
        DWORD n = 0;
        check_true("the client end read the message", ReadFile(pipe_client, got, 16, &n, NULL));
        check_u32("the client end read 5 bytes", 5, n);
        check_true("the client end read what the direct buffer held",
                   got[0] == 'p' && got[1] == 'i' && got[4] == '!');
    }
    /* The read startIo left pending: not done yet, then done once the client writes. */
    begin();
    leave_int(((IoResultFn)fn)(env, cls, HANDLE_ARG(pipe_server), read_ov, JNI_FALSE));
    expect_wts_exception("GetOverlappedResult(the pending read, no wait)", ERROR_IO_INCOMPLETE,
                         "GetOverlappedResult");
    static const char hello[] = "hello, channel";
    DWORD n = 0;
    WriteFile(pipe_client, hello, 14, &n, NULL);
    check_u32("the read completes: its event is signalled", WAIT_OBJECT_0,
              WaitForSingleObject(read_event, 5000));
    begin();
    moved = leave_int(((IoResultFn)fn)(env, cls, HANDLE_ARG(pipe_server), read_ov, JNI_FALSE));
    if (expect_no_throw("GetOverlappedResult(the completed read)") &&
        check_u32("GetOverlappedResult(the completed read): 14 bytes", 14, (DWORD)moved)) {
        int same = 1;
        for (int i = 0; i < 14; i++) {
            same &= read_memory[i] == hello[i];
        }
        check_true("the read landed in the direct buffer", same);
    }
}

void test_channels_cancel_io(void *fn, jclass cls) {
    if (!open_pipe()) {
        return;
    }
    io_objects();
    begin();
    jboolean cancelled = (jboolean)leave_int(((CancelFn)fn)(env, cls, HANDLE_ARG(pipe_server)));
    expect_no_throw("CancelIoEx(nothing pending)");
    BOOL direct = CancelIoEx(pipe_server, NULL);
    check_u32("CancelIoEx(nothing pending): the shim's answer == Windows' (asked right after)",
              direct ? 1 : 0, cancelled ? 1 : 0);
    /* A pending read, cancelled: GetOverlappedResult then says ERROR_OPERATION_ABORTED. */
    OVERLAPPED ov = {0};
    ov.hEvent = read_event;
    ResetEvent(read_event);
    static char buffer[PDU_LENGTH];
    BOOL ok = ReadFile(pipe_server, buffer, PDU_LENGTH, NULL, &ov);
    check_true("a read with nothing to read is pending", !ok && GetLastError() == ERROR_IO_PENDING);
    begin();
    cancelled = (jboolean)leave_int(((CancelFn)fn)(env, cls, HANDLE_ARG(pipe_server)));
    expect_no_throw("CancelIoEx(a read pending)");
    check_u32("CancelIoEx(a read pending): true", 1, cancelled);
    DWORD n = 0;
    SetLastError(0);
    ok = GetOverlappedResult(pipe_server, &ov, &n, TRUE);
    check_u32("the cancelled read: ERROR_OPERATION_ABORTED", ERROR_OPERATION_ABORTED,
              ok ? 0 : GetLastError());
    begin();
    cancelled = (jboolean)leave_int(((CancelFn)fn)(env, cls, 0));
    expect_no_throw("0: nothing cancelled, nothing thrown");
    check_u32("0: false", 0, cancelled);
}
