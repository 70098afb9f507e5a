/*
 * Natives of io.github.wtsbridge.internal.SessionInfoNative: WTSQuerySessionInformationW for
 * the info classes with structured replies (decoded by decode.c) and a raw escape hatch.
 */
#include "session_query.h"

#define FN(name) Java_io_github_wtsbridge_internal_SessionInfoNative_##name

#define QUERY WTS_QUERY_FUNCTION

/* The reply's bytes as Windows returned them (for classes without a typed form). */
JNIEXPORT jbyteArray JNICALL FN(queryRaw)(JNIEnv *env, jclass cls, jlong server, jint session,
                                          jint infoClass) {
    (void)cls;
    DWORD bytes;
    WCHAR *buffer = wts_query_session(env, server, session, infoClass, &bytes);
    if (buffer == NULL) {
        return NULL;
    }
    jbyteArray result = NULL;
    if (bytes > 0x7FFFFFFF) {
        wts_throw_decode(env, buffer, WTS_ERROR_INVALID_DATA, QUERY);
        return NULL;
    }
    result = (*env)->NewByteArray(env, (jsize)bytes);
    if (result != NULL) {
        (*env)->SetByteArrayRegion(env, result, 0, (jsize)bytes, (const jbyte *)buffer);
    }
    WTS.WTSFreeMemory(buffer);
    return result;
}

/* A 1/2/4/8-byte number class, zero-extended. */
JNIEXPORT jlong JNICALL FN(queryLong)(JNIEnv *env, jclass cls, jlong server, jint session,
                                      jint infoClass) {
    (void)cls;
    DWORD bytes;
    uint64_t value = 0;
    WCHAR *buffer = wts_query_session(env, server, session, infoClass, &bytes);
    if (buffer == NULL) {
        return 0;
    }
    DWORD error = wts_decode_uint64(buffer, bytes, &value);
    if (error != 0) {
        wts_throw_decode(env, buffer, error, QUERY);
        return 0;
    }
    WTS.WTSFreeMemory(buffer);
    return (jlong)value;
}

/* WTSClientDisplay: fills values (WTS_FLAT_CLIENT_DISPLAY). */
JNIEXPORT void JNICALL FN(queryClientDisplay)(JNIEnv *env, jclass cls, jlong server,
                                              jint session, jintArray values) {
    (void)cls;
    DWORD bytes, decoded[WTS_CLIENT_DISPLAY_VALUES];
    WCHAR *buffer = wts_query_session(env, server, session, WTS_INFO_CLIENT_DISPLAY, &bytes);
    if (buffer == NULL) {
        return;
    }
    DWORD error = wts_decode_client_display(buffer, bytes, decoded);
    if (error != 0) {
        wts_throw_decode(env, buffer, error, QUERY);
        return;
    }
    WTS.WTSFreeMemory(buffer);
    (*env)->SetIntArrayRegion(env, values, 0, WTS_CLIENT_DISPLAY_VALUES, (const jint *)decoded);
}

/* WTSClientAddress or WTSSessionAddressV4 (same layout): fills address[20], returns family. */
JNIEXPORT jint JNICALL FN(queryAddress)(JNIEnv *env, jclass cls, jlong server, jint session,
                                        jint infoClass, jbyteArray address) {
    (void)cls;
    if (infoClass != WTS_INFO_CLIENT_ADDRESS && infoClass != WTS_INFO_SESSION_ADDRESS_V4) {
        wts_throw_illegal_argument(env, "not an address info class");
        return 0;
    }
    DWORD bytes, family = 0;
    BYTE raw[20];
    WCHAR *buffer = wts_query_session(env, server, session, infoClass, &bytes);
    if (buffer == NULL) {
        return 0;
    }
    DWORD error = wts_decode_client_address(buffer, bytes, &family, raw);
    if (error != 0) {
        wts_throw_decode(env, buffer, error, QUERY);
        return 0;
    }
    WTS.WTSFreeMemory(buffer);
    (*env)->SetByteArrayRegion(env, address, 0, (jsize)sizeof raw, (const jbyte *)raw);
    return (jint)family;
}

/* The record classes below fill numbers with their *_NUMBERS slots then the length of each of
 * their *_TEXTS (flat_layouts.h), and units with those texts one after another (at most
 * *_TEXT_UNITS, session_query.h): no Java object made in C. */

/* WTSClientInfo (WTSCLIENTW): WTS_FLAT_CLIENT_INFO_NUMBERS / _TEXTS; address: ClientAddress's
 * raw bytes. */
JNIEXPORT void JNICALL FN(queryClientInfo)(JNIEnv *env, jclass cls, jlong server, jint session,
                                           jlongArray numbers, jcharArray units,
                                           jbyteArray address) {
    (void)cls;
    DWORD bytes;
    WCHAR *buffer = wts_query_session(env, server, session, WTS_INFO_CLIENT_INFO, &bytes);
    if (buffer == NULL) {
        return;
    }
    int64_t values[WTS_CLIENT_INFO_NUMBERS];
    wts_text texts[WTS_CLIENT_INFO_TEXTS];
    BYTE raw[WTS_CLIENT_INFO_ADDRESS_BYTES];
    DWORD error = wts_decode_client_info(buffer, bytes, values, texts, raw);
    if (error != 0) {
        wts_throw_decode(env, buffer, error, QUERY);
        return;
    }
    (*env)->SetByteArrayRegion(env, address, 0, (jsize)sizeof raw, (const jbyte *)raw);
    if ((*env)->ExceptionCheck(env)) {
        WTS.WTSFreeMemory(buffer);
        return;
    }
    wts_finish_record(env, buffer, numbers, values, WTS_CLIENT_INFO_NUMBERS, texts,
                      WTS_CLIENT_INFO_TEXTS, units);
}

/* WTSConfigInfo (WTSCONFIGINFOW): WTS_FLAT_CONFIG_INFO_NUMBERS / _TEXTS. */
JNIEXPORT void JNICALL FN(queryConfigInfo)(JNIEnv *env, jclass cls, jlong server, jint session,
                                           jlongArray numbers, jcharArray units) {
    (void)cls;
    wts_query_record(env, server, session, WTS_INFO_CONFIG_INFO, wts_decode_config_info,
                     numbers, WTS_CONFIG_INFO_NUMBERS, WTS_CONFIG_INFO_TEXTS, units);
}

/* WTSSessionInfoEx (WTSINFOEXW level 1): WTS_FLAT_SESSION_INFO_EX_NUMBERS / _TEXTS. */
JNIEXPORT void JNICALL FN(querySessionInfoEx)(JNIEnv *env, jclass cls, jlong server,
                                              jint session, jlongArray numbers,
                                              jcharArray units) {
    (void)cls;
    wts_query_record(env, server, session, WTS_INFO_SESSION_INFO_EX, wts_decode_session_info_ex,
                     numbers, WTS_SESSION_INFO_EX_NUMBERS, WTS_SESSION_INFO_EX_TEXTS, units);
}
