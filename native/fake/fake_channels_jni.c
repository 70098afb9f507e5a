/* TEST-ONLY: natives of io.github.wtsbridge.testing.FakeChannels. */
#include <jni.h>
#include <stdlib.h>
#include <string.h>

#include "fake_channels.h"

#define FN(name) Java_io_github_wtsbridge_testing_FakeChannels_##name

/* The channel name as C text (ASCII, as the shim passes it); NULL with an exception pending. */
static const char *name_of(JNIEnv *env, jstring name) {
    return name == NULL ? NULL : (*env)->GetStringUTFChars(env, name, NULL);
}

static void release(JNIEnv *env, jstring name, const char *text) {
    if (text != NULL) {
        (*env)->ReleaseStringUTFChars(env, name, text);
    }
}

JNIEXPORT jboolean JNICALL FN(offer)(JNIEnv *env, jclass cls, jint session, jstring name,
                                     jboolean dynamic) {
    (void)cls;
    const char *text = name_of(env, name);
    int done = text != NULL && strlen(text) < FAKE_CHANNEL_NAME_CAPACITY &&
               fake_channels_offer((DWORD)session, text, dynamic);
    release(env, name, text);
    return done ? JNI_TRUE : JNI_FALSE;
}

JNIEXPORT jboolean JNICALL FN(clientWrite)(JNIEnv *env, jclass cls, jint session, jstring name,
                                           jboolean dynamic, jbyteArray data, jboolean raw) {
    (void)cls;
    const char *text = name_of(env, name);
    jsize size = data == NULL ? 0 : (*env)->GetArrayLength(env, data);
    jbyte *bytes = data == NULL ? NULL : (*env)->GetByteArrayElements(env, data, NULL);
    int done = text != NULL && bytes != NULL &&
               fake_channels_client_write((DWORD)session, text, dynamic, (const uint8_t *)bytes,
                                          (DWORD)size, raw);
    if (bytes != NULL) {
        (*env)->ReleaseByteArrayElements(env, data, bytes, JNI_ABORT);
    }
    release(env, name, text);
    return done ? JNI_TRUE : JNI_FALSE;
}

JNIEXPORT jbyteArray JNICALL FN(clientRead)(JNIEnv *env, jclass cls, jint session, jstring name,
                                            jboolean dynamic) {
    (void)cls;
    const char *text = name_of(env, name);
    if (text == NULL) {
        return NULL;
    }
    jbyteArray result = NULL;
    int64_t size = fake_channels_client_read((DWORD)session, text, dynamic, NULL, 0);
    if (size >= 0) {
        uint8_t *copy = malloc(size > 0 ? (size_t)size : 1);
        if (copy != NULL &&
            fake_channels_client_read((DWORD)session, text, dynamic, copy, (DWORD)size) == size) {
            result = (*env)->NewByteArray(env, (jsize)size);
            if (result != NULL) {
                (*env)->SetByteArrayRegion(env, result, 0, (jsize)size, (const jbyte *)copy);
            }
        }
        free(copy);
    }
    release(env, name, text);
    return result;
}

JNIEXPORT void JNICALL FN(clientClose)(JNIEnv *env, jclass cls, jint session, jstring name,
                                       jboolean dynamic) {
    (void)cls;
    const char *text = name_of(env, name);
    if (text != NULL) {
        fake_channels_client_close((DWORD)session, text, dynamic);
    }
    release(env, name, text);
}

JNIEXPORT void JNICALL FN(clientData)(JNIEnv *env, jclass cls, jint session, jstring name,
                                      jbyteArray data) {
    (void)cls;
    const char *text = name_of(env, name);
    jsize size = (*env)->GetArrayLength(env, data);
    jbyte *bytes = (*env)->GetByteArrayElements(env, data, NULL);
    if (text != NULL && bytes != NULL) {
        fake_channels_client_data((DWORD)session, text, (const uint8_t *)bytes, (DWORD)size);
    }
    if (bytes != NULL) {
        (*env)->ReleaseByteArrayElements(env, data, bytes, JNI_ABORT);
    }
    release(env, name, text);
}

JNIEXPORT void JNICALL FN(writeLimit)(JNIEnv *env, jclass cls, jint session, jstring name,
                                      jint limit) {
    (void)cls;
    const char *text = name_of(env, name);
    if (text != NULL) {
        fake_channels_write_limit((DWORD)session, text, (DWORD)limit);
    }
    release(env, name, text);
}

JNIEXPORT void JNICALL FN(timeoutReturnsTrue)(JNIEnv *env, jclass cls, jboolean enabled) {
    (void)env, (void)cls;
    fake_channels_timeout_returns_true(enabled);
}

JNIEXPORT jlongArray JNICALL FN(state)(JNIEnv *env, jclass cls, jint session, jstring name,
                                       jboolean dynamic) {
    (void)cls;
    const char *text = name_of(env, name);
    if (text == NULL) {
        return NULL;
    }
    int64_t values[4];
    fake_channels_state((DWORD)session, text, dynamic, values);
    release(env, name, text);
    jlongArray out = (*env)->NewLongArray(env, 4);
    if (out != NULL) {
        jlong copy[4] = {values[0], values[1], values[2], values[3]};
        (*env)->SetLongArrayRegion(env, out, 0, 4, copy);
    }
    return out;
}

JNIEXPORT jlong JNICALL FN(misuse)(JNIEnv *env, jclass cls) {
    (void)env, (void)cls;
    return fake_channels_misuse();
}
