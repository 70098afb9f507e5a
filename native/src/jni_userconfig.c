/* Natives of io.github.wtsbridge.internal.UserConfigNative: WTSQueryUserConfigW / WTSSetUserConfigW. */
#include "jni_util.h"

#define FN(name) Java_io_github_wtsbridge_internal_UserConfigNative_##name

/*
 * A Java string as a NUL-terminated UTF-16 copy on the platform heap (*out = NULL for a null
 * string). Returns 0 with an exception pending on failure. Java has checked the text.
 */
static int to_wide(JNIEnv *env, jstring text, WCHAR **out) {
    *out = NULL;
    if (text == NULL) {
        return 1;
    }
    jsize length = (*env)->GetStringLength(env, text);
    WCHAR *copy = wts_alloc(((size_t)length + 1) * sizeof(WCHAR));
    if (copy == NULL) {
        wts_throw_win32(env, WTS_ERROR_NOT_ENOUGH_MEMORY, "HeapAlloc");
        return 0;
    }
    (*env)->GetStringRegion(env, text, 0, length, (jchar *)copy);
    if ((*env)->ExceptionCheck(env)) {
        wts_free(copy);
        return 0;
    }
    copy[length] = 0;
    *out = copy;
    return 1;
}

/* Server (may be NULL = this machine) and user name, both copied; 0 on failure. */
static int names(JNIEnv *env, jstring server, jstring user, WCHAR **serverName, WCHAR **userName) {
    if (!to_wide(env, server, serverName)) {
        return 0;
    }
    if (!to_wide(env, user, userName)) {
        wts_free(*serverName);
        return 0;
    }
    return 1;
}

/* Runs WTSQueryUserConfigW; NULL with an exception on failure, else a WTSFreeMemory buffer. */
static WCHAR *query(JNIEnv *env, jstring server, jstring user, jint configClass, DWORD *bytes) {
    WTS_REQUIRE(env, WTSQueryUserConfigW, NULL);
    WCHAR *serverName, *userName;
    if (!names(env, server, user, &serverName, &userName)) {
        return NULL;
    }
    WCHAR *buffer = NULL;
    *bytes = 0;
    WTS_CLEAR_LAST_ERROR();
    BOOL ok = WTS.WTSQueryUserConfigW(serverName, userName, (DWORD)configClass, &buffer, bytes);
    DWORD error = ok ? 0 : WTS.GetLastError();
    wts_free(serverName);
    wts_free(userName);
    if (!ok) {
        wts_throw_win32(env, error, "WTSQueryUserConfigW");
        return NULL;
    }
    if (buffer == NULL) {
        wts_throw_win32(env, WTS_ERROR_INVALID_DATA, "WTSQueryUserConfigW");
    }
    return buffer;
}

JNIEXPORT jstring JNICALL FN(queryString)(JNIEnv *env, jclass cls, jstring server, jstring user,
                                          jint configClass) {
    (void)cls;
    DWORD bytes;
    WCHAR *buffer = query(env, server, user, configClass, &bytes);
    if (buffer == NULL) {
        return NULL;
    }
    jstring text = wts_new_text(env, wts_decode_string(buffer, bytes));
    WTS.WTSFreeMemory(buffer);
    return text;
}

JNIEXPORT jint JNICALL FN(queryInt)(JNIEnv *env, jclass cls, jstring server, jstring user,
                                    jint configClass) {
    (void)cls;
    DWORD bytes, value = 0;
    WCHAR *buffer = query(env, server, user, configClass, &bytes);
    if (buffer == NULL) {
        return 0;
    }
    DWORD error = wts_decode_uint(buffer, bytes, &value);
    if (error != 0) {
        wts_throw_decode(env, buffer, error, "WTSQueryUserConfigW");
        return 0;
    }
    WTS.WTSFreeMemory(buffer);
    return (jint)value;
}

/* WTSUserConfigUser: fills numbers and returns the texts of WTS_FLAT_USER_CONFIG_NUMBERS / _TEXTS. */
JNIEXPORT jobjectArray JNICALL FN(queryUser)(JNIEnv *env, jclass cls, jstring server, jstring user,
                                             jintArray numbers) {
    (void)cls;
    DWORD bytes;
    WCHAR *buffer = query(env, server, user, WTS_CONFIG_CLASS_USER, &bytes);
    if (buffer == NULL) {
        return NULL;
    }
    DWORD values[WTS_USER_CONFIG_NUMBERS];
    wts_text texts[WTS_USER_CONFIG_TEXTS];
    DWORD error = wts_decode_user_config(buffer, bytes, values, texts);
    if (error != 0) {
        wts_throw_decode(env, buffer, error, "WTSQueryUserConfigW");
        return NULL;
    }
    (*env)->SetIntArrayRegion(env, numbers, 0, WTS_USER_CONFIG_NUMBERS, (const jint *)values);
    jobjectArray result = NULL;
    if (!(*env)->ExceptionCheck(env)) {
        result = (*env)->NewObjectArray(env, WTS_USER_CONFIG_TEXTS, wts_class_String, NULL);
    }
    for (int i = 0; result != NULL && i < WTS_USER_CONFIG_TEXTS; i++) {
        jstring text = wts_new_text(env, texts[i]);
        if (text == NULL) {
            result = NULL;
            break;
        }
        (*env)->SetObjectArrayElement(env, result, i, text);
        (*env)->DeleteLocalRef(env, text);
    }
    WTS.WTSFreeMemory(buffer);
    return result;
}

