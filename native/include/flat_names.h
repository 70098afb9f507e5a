/*
 * Flat listings: the names of an enumeration go to Java one after another in ONE array —
 * byte[] when every name is Latin-1 (Java's compact form: the String is made by a plain
 * copy), else char[] UTF-16 — cut by lengths Java gets in an int[]. No JNI call per element
 * (a NewString + SetObjectArrayElement + DeleteLocalRef per name was most of the cost).
 */
#ifndef WTS_FLAT_NAMES_H
#define WTS_FLAT_NAMES_H

#include "jni_util.h"

/* Windows strings from enumerations are NUL-terminated; this bounds a corrupt one. */
#define WTS_FLAT_MAX_NAME_UNITS 32767

/* Units of a name (at most WTS_FLAT_MAX_NAME_UNITS, 0 for NULL); ORs its units into *bits,
 * so that the caller learns whether every name fits in Latin-1 (bits <= 0xFF). */
size_t wts_flat_length(const WCHAR *name, WCHAR *bits);

/* A byte[] (latin1) or char[] of units elements; NULL with an exception pending on failure. */
jarray wts_flat_new_array(JNIEnv *env, int latin1, size_t units);

/*
 * Copies a name into the pinned array at unit offset `at`. Plain loops the compiler may
 * vectorise: the DLL is built with -fno-builtin (/Zl with MSVC), so they never become calls
 * to a memcpy the DLL does not have; if one ever did, the DLL would fail to link, not to run.
 */
void wts_flat_copy(void *to, size_t at, int latin1, const WCHAR *from, size_t units);

#endif /* WTS_FLAT_NAMES_H */
