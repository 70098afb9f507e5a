/* TEST-ONLY: natives of io.github.wtsbridge.testing.FakeSlowServers (slow servers for the
 * inventory's timeout tests). */
#include <jni.h>
#include <stdlib.h>

#include "fake_servers.h"

JNIEXPORT void JNICALL Java_io_github_wtsbridge_testing_FakeSlowServers_delay(JNIEnv *env, jclass cls,
                                                                            jstring name, jint millis) {
    (void)cls;
    if (name == NULL || millis < 0) {
        return;
    }
    jsize length = (*env)->GetStringLength(env, name);
    const jchar *chars = (*env)->GetStringChars(env, name, NULL);
    if (chars == NULL) {
        return;
    }
    WCHAR *copy = fake_wcsdup(chars, (size_t)length);
    (*env)->ReleaseStringChars(env, name, chars);
    if (copy != NULL) {
        fake_servers_delay(copy, (DWORD)millis);
        free(copy);
    }
}
