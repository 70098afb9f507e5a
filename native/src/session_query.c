/* The shared WTSQuerySessionInformationW call and record hand-off (see session_query.h). */
#include "session_query.h"

#include "jni_chars.h"

#define MAX_RECORD_NUMBERS 16
#define MAX_RECORD_TEXTS 8

_Static_assert(WTS_SESSION_INFO_NUMBERS <= MAX_RECORD_NUMBERS &&
                   WTS_SESSION_INFO_EX_NUMBERS <= MAX_RECORD_NUMBERS &&
                   WTS_CONFIG_INFO_NUMBERS <= MAX_RECORD_NUMBERS,
               "a record's numbers fit the buffer wts_query_record decodes into");
_Static_assert(WTS_SESSION_INFO_TEXTS <= MAX_RECORD_TEXTS &&
                   WTS_SESSION_INFO_EX_TEXTS <= MAX_RECORD_TEXTS &&
                   WTS_CONFIG_INFO_TEXTS <= MAX_RECORD_TEXTS,
               "a record's texts fit");

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

jobjectArray wts_finish_record(JNIEnv *env, void *buffer, jlongArray out, const int64_t *numbers,
                               int count, const wts_text *texts, int textCount) {
    jlong longs[MAX_RECORD_NUMBERS];
    if (count > MAX_RECORD_NUMBERS) {
        count = MAX_RECORD_NUMBERS;
    }
    for (int i = 0; i < count; i++) {
        longs[i] = (jlong)numbers[i];
    }
    jobjectArray result = NULL;
    (*env)->SetLongArrayRegion(env, out, 0, count, longs);
    if (!(*env)->ExceptionCheck(env)) {
        result = wts_text_array(env, texts, textCount);
    }
    WTS.WTSFreeMemory(buffer);
    return result;
}

jobjectArray wts_query_record(JNIEnv *env, jlong server, jint session, jint infoClass,
                              wts_record_decoder decode, jlongArray out, int count,
                              int textCount) {
    DWORD bytes;
    WCHAR *buffer = wts_query_session(env, server, session, infoClass, &bytes);
    if (buffer == NULL) {
        return NULL;
    }
    int64_t numbers[MAX_RECORD_NUMBERS];
    wts_text texts[MAX_RECORD_TEXTS];
    DWORD error = decode(buffer, bytes, numbers, texts);
    if (error != 0) {
        wts_throw_decode(env, buffer, error, WTS_QUERY_FUNCTION);
        return NULL;
    }
    return wts_finish_record(env, buffer, out, numbers, count, texts, textCount);
}