/* Runs WTSSetUserConfigW with data of `length` (TCHARs for text, bytes for the rest). */
static void set(JNIEnv *env, jstring server, jstring user, jint configClass, WCHAR *data,
                DWORD length) {
    WTS_REQUIRE(env, WTSSetUserConfigW, );
    WCHAR *serverName, *userName;
    if (!names(env, server, user, &serverName, &userName)) {
        return;
    }
    WTS_CLEAR_LAST_ERROR();
    BOOL ok = WTS.WTSSetUserConfigW(serverName, userName, (DWORD)configClass, data, length);
    DWORD error = ok ? 0 : WTS.GetLastError();
    wts_free(serverName);
    wts_free(userName);
    if (!ok) {
        wts_throw_win32(env, error, "WTSSetUserConfigW");
    }
}

/* A text class: the length passed is in characters with the terminating NUL (as documented). */
JNIEXPORT void JNICALL FN(setString)(JNIEnv *env, jclass cls, jstring server, jstring user,
                                     jint configClass, jstring value) {
    (void)cls;
    WCHAR *text;
    if (value == NULL) {
        wts_throw_illegal_argument(env, "no value");
        return;
    }
    if (!to_wide(env, value, &text)) {
        return;
    }
    jsize length = (*env)->GetStringLength(env, value);
    set(env, server, user, configClass, text, (DWORD)length + 1);
    wts_free(text);
}

/* A DWORD class: the DWORD passed as the buffer, sizeof(DWORD) as its length. */
JNIEXPORT void JNICALL FN(setInt)(JNIEnv *env, jclass cls, jstring server, jstring user,
                                  jint configClass, jint value) {
    (void)cls;
    DWORD number = (DWORD)value;
    set(env, server, user, configClass, (WCHAR *)&number, sizeof number);
}

/* Copies text into a fixed WCHAR field of `units` (NUL included); 0 if it does not fit. */
static int put_field(JNIEnv *env, jstring text, WCHAR *field, jsize units) {
    jsize length = (*env)->GetStringLength(env, text);
    if (length >= units) {
        wts_throw_illegal_argument(env, "text too long for its WTSUSERCONFIGW field");
        return 0;
    }
    (*env)->GetStringRegion(env, text, 0, length, (jchar *)field);
    field[length] = 0;
    return !(*env)->ExceptionCheck(env);
}

/* WTSUserConfigUser: a whole WTSUSERCONFIGW from WTS_FLAT_USER_CONFIG_NUMBERS / _TEXTS. */
JNIEXPORT void JNICALL FN(setUser)(JNIEnv *env, jclass cls, jstring server, jstring user,
                                   jintArray numbers, jobjectArray texts) {
    (void)cls;
    WTSUSERCONFIGW *config = wts_alloc(sizeof *config);
    if (config == NULL) {
        wts_throw_win32(env, WTS_ERROR_NOT_ENOUGH_MEMORY, "HeapAlloc");
        return;
    }
    BYTE *raw = (BYTE *)config;
    for (size_t i = 0; i < sizeof *config; i++) {
        raw[i] = 0;
    }
    (*env)->GetIntArrayRegion(env, numbers, 0, WTS_USER_CONFIG_NUMBERS, (jint *)config->Numbers);
    WCHAR *fields[WTS_USER_CONFIG_TEXTS];
    jsize units[WTS_USER_CONFIG_TEXTS];
#define FIELD_SLOT(p, name, member) \
    fields[p##name] = config->member; units[p##name] = (jsize)(sizeof config->member / sizeof(WCHAR));
    WTS_FLAT_USER_CONFIG_TEXTS(FIELD_SLOT, WTS_USER_CONFIG_TEXT_)
#undef FIELD_SLOT
    int ok = !(*env)->ExceptionCheck(env);
    for (int i = 0; ok && i < WTS_USER_CONFIG_TEXTS; i++) {
        jstring text = (jstring)(*env)->GetObjectArrayElement(env, texts, i);
        if (text == NULL && !(*env)->ExceptionCheck(env)) {
            wts_throw_illegal_argument(env, "a WTSUSERCONFIGW text is null");
        }
        ok = text != NULL &&
             put_field(env, text, fields[i], units[i]);
        if (text != NULL) {
            (*env)->DeleteLocalRef(env, text);
        }
    }
    if (ok) {
        set(env, server, user, WTS_CONFIG_CLASS_USER, (WCHAR *)config, sizeof *config);
    }
    wts_free(config);
}
