/*
 * Natives of io.github.wtsbridge.internal.ChannelsNative: the server end of RDP virtual
 * channels. One Windows call per native; Java keeps the state (which I/O is pending), owns
 * the memory Windows reads and writes (direct ByteBuffers, alive until the I/O completes)
 * and reassembles the CHANNEL_PDU_HEADER chunks. Waiting on an event and closing a kernel
 * handle are LaunchNative.waitForProcess / closeHandle (WaitForSingleObject, CloseHandle).
 */
#include "jni_util.h"

#define FN(name) Java_io_github_wtsbridge_internal_ChannelsNative_##name

/* A dynamic channel's name is at most MAX_PATH characters; Java passes it NUL-terminated. */
#define NAME_CAPACITY 261

/* The name as Java built it (ASCII, NUL-terminated) into out; 0 with an exception if not. */
static int channel_name(JNIEnv *env, jbyteArray name, char *out) {
    jsize length = name == NULL ? 0 : (*env)->GetArrayLength(env, name);
    if (length < 2 || length > NAME_CAPACITY) {
        wts_throw_illegal_argument(env, "channel name: 1 to 260 bytes and a NUL");
        return 0;
    }
    (*env)->GetByteArrayRegion(env, name, 0, length, (jbyte *)out);
    if (out[length - 1] != 0) {
        wts_throw_illegal_argument(env, "channel name without its NUL terminator");
        return 0;
    }
    return 1;
}

/* offset..offset+length of a direct buffer; NULL with IllegalArgumentException if not one. */
static char *direct(JNIEnv *env, jobject buffer, jint offset, jint length) {
    char *base = buffer == NULL ? NULL : (char *)(*env)->GetDirectBufferAddress(env, buffer);
    jlong capacity = base == NULL ? -1 : (*env)->GetDirectBufferCapacity(env, buffer);
    if (base == NULL || offset < 0 || length < 0 || (jlong)offset + length > capacity) {
        wts_throw_illegal_argument(env, "not a direct buffer of that size");
        return NULL;
    }
    return base + offset;
}

static jlong opened(JNIEnv *env, HANDLE channel, const char *function) {
    if (channel == NULL) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, function);
    }
    return (jlong)(intptr_t)channel;
}

/* WTSVirtualChannelOpen: a static channel; never 0 on success. */
JNIEXPORT jlong JNICALL FN(open)(JNIEnv *env, jclass cls, jlong server, jint session,
                                 jbyteArray name) {
    (void)cls;
    WTS_REQUIRE(env, WTSVirtualChannelOpen, 0);
    char text[NAME_CAPACITY];
    if (!channel_name(env, name, text)) {
        return 0;
    }
    WTS_CLEAR_LAST_ERROR();
    return opened(env, WTS.WTSVirtualChannelOpen(WTS_SERVER(server), (DWORD)session, text),
                  "WTSVirtualChannelOpen");
}

/* WTSVirtualChannelOpenEx: flags 0 (static) or WTS_CHANNEL_OPTION_DYNAMIC | priority | … */
JNIEXPORT jlong JNICALL FN(openEx)(JNIEnv *env, jclass cls, jint session, jbyteArray name,
                                   jint flags) {
    (void)cls;
    WTS_REQUIRE(env, WTSVirtualChannelOpenEx, 0);
    char text[NAME_CAPACITY];
    if (!channel_name(env, name, text)) {
        return 0;
    }
    WTS_CLEAR_LAST_ERROR();
    return opened(env, WTS.WTSVirtualChannelOpenEx((DWORD)session, text, (DWORD)flags),
                  "WTSVirtualChannelOpenEx");
}

/* WTSVirtualChannelClose; false if Windows refused. Never throws: it runs from close(). */
JNIEXPORT jboolean JNICALL FN(close)(JNIEnv *env, jclass cls, jlong channel) {
    (void)env, (void)cls;
    if (WTS.WTSVirtualChannelClose == NULL || channel == 0) {
        return JNI_FALSE;
    }
    return WTS.WTSVirtualChannelClose((HANDLE)(intptr_t)channel) ? JNI_TRUE : JNI_FALSE;
}

/*
 * WTSVirtualChannelRead into the first `size` bytes of a direct buffer: the bytes read, or -1
 * when the time ran out (Microsoft does not document how: a FALSE with ERROR_IO_INCOMPLETE,
 * WAIT_TIMEOUT, ERROR_TIMEOUT or ERROR_SEM_TIMEOUT counts as that; so does a TRUE with 0).
 */
