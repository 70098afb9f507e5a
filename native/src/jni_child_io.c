/*
 * Natives of io.github.wtsbridge.internal.ChildIoNative: the standard handles of a program
 * started in a user's session. The child's ends are made inheritable (and only they: the
 * parent's ends and every other handle of the JVM stay non-inheritable, and
 * CreateProcessAsUserW gets them in a PROC_THREAD_ATTRIBUTE_HANDLE_LIST, see jni_launch.c);
 * the parent's ends are read and written synchronously here, one call per ReadFile/WriteFile.
 */
#include "jni_util.h"

#define FN(name) Java_io_github_wtsbridge_internal_ChildIoNative_##name

#define HANDLE_OF(value) ((HANDLE)(intptr_t)(value))
/* The most one ReadFile/WriteFile moves through the bounce buffer. */
#define MAX_CHUNK 65536

/* CreatePipe; {parent's end, child's end}: the child's end (the read end when childReads,
 * else the write end) made inheritable with SetHandleInformation, the parent's not. */
JNIEXPORT jlongArray JNICALL FN(createPipe)(JNIEnv *env, jclass cls, jboolean childReads) {
    (void)cls;
    WTS_REQUIRE(env, CreatePipe, NULL);
    WTS_REQUIRE(env, SetHandleInformation, NULL);
    WTS_REQUIRE(env, CloseHandle, NULL);
    HANDLE readEnd = NULL, writeEnd = NULL;
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.CreatePipe(&readEnd, &writeEnd, NULL, 0)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "CreatePipe");
        return NULL;
    }
    HANDLE parent = childReads ? writeEnd : readEnd;
    HANDLE child = childReads ? readEnd : writeEnd;
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.SetHandleInformation(child, WTS_HANDLE_FLAG_INHERIT, WTS_HANDLE_FLAG_INHERIT)) {
        DWORD error = WTS.GetLastError();
        WTS.CloseHandle(readEnd);
        WTS.CloseHandle(writeEnd);
        wts_throw_win32(env, error, "SetHandleInformation");
        return NULL;
    }
    jlongArray result = (*env)->NewLongArray(env, 2);
    if (result == NULL) {
        WTS.CloseHandle(readEnd);
        WTS.CloseHandle(writeEnd);
        return NULL;
    }
    jlong values[2] = {(jlong)(intptr_t)parent, (jlong)(intptr_t)child};
    (*env)->SetLongArrayRegion(env, result, 0, 2, values);
    return result;
}

/* CreateFileW as an inheritable handle: mode 0 read (the file must exist), 1 write (created
 * or truncated), 2 append (created if missing). Shared for reading and writing. */
JNIEXPORT jlong JNICALL FN(openFile)(JNIEnv *env, jclass cls, jcharArray path, jint mode) {
    (void)cls;
    WTS_REQUIRE(env, CreateFileW, 0);
    if (path == NULL || mode < 0 || mode > 2) {
        wts_throw_illegal_argument(env, "no path or a bad mode");
        return 0;
    }
    jsize length = (*env)->GetArrayLength(env, path);
    WCHAR *name = wts_alloc(((size_t)length + 1) * sizeof(WCHAR));
    if (name == NULL) {
        wts_throw_win32(env, WTS_ERROR_NOT_ENOUGH_MEMORY, "CreateFileW");
        return 0;
    }
    (*env)->GetCharArrayRegion(env, path, 0, length, (jchar *)name);
    name[length] = 0;
    SECURITY_ATTRIBUTES inherit = {sizeof(SECURITY_ATTRIBUTES), NULL, 1};
    static const DWORD access[3] = {WTS_GENERIC_READ, WTS_GENERIC_WRITE, WTS_FILE_APPEND_DATA};
    static const DWORD disposition[3] = {WTS_OPEN_EXISTING, WTS_CREATE_ALWAYS, WTS_OPEN_ALWAYS};
    WTS_CLEAR_LAST_ERROR();
    HANDLE file = WTS.CreateFileW(name, access[mode], WTS_FILE_SHARE_READ | WTS_FILE_SHARE_WRITE,
                                  &inherit, disposition[mode], WTS_FILE_ATTRIBUTE_NORMAL, NULL);
    DWORD error = WTS.GetLastError();
    wts_free(name);
    if (file == WTS_INVALID_HANDLE_VALUE || file == NULL) {
        wts_throw_win32(env, error, "CreateFileW");
        return 0;
    }
    return (jlong)(intptr_t)file;
}

