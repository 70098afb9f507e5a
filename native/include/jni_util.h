/*
 * Helpers every JNI file of the shim shares: cached classes, exceptions, UTF-16 strings,
 * and memory from the platform heap (the Windows DLL links no C runtime).
 */
#ifndef WTS_JNI_UTIL_H
#define WTS_JNI_UTIL_H

#include <jni.h>

#include "decode.h"
#include "wts_api.h"

/* Global references made in JNI_OnLoad. */
extern jclass wts_class_String;
extern jclass wts_class_Object;

/* Throws WtsException(code, function, system message). Reads nothing from GetLastError:
 * the caller passes the code it read on the line after the failing call. */
void wts_throw_win32(JNIEnv *env, DWORD code, const char *function);

/* Throws java.lang.IllegalArgumentException (for checks that only C can make). */
void wts_throw_illegal_argument(JNIEnv *env, const char *message);

/* Guards a call through the table: a function absent on this Windows throws
 * WtsException(ERROR_PROC_NOT_FOUND) naming it, instead of calling NULL. */
#define WTS_REQUIRE(env, fn, failValue)                                 \
    do {                                                                \
        if (WTS.fn == NULL) {                                           \
            wts_throw_win32((env), WTS_ERROR_PROC_NOT_FOUND, #fn);      \
            return failValue;                                           \
        }                                                               \
    } while (0)

/* Clears the thread's last error right before a Windows call whose failure the shim reports.
 * A function that fails without SetLastError (Wine's stubs do; so do some Windows paths)
 * then reads back as 0, "failed without setting an error code", never as a stale code that an
 * earlier call on this thread left behind (the JVM's own calls included). */
#define WTS_CLEAR_LAST_ERROR() WTS.SetLastError(0)

/* A WTS server handle as Java holds it: a jlong, 0 for the local server. */
#define WTS_SERVER(handle) ((HANDLE)(intptr_t)(handle))

/* A Java string from at most max UTF-16 units of text (stops at NUL); "" for NULL text. */
jstring wts_new_string(JNIEnv *env, const WCHAR *text, size_t max);

/* A Java string from decoded text. */
jstring wts_new_text(JNIEnv *env, wts_text text);

/* Fails a query whose reply did not decode: frees the buffer, throws with this code. */
void wts_throw_decode(JNIEnv *env, void *buffer, DWORD code, const char *function);

/* Platform heap (HeapAlloc on Windows, counted malloc in the fake). NULL when out of memory. */
void *wts_alloc(size_t bytes);
void wts_free(void *memory);

/* Copies bytes; the DLL has no C runtime, and the compiler may not emit memcpy for us. */
void wts_copy(void *to, const void *from, size_t bytes);

/* What a native file keeps beyond JNI_OnLoad's own globals (a class reference cached on
 * first use) is released by a hook it registers here; JNI_OnUnload runs each hook once and
 * forgets them. Registering the same hook again is a no-op. Call from a class initializer
 * (the JVM serialises those): the list is not locked. */
typedef void (*wts_unload_hook)(JNIEnv *env);
void wts_at_unload(wts_unload_hook hook);

#endif /* WTS_JNI_UTIL_H */