JNIEXPORT jint JNICALL FN(read)(JNIEnv *env, jclass cls, jlong channel, jint timeout,
                                jobject buffer, jint size) {
    (void)cls;
    WTS_REQUIRE(env, WTSVirtualChannelRead, 0);
    char *to = direct(env, buffer, 0, size);
    if (to == NULL) {
        return 0;
    }
    DWORD read = 0;
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.WTSVirtualChannelRead((HANDLE)(intptr_t)channel, (DWORD)timeout, to, (DWORD)size,
                                   &read)) {
        DWORD error = WTS.GetLastError();
        if (error == WTS_ERROR_IO_INCOMPLETE || error == WTS_WAIT_TIMEOUT ||
            error == WTS_ERROR_TIMEOUT || error == WTS_ERROR_SEM_TIMEOUT) {
            return -1;
        }
        wts_throw_win32(env, error, "WTSVirtualChannelRead");
        return 0;
    }
    if (read > (DWORD)size) {
        wts_throw_win32(env, WTS_ERROR_INVALID_DATA, "WTSVirtualChannelRead");
        return 0;
    }
    return read == 0 ? -1 : (jint)read;
}

/* WTSVirtualChannelWrite of length bytes at offset of a direct buffer: the bytes written. */
JNIEXPORT jint JNICALL FN(write)(JNIEnv *env, jclass cls, jlong channel, jobject buffer,
                                 jint offset, jint length) {
    (void)cls;
    WTS_REQUIRE(env, WTSVirtualChannelWrite, 0);
    char *from = direct(env, buffer, offset, length);
    if (from == NULL) {
        return 0;
    }
    DWORD written = 0;
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.WTSVirtualChannelWrite((HANDLE)(intptr_t)channel, from, (DWORD)length, &written)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "WTSVirtualChannelWrite");
        return 0;
    }
    if (written > (DWORD)length) {
        wts_throw_win32(env, WTS_ERROR_INVALID_DATA, "WTSVirtualChannelWrite");
        return 0;
    }
    return (jint)written;
}

/* WTSVirtualChannelPurgeOutput (output true) or WTSVirtualChannelPurgeInput. */
JNIEXPORT void JNICALL FN(purge)(JNIEnv *env, jclass cls, jlong channel, jboolean output) {
    (void)cls;
    BOOL(WINAPI * purge)(HANDLE) =
        output ? WTS.WTSVirtualChannelPurgeOutput : WTS.WTSVirtualChannelPurgeInput;
    const char *function = output ? "WTSVirtualChannelPurgeOutput" : "WTSVirtualChannelPurgeInput";
    if (purge == NULL) {
        wts_throw_win32(env, WTS_ERROR_PROC_NOT_FOUND, function);
        return;
    }
    WTS_CLEAR_LAST_ERROR();
    if (!purge((HANDLE)(intptr_t)channel)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, function);
    }
}

/* WTSVirtualChannelQuery: the reply (freed on every path); NULL with an exception pending. */
static void *query(JNIEnv *env, jlong channel, DWORD virtualClass, DWORD *bytes) {
    WTS_REQUIRE(env, WTSVirtualChannelQuery, NULL);
    void *buffer = NULL;
    *bytes = 0;
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.WTSVirtualChannelQuery((HANDLE)(intptr_t)channel, virtualClass, &buffer, bytes)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "WTSVirtualChannelQuery");
        return NULL;
    }
    if (buffer == NULL && *bytes > 0) {
        wts_throw_win32(env, WTS_ERROR_INVALID_DATA, "WTSVirtualChannelQuery");
    }
    return buffer;
}

/* WTSVirtualClientData: the bytes as Windows gives them. */
JNIEXPORT jbyteArray JNICALL FN(queryClientData)(JNIEnv *env, jclass cls, jlong channel) {
    (void)cls;
    DWORD bytes;
    void *buffer = query(env, channel, WTS_VIRTUAL_CLIENT_DATA, &bytes);
    jbyteArray data = NULL;
    if (!(*env)->ExceptionCheck(env) && bytes <= 0x7FFFFFFF) {
        data = (*env)->NewByteArray(env, (jsize)bytes);
        if (data != NULL && bytes > 0) {
            (*env)->SetByteArrayRegion(env, data, 0, (jsize)bytes, (const jbyte *)buffer);
        }
    }
    if (buffer != NULL) {
        WTS.WTSFreeMemory(buffer);
    }
    return data;
}

/* WTSVirtualFileHandle: the channel's own file handle (the channel closes it; do not). */
JNIEXPORT jlong JNICALL FN(queryFileHandle)(JNIEnv *env, jclass cls, jlong channel) {
    (void)cls;
    DWORD bytes;
    void *buffer = query(env, channel, WTS_VIRTUAL_FILE_HANDLE, &bytes);
    HANDLE file = NULL;
    if (buffer != NULL && bytes >= sizeof(HANDLE)) {
        wts_copy(&file, buffer, sizeof file);
    }
    if (buffer != NULL) {
        WTS.WTSFreeMemory(buffer);
    }
    if (file == NULL && !(*env)->ExceptionCheck(env)) {
        wts_throw_win32(env, WTS_ERROR_INVALID_DATA, "WTSVirtualChannelQuery");
    }
    return (jlong)(intptr_t)file;
}

