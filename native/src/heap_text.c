/* Java text → NUL-terminated UTF-16 on the platform heap (see heap_text.h). */
#include "heap_text.h"

static WCHAR *heap_units(JNIEnv *env, jsize length) {
    WCHAR *copy = (WCHAR *)wts_alloc(((size_t)length + 1) * sizeof(WCHAR));
    if (copy == NULL) {
        wts_throw_win32(env, WTS_ERROR_NOT_ENOUGH_MEMORY, "HeapAlloc");
        return NULL;
    }
    copy[length] = 0;
    return copy;
}

WCHAR *wts_heap_string(JNIEnv *env, jstring text) {
    if (text == NULL) {
        return NULL;
    }
    jsize length = (*env)->GetStringLength(env, text);
    WCHAR *copy = heap_units(env, length);
    if (copy != NULL) {
        (*env)->GetStringRegion(env, text, 0, length, copy);
    }
    return copy;
}

WCHAR *wts_heap_chars(JNIEnv *env, jcharArray chars) {
    if (chars == NULL) {
        return NULL;
    }
    jsize length = (*env)->GetArrayLength(env, chars);
    WCHAR *copy = heap_units(env, length);
    if (copy != NULL) {
        (*env)->GetCharArrayRegion(env, chars, 0, length, copy);
    }
    return copy;
}

void wts_wipe_free(WCHAR *secret, size_t units) {
    if (secret == NULL) {
        return;
    }
    volatile WCHAR *out = secret;
    for (size_t i = 0; i < units; i++) {
        out[i] = 0;
    }
    wts_free(secret);
}
