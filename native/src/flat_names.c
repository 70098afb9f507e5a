/* Flat listings of names (see flat_names.h). */
#include "flat_names.h"

size_t wts_flat_length(const WCHAR *name, WCHAR *bits) {
    size_t n = 0;
    WCHAR all = 0;
    while (name != NULL && n < WTS_FLAT_MAX_NAME_UNITS && name[n] != 0) {
        all |= name[n];
        n++;
    }
    *bits |= all;
    return n;
}

jarray wts_flat_new_array(JNIEnv *env, int latin1, size_t units) {
    return latin1 ? (jarray)(*env)->NewByteArray(env, (jsize)units)
                  : (jarray)(*env)->NewCharArray(env, (jsize)units);
}

void wts_flat_copy(void *to, size_t at, int latin1, const WCHAR *from, size_t units) {
    if (latin1) {
        jbyte *out = (jbyte *)to + at;
        for (size_t i = 0; i < units; i++) {
            out[i] = (jbyte)from[i];
        }
    } else {
        jchar *out = (jchar *)to + at;
        for (size_t i = 0; i < units; i++) {
            out[i] = from[i];
        }
    }
}