/* DuplicateHandle within this process, same access: a handle the caller must close. */
JNIEXPORT jlong JNICALL FN(duplicateHandle)(JNIEnv *env, jclass cls, jlong handle) {
    (void)cls;
    WTS_REQUIRE(env, DuplicateHandle, 0);
    HANDLE copy = NULL;
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.DuplicateHandle(WTS_CURRENT_PROCESS, (HANDLE)(intptr_t)handle, WTS_CURRENT_PROCESS,
                             &copy, 0, 0, WTS_DUPLICATE_SAME_ACCESS)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "DuplicateHandle");
        return 0;
    }
    return (jlong)(intptr_t)copy;
}

/* CreateEventW: a manual-reset event, not signalled, for one OVERLAPPED. */
JNIEXPORT jlong JNICALL FN(createEvent)(JNIEnv *env, jclass cls) {
    (void)cls;
    WTS_REQUIRE(env, CreateEventW, 0);
    WTS_CLEAR_LAST_ERROR();
    return opened(env, WTS.CreateEventW(NULL, 1, 0, NULL), "CreateEventW");
}

/*
 * ReadFile (write false) or WriteFile (write true) of length bytes at offset of a direct
 * buffer, overlapped: the OVERLAPPED (a direct buffer) is zeroed and given the event first.
 * 1: done at once; 0: pending (ERROR_IO_PENDING). Either way the event is signalled when it
 * completes and GetOverlappedResult (ioResult) gives the count. Both buffers must stay alive
 * and untouched until then.
 */
JNIEXPORT jint JNICALL FN(startIo)(JNIEnv *env, jclass cls, jboolean write, jlong file,
                                   jobject buffer, jint offset, jint length, jobject overlapped,
                                   jlong event) {
    (void)cls;
    const char *function = write ? "WriteFile" : "ReadFile";
    if ((write ? (void *)WTS.WriteFile : (void *)WTS.ReadFile) == NULL) {
        wts_throw_win32(env, WTS_ERROR_PROC_NOT_FOUND, function);
        return 0;
    }
    char *data = direct(env, buffer, offset, length);
    OVERLAPPED *ov =
        data == NULL ? NULL : (OVERLAPPED *)direct(env, overlapped, 0, (jint)sizeof(OVERLAPPED));
    if (ov == NULL) {
        return 0;
    }
    OVERLAPPED fresh = {0, 0, 0, 0, (HANDLE)(intptr_t)event};
    *ov = fresh;
    HANDLE handle = (HANDLE)(intptr_t)file;
    WTS_CLEAR_LAST_ERROR();
    BOOL done = write ? WTS.WriteFile(handle, data, (DWORD)length, NULL, ov)
                      : WTS.ReadFile(handle, data, (DWORD)length, NULL, ov);
    if (done) {
        return 1;
    }
    DWORD error = WTS.GetLastError();
    if (error != WTS_ERROR_IO_PENDING) {
        wts_throw_win32(env, error, function);
    }
    return 0;
}

/* GetOverlappedResult: the bytes the completed ReadFile/WriteFile moved (wait: until done). */
JNIEXPORT jint JNICALL FN(ioResult)(JNIEnv *env, jclass cls, jlong file, jobject overlapped,
                                    jboolean wait) {
    (void)cls;
    WTS_REQUIRE(env, GetOverlappedResult, 0);
    OVERLAPPED *ov = (OVERLAPPED *)direct(env, overlapped, 0, (jint)sizeof(OVERLAPPED));
    if (ov == NULL) {
        return 0;
    }
    DWORD moved = 0;
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.GetOverlappedResult((HANDLE)(intptr_t)file, ov, &moved, wait ? 1 : 0)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "GetOverlappedResult");
        return 0;
    }
    return moved > 0x7FFFFFFF ? 0x7FFFFFFF : (jint)moved;
}

/* CancelIoEx(file, NULL): every I/O this process has pending on the handle; false if none.
 * Never throws: it runs from close(). */
JNIEXPORT jboolean JNICALL FN(cancelIo)(JNIEnv *env, jclass cls, jlong file) {
    (void)env, (void)cls;
    if (WTS.CancelIoEx == NULL || file == 0) {
        return JNI_FALSE;
    }
    return WTS.CancelIoEx((HANDLE)(intptr_t)file, NULL) ? JNI_TRUE : JNI_FALSE;
}
