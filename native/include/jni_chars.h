/*
 * String arguments from Java: the Java side passes each as a char[] that already ends with
 * a NUL (built after the argument checks), so C needs no allocation or copying of its own.
 */
#ifndef WTS_JNI_CHARS_H
#define WTS_JNI_CHARS_H

#include "jni_util.h"

typedef struct wts_chars {
    jcharArray array;
    jchar *chars;
    jsize length; /* units, the terminating NUL included */
} wts_chars;

/*
 * Pins or copies a NUL-terminated char[] (NULL stays NULL: *ok is still 1). On failure
 * (an exception pending, or no NUL at the end) returns NULL with *ok = 0.
 */
static inline WCHAR *wts_chars_get(JNIEnv *env, jcharArray array, wts_chars *out, int *ok) {
    out->array = array;
    out->chars = NULL;
    out->length = 0;
    *ok = 1;
    if (array == NULL) {
        return NULL;
    }
    *ok = 0;
    jsize length = (*env)->GetArrayLength(env, array);
    if (length < 1) {
        wts_throw_illegal_argument(env, "string argument without its NUL terminator");
        return NULL;
    }
    jchar *chars = (*env)->GetCharArrayElements(env, array, NULL);
    if (chars == NULL) {
        return NULL; /* OutOfMemoryError pending */
    }
    if (chars[length - 1] != 0) {
        (*env)->ReleaseCharArrayElements(env, array, chars, JNI_ABORT);
        wts_throw_illegal_argument(env, "string argument without its NUL terminator");
        return NULL;
    }
    out->chars = chars;
    out->length = length;
    *ok = 1;
    return (WCHAR *)chars;
}

/* Bytes of the text without its NUL (what WTSSendMessageW wants). */
static inline DWORD wts_chars_bytes(const wts_chars *chars) {
    return chars->length > 0 ? (DWORD)(chars->length - 1) * (DWORD)sizeof(WCHAR) : 0;
}

static inline void wts_chars_release(JNIEnv *env, wts_chars *chars) {
    if (chars->chars != NULL) {
        (*env)->ReleaseCharArrayElements(env, chars->array, chars->chars, JNI_ABORT);
        chars->chars = NULL;
    }
}

#endif /* WTS_JNI_CHARS_H */
