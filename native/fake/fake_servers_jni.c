/* TEST-ONLY: natives of io.github.wtsbridge.testing.FakeServers and FakeControl. */
#include <jni.h>

#include "fake_jni_util.h"
#include <stdlib.h>
#include <string.h>

#include "fake_servers.h"

#define SERVERS(name) Java_io_github_wtsbridge_testing_FakeServers_##name
#define CONTROL(name) Java_io_github_wtsbridge_testing_FakeControl_##name
#define UNITS 512

JNIEXPORT void JNICALL SERVERS(script)(JNIEnv *env, jclass cls, jstring name, jint useError) {
    (void)cls;
    WCHAR *copy = fake_java_string(env, name);
    if (copy != NULL) {
        fake_servers_script(copy, (DWORD)useError);
        free(copy);
    }
}

JNIEXPORT void JNICALL SERVERS(addListed)(JNIEnv *env, jclass cls, jstring domain, jstring name) {
    (void)cls;
    WCHAR *d = fake_java_string(env, domain);
    WCHAR *n = fake_java_string(env, name);
    if (n != NULL) {
        fake_servers_add_listed(d, n);
    }
    free(d);
    free(n);
}

/* {server name of the last checked call ("" = local), its function, last enumerated domain} */
JNIEXPORT jobjectArray JNICALL SERVERS(last)(JNIEnv *env, jclass cls) {
    (void)cls;
    WCHAR server[UNITS], domain[UNITS];
    char function[64];
    fake_lock();
    fake_servers_last(server, UNITS, function, sizeof function, domain, UNITS);
    fake_unlock();
    jclass string = (*env)->FindClass(env, "java/lang/String");
    if (string == NULL) {
        return NULL;
    }
    jobjectArray out = (*env)->NewObjectArray(env, 3, string, NULL);
    if (out == NULL) {
        return NULL;
    }
    jstring texts[3] = {(*env)->NewString(env, server, (jsize)fake_wcslen(server)),
                        (*env)->NewStringUTF(env, function),
                        (*env)->NewString(env, domain, (jsize)fake_wcslen(domain))};
    for (int i = 0; i < 3; i++) {
        if (texts[i] == NULL) {
            return NULL;
        }
        (*env)->SetObjectArrayElement(env, out, i, texts[i]);
        (*env)->DeleteLocalRef(env, texts[i]);
    }
    return out;
}

JNIEXPORT jlong JNICALL SERVERS(badHandleUses)(JNIEnv *env, jclass cls) {
    (void)env, (void)cls;
    return fake_servers_bad_handle_uses();
}

JNIEXPORT void JNICALL CONTROL(setMessageResponse)(JNIEnv *env, jclass cls, jint response) {
    (void)env, (void)cls;
    fake_control_set_response((DWORD)response);
}

/* Fills numbers (see fake_servers.h); returns {function, title, message} of the last call. */
JNIEXPORT jobjectArray JNICALL CONTROL(last)(JNIEnv *env, jclass cls, jlongArray numbers) {
    (void)cls;
    int64_t values[FAKE_CONTROL_NUMBERS];
    char function[64];
    const WCHAR *title, *message;
    size_t titleUnits, messageUnits;
    jstring texts[3];
    fake_lock();
    fake_control_last(values, function, sizeof function, &title, &titleUnits, &message,
                      &messageUnits);
    jlong longs[FAKE_CONTROL_NUMBERS];
    for (int i = 0; i < FAKE_CONTROL_NUMBERS; i++) {
        longs[i] = values[i];
    }
    static const WCHAR empty[1] = {0};
    texts[1] = (*env)->NewString(env, title ? title : empty, title ? (jsize)titleUnits : 0);
    texts[2] = texts[1] ? (*env)->NewString(env, message ? message : empty,
                                            message ? (jsize)messageUnits : 0) : NULL;
    fake_unlock();
    if (texts[2] == NULL) {
        return NULL;
    }
    (*env)->SetLongArrayRegion(env, numbers, 0, FAKE_CONTROL_NUMBERS, longs);
    texts[0] = (*env)->NewStringUTF(env, function);
    jclass string = texts[0] ? (*env)->FindClass(env, "java/lang/String") : NULL;
    jobjectArray out = string ? (*env)->NewObjectArray(env, 3, string, NULL) : NULL;
    for (int i = 0; out != NULL && i < 3; i++) {
        (*env)->SetObjectArrayElement(env, out, i, texts[i]);
        (*env)->DeleteLocalRef(env, texts[i]);
    }
    return out;
}
