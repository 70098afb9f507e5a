/*
 * WTSQuerySessionInformationW as the session natives share it: one place that runs the
 * query and turns failures into WtsException, and one that hands a decoded record to Java.
 */
#ifndef WTS_SESSION_QUERY_H
#define WTS_SESSION_QUERY_H

#include "jni_util.h"

#define WTS_QUERY_FUNCTION "WTSQuerySessionInformationW"

/*
 * Runs the query; on failure throws and returns NULL. On success the caller owns the buffer
 * and must pass it to WTSFreeMemory on every path.
 */
WCHAR *wts_query_session(JNIEnv *env, jlong server, jint session, jint infoClass, DWORD *bytes);

/*
 * Finishes a decoded record: copies count numbers (at most 16) into out, frees the Windows
 * buffer, and returns the texts as a String[] (NULL with an exception pending on failure).
 */
jobjectArray wts_finish_record(JNIEnv *env, void *buffer, jlongArray out, const int64_t *numbers,
                               int count, const wts_text *texts, int textCount);

#endif /* WTS_SESSION_QUERY_H */
