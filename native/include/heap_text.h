/*
 * Java text copied to the platform heap as NUL-terminated UTF-16, for Windows functions
 * that keep or modify their string arguments (CreateProcessAsUserW writes into its command
 * line) and for secrets that must be wiped before they are freed (WTSConnectSessionW's
 * password). Used by jni_launch.c and jni_remote.c.
 */
#ifndef WTS_HEAP_TEXT_H
#define WTS_HEAP_TEXT_H

#include "jni_util.h"

/* A heap copy of a Java string plus a NUL. NULL for a NULL string (no exception), and
 * NULL with an exception pending when out of memory: check ExceptionCheck to tell apart. */
WCHAR *wts_heap_string(JNIEnv *env, jstring text);

/* A heap copy of a char[] (units as given, plus a NUL); NULL rules as above. */
WCHAR *wts_heap_chars(JNIEnv *env, jcharArray chars);

/* Overwrites units of a secret with zeros (volatile stores the compiler may not drop),
 * then frees it. NULL is fine. */
void wts_wipe_free(WCHAR *secret, size_t units);

#endif /* WTS_HEAP_TEXT_H */