/* An inheritable duplicate of this process's standard handle (0 stdin, 1 stdout, 2 stderr);
 * 0 when this process has none (a service). The caller closes it. */
JNIEXPORT jlong JNICALL FN(inheritableStdHandle)(JNIEnv *env, jclass cls, jint which) {
    (void)cls;
    WTS_REQUIRE(env, GetStdHandle, 0);
    WTS_REQUIRE(env, DuplicateHandle, 0);
    static const DWORD ids[3] = {WTS_STD_INPUT_HANDLE, WTS_STD_OUTPUT_HANDLE, WTS_STD_ERROR_HANDLE};
    if (which < 0 || which > 2) {
        wts_throw_illegal_argument(env, "no such standard handle");
        return 0;
    }
    HANDLE own = WTS.GetStdHandle(ids[which]);
    if (own == NULL || own == WTS_INVALID_HANDLE_VALUE) {
        return 0;
    }
    HANDLE copy = NULL;
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.DuplicateHandle(WTS_CURRENT_PROCESS, own, WTS_CURRENT_PROCESS, &copy, 0, 1,
                             WTS_DUPLICATE_SAME_ACCESS)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "DuplicateHandle");
        return 0;
    }
    return (jlong)(intptr_t)copy;
}

/* ReadFile (synchronous) of at most length bytes into buffer[offset..]; the count, or -1 at
 * the end (ERROR_BROKEN_PIPE: every writer closed its end). */
JNIEXPORT jint JNICALL FN(read)(JNIEnv *env, jclass cls, jlong handle, jbyteArray buffer,
                                jint offset, jint length) {
    (void)cls;
    WTS_REQUIRE(env, ReadFile, -1);
    DWORD chunk = length > MAX_CHUNK ? MAX_CHUNK : (DWORD)length;
    void *bounce = wts_alloc(chunk == 0 ? 1 : chunk);
    if (bounce == NULL) {
        wts_throw_win32(env, WTS_ERROR_NOT_ENOUGH_MEMORY, "ReadFile");
        return -1;
    }
    DWORD got = 0;
    WTS_CLEAR_LAST_ERROR();
    BOOL ok = WTS.ReadFile(HANDLE_OF(handle), bounce, chunk, &got, NULL);
    DWORD error = ok ? 0 : WTS.GetLastError();
    if (ok && got > 0) {
        (*env)->SetByteArrayRegion(env, buffer, offset, (jsize)got, (const jbyte *)bounce);
    }
    wts_free(bounce);
    if (!ok) {
        if (error == WTS_ERROR_BROKEN_PIPE) {
            return -1;
        }
        wts_throw_win32(env, error, "ReadFile");
        return -1;
    }
    return (jint)got;
}

/* WriteFile (synchronous) of buffer[offset..offset+length); the count written. */
JNIEXPORT jint JNICALL FN(write)(JNIEnv *env, jclass cls, jlong handle, jbyteArray buffer,
                                 jint offset, jint length) {
    (void)cls;
    WTS_REQUIRE(env, WriteFile, 0);
    DWORD chunk = length > MAX_CHUNK ? MAX_CHUNK : (DWORD)length;
    void *bounce = wts_alloc(chunk == 0 ? 1 : chunk);
    if (bounce == NULL) {
        wts_throw_win32(env, WTS_ERROR_NOT_ENOUGH_MEMORY, "WriteFile");
        return 0;
    }
    (*env)->GetByteArrayRegion(env, buffer, offset, (jsize)chunk, (jbyte *)bounce);
    DWORD put = 0;
    WTS_CLEAR_LAST_ERROR();
    BOOL ok = WTS.WriteFile(HANDLE_OF(handle), bounce, chunk, &put, NULL);
    DWORD error = ok ? 0 : WTS.GetLastError();
    wts_free(bounce);
    if (!ok) {
        wts_throw_win32(env, error, "WriteFile");
        return 0;
    }
    return (jint)put;
}
