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
 * The UTF-16 units a record's texts take at most: the sizes of its fixed WCHAR arrays. Java
 * passes a char[] of this many (SessionsNative / SessionInfoNative *_TEXT_UNITS, the same
 * numbers: session_query.c asserts them).
 */
#define WTS_FLAT_UNITS_(type, name, member) +sizeof(((const type *)0)->member) / sizeof(WCHAR)
#define WTS_SESSION_INFO_TEXT_UNITS (0 WTS_FLAT_SESSION_INFO_TEXTS(WTS_FLAT_UNITS_, WTSINFOW))
#define WTS_SESSION_INFO_EX_TEXT_UNITS \
    (0 WTS_FLAT_SESSION_INFO_EX_TEXTS(WTS_FLAT_UNITS_, WTSINFOEX_LEVEL1_W))
#define WTS_CLIENT_INFO_TEXT_UNITS (0 WTS_FLAT_CLIENT_INFO_TEXTS(WTS_FLAT_UNITS_, WTSCLIENTW))
#define WTS_CONFIG_INFO_TEXT_UNITS (0 WTS_FLAT_CONFIG_INFO_TEXTS(WTS_FLAT_UNITS_, WTSCONFIGINFOW))

/*
 * Finishes a decoded record without making a Java object: count numbers (at most 16), then
 * the length of each text, into out (one SetLongArrayRegion); the texts one after another
 * into units (one SetCharArrayRegion; Java makes the Strings); frees the Windows buffer on
 * every path. A too-short array is an exception pending (ArrayIndexOutOfBoundsException).
 */
void wts_finish_record(JNIEnv *env, void *buffer, jlongArray out, const int64_t *numbers,
                       int count, const wts_text *texts, int textCount, jcharArray units);

/* A decoder of a fixed-layout reply into numbers and texts (see decode.h). */
typedef DWORD (*wts_record_decoder)(const void *buffer, DWORD bytes, int64_t *numbers,
                                    wts_text *texts);

/*
 * The whole round trip for a record class: query, decode, then wts_finish_record into out
 * and units; the buffer is freed on every path. On failure an exception is pending.
 */
void wts_query_record(JNIEnv *env, jlong server, jint session, jint infoClass,
                      wts_record_decoder decode, jlongArray out, int count, int textCount,
                      jcharArray units);

#endif /* WTS_SESSION_QUERY_H */
