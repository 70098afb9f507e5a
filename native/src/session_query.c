/* The shared WTSQuerySessionInformationW call and record hand-off (see session_query.h). */
#include "session_query.h"

#include "flat_names.h"

#define MAX_RECORD_NUMBERS 16
#define MAX_RECORD_TEXTS 8

_Static_assert(WTS_SESSION_INFO_NUMBERS <= MAX_RECORD_NUMBERS &&
                   WTS_SESSION_INFO_EX_NUMBERS <= MAX_RECORD_NUMBERS &&
                   WTS_CONFIG_INFO_NUMBERS <= MAX_RECORD_NUMBERS &&
                   WTS_CLIENT_INFO_NUMBERS <= MAX_RECORD_NUMBERS,
               "a record's numbers fit the buffer wts_query_record decodes into");
_Static_assert(WTS_SESSION_INFO_TEXTS <= MAX_RECORD_TEXTS &&
                   WTS_SESSION_INFO_EX_TEXTS <= MAX_RECORD_TEXTS &&
                   WTS_CONFIG_INFO_TEXTS <= MAX_RECORD_TEXTS &&
                   WTS_CLIENT_INFO_TEXTS <= MAX_RECORD_TEXTS,
               "a record's texts fit");

/* The Java side's *_TEXT_UNITS constants (SessionsNative, SessionInfoNative) are these. */
_Static_assert(WTS_SESSION_INFO_TEXT_UNITS == 70, "SessionsNative.SESSION_INFO_TEXT_UNITS");
_Static_assert(WTS_SESSION_INFO_EX_TEXT_UNITS == 72, "SessionInfoNative.SESSION_INFO_EX_TEXT_UNITS");
_Static_assert(WTS_CLIENT_INFO_TEXT_UNITS == 1104, "SessionInfoNative.CLIENT_INFO_TEXT_UNITS");
_Static_assert(WTS_CONFIG_INFO_TEXT_UNITS == 822, "SessionInfoNative.CONFIG_INFO_TEXT_UNITS");

/* The largest of them: the texts are gathered on the stack (2.2 KB, under the 4 KiB page
 * beyond which a Windows frame would need __chkstk, which this DLL does not have). */
#define MAX_RECORD_TEXT_UNITS WTS_CLIENT_INFO_TEXT_UNITS
_Static_assert(WTS_SESSION_INFO_TEXT_UNITS <= MAX_RECORD_TEXT_UNITS &&
                   WTS_SESSION_INFO_EX_TEXT_UNITS <= MAX_RECORD_TEXT_UNITS &&
                   WTS_CONFIG_INFO_TEXT_UNITS <= MAX_RECORD_TEXT_UNITS,
               "every record's texts fit the stack buffer");

WCHAR *wts_query_session(JNIEnv *env, jlong server, jint session, jint infoClass, DWORD *bytes) {
    WTS_REQUIRE(env, WTSQuerySessionInformationW, NULL);
    WCHAR *buffer = NULL;
    *bytes = 0;
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.WTSQuerySessionInformationW(WTS_SERVER(server), (DWORD)session, (DWORD)infoClass,
                                         &buffer, bytes)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, WTS_QUERY_FUNCTION);
        return NULL;
    }
    if (buffer == NULL) {
        wts_throw_win32(env, WTS_ERROR_INVALID_DATA, WTS_QUERY_FUNCTION);
    }
    return buffer;
}

void wts_finish_record(JNIEnv *env, void *buffer, jlongArray out, const int64_t *numbers,
                       int count, const wts_text *texts, int textCount, jcharArray units) {
    jlong longs[MAX_RECORD_NUMBERS + MAX_RECORD_TEXTS];
    jchar flat[MAX_RECORD_TEXT_UNITS];
    if (count > MAX_RECORD_NUMBERS) {
        count = MAX_RECORD_NUMBERS;
    }
    if (textCount > MAX_RECORD_TEXTS) {
        textCount = MAX_RECORD_TEXTS;
    }
    for (int i = 0; i < count; i++) {
        longs[i] = (jlong)numbers[i];
    }
    /* Each text is within its own field (decode.c bounds it so), so they fit together. */
    size_t at = 0;
    for (int i = 0; i < textCount; i++) {
        size_t length = texts[i].length;
        if (length > MAX_RECORD_TEXT_UNITS - at) {
            length = MAX_RECORD_TEXT_UNITS - at;
        }
        wts_flat_copy(flat, at, 0, texts[i].units, length);
        longs[count + i] = (jlong)length;
        at += length;
    }
    WTS.WTSFreeMemory(buffer);
    (*env)->SetLongArrayRegion(env, out, 0, count + textCount, longs);
    if (at > 0 && !(*env)->ExceptionCheck(env)) {
        (*env)->SetCharArrayRegion(env, units, 0, (jsize)at, flat);
    }
}

void wts_query_record(JNIEnv *env, jlong server, jint session, jint infoClass,
                      wts_record_decoder decode, jlongArray out, int count, int textCount,
                      jcharArray units) {
    DWORD bytes;
    WCHAR *buffer = wts_query_session(env, server, session, infoClass, &bytes);
    if (buffer == NULL) {
        return;
    }
    int64_t numbers[MAX_RECORD_NUMBERS];
    wts_text texts[MAX_RECORD_TEXTS];
    DWORD error = decode(buffer, bytes, numbers, texts);
    if (error != 0) {
        wts_throw_decode(env, buffer, error, WTS_QUERY_FUNCTION);
        return;
    }
    wts_finish_record(env, buffer, out, numbers, count, texts, textCount, units);
}
