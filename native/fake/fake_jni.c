/* TEST-ONLY: natives of io.github.wtsbridge.testing.FakeWts, through which JUnit scripts the fake. */
#include <jni.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_jni_util.h"

#define FN(name) Java_io_github_wtsbridge_testing_FakeWts_##name

WCHAR *fake_java_string(JNIEnv *env, jstring text) {
    if (text == NULL) {
        return NULL;
    }
    jsize length = (*env)->GetStringLength(env, text);
    const jchar *chars = (*env)->GetStringChars(env, text, NULL);
    if (chars == NULL) {
        return NULL;
    }
    WCHAR *copy = fake_wcsdup(chars, (size_t)length);
    (*env)->ReleaseStringChars(env, text, chars);
    return copy;
}

JNIEXPORT void JNICALL FN(reset)(JNIEnv *env, jclass cls) {
    (void)env, (void)cls;
    fake_reset();
}

JNIEXPORT void JNICALL FN(addSession)(JNIEnv *env, jclass cls, jint id, jint state, jstring name) {
    (void)cls;
    WCHAR *copy = fake_java_string(env, name);
    fake_lock();
    fake_grow((void **)&FAKE.sessions, &FAKE.sessionCapacity, FAKE.sessionCount + 1,
         sizeof(fake_session));
    fake_session *s = &FAKE.sessions[FAKE.sessionCount++];
    memset(s, 0, sizeof *s);
    s->id = (DWORD)id;
    s->state = (DWORD)state;
    s->name = copy;
    fake_unlock();
}

JNIEXPORT void JNICALL FN(removeSession)(JNIEnv *env, jclass cls, jint id) {
    (void)env, (void)cls;
    fake_lock();
    for (DWORD i = 0; i < FAKE.sessionCount; i++) {
        if (FAKE.sessions[i].id == (DWORD)id) {
            free(FAKE.sessions[i].name);
            for (int c = 0; c <= FAKE_MAX_INFO_CLASS; c++) {
                free(FAKE.sessions[i].info[c].data);
            }
            FAKE.sessions[i] = FAKE.sessions[--FAKE.sessionCount];
            break;
        }
    }
    fake_unlock();
}

/* The raw bytes WTSQuerySessionInformationW returns for (session, class); null unsets. */
JNIEXPORT void JNICALL FN(setSessionInfo)(JNIEnv *env, jclass cls, jint id, jint infoClass,
                                          jbyteArray raw) {
    (void)cls;
    if (infoClass < 0 || infoClass > FAKE_MAX_INFO_CLASS) {
        return;
    }
    uint8_t *data = NULL;
    jsize size = 0;
    if (raw != NULL) {
        size = (*env)->GetArrayLength(env, raw);
        data = malloc(size == 0 ? 1 : (size_t)size);
        (*env)->GetByteArrayRegion(env, raw, 0, size, (jbyte *)data);
    }
    fake_lock();
    fake_session *s = fake_find_session((DWORD)id);
    if (s != NULL) {
        free(s->info[infoClass].data);
        s->info[infoClass].data = data;
        s->info[infoClass].size = (DWORD)size;
        data = NULL;
    }
    fake_unlock();
    free(data);
}

static void add_process(DWORD session, DWORD pid, WCHAR *name, const uint8_t *sid, DWORD sidLength) {
    fake_grow((void **)&FAKE.processes, &FAKE.processCapacity, FAKE.processCount + 1,
         sizeof(fake_process));
    fake_process *p = &FAKE.processes[FAKE.processCount++];
    p->session = session;
    p->pid = pid;
    p->name = name;
    p->sidLength = sidLength > sizeof p->sid ? 0 : sidLength;
    if (p->sidLength > 0) {
        memcpy(p->sid, sid, p->sidLength);
    }
}

JNIEXPORT void JNICALL FN(addProcess)(JNIEnv *env, jclass cls, jint session, jint pid,
                                      jstring name, jbyteArray sid) {
    (void)cls;
    WCHAR *copy = fake_java_string(env, name);
    uint8_t raw[68];
    jsize length = 0;
    if (sid != NULL) {
        length = (*env)->GetArrayLength(env, sid);
        length = length > (jsize)sizeof raw ? 0 : length;
        (*env)->GetByteArrayRegion(env, sid, 0, length, (jbyte *)raw);
    }
    fake_lock();
    add_process((DWORD)session, (DWORD)pid, copy, raw, (DWORD)length);
    fake_unlock();
}

/* count synthetic processes "proc-N.exe", pid 1000+4N, spread over sessions 0..sessions-1,
 * every other one with the SID S-1-5-21-1-2-3-(1000+N). */
JNIEXPORT void JNICALL FN(generateProcesses)(JNIEnv *env, jclass cls, jint count, jint sessions) {
    (void)env, (void)cls;
    fake_lock();
    for (jint n = 0; n < count; n++) {
        char ascii[32];
        int length = snprintf(ascii, sizeof ascii, "proc-%d.exe", n);
        WCHAR name[32];
        for (int c = 0; c <= length; c++) {
            name[c] = (WCHAR)ascii[c];
        }
        uint8_t sid[24] = {1, 4, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0};
        uint8_t full[28];
        memcpy(full, sid, sizeof sid);
        full[1] = 5;
        uint32_t rid = 1000u + (uint32_t)n;
        memcpy(full + 24, &rid, 4);
        add_process((DWORD)(sessions > 0 ? n % sessions : 0), 1000u + 4u * (DWORD)n,
                    fake_wcsdup(name, (size_t)length), full, n % 2 == 0 ? sizeof full : 0);
    }
    fake_unlock();
}

JNIEXPORT void JNICALL FN(setCurrentProcess)(JNIEnv *env, jclass cls, jint pid, jint session) {
    (void)env, (void)cls;
    fake_lock();
    FAKE.currentPid = (DWORD)pid;
    FAKE.currentSession = (DWORD)session;
    fake_unlock();
}

JNIEXPORT void JNICALL FN(setConsoleSession)(JNIEnv *env, jclass cls, jint session) {
    (void)env, (void)cls;
    fake_lock();
    FAKE.consoleSession = (DWORD)session;
    fake_unlock();
}

static int with_utf(JNIEnv *env, jstring function, char *out, size_t capacity) {
    const char *utf = (*env)->GetStringUTFChars(env, function, NULL);
    if (utf == NULL) {
        return 0;
    }
    strncpy(out, utf, capacity - 1);
    out[capacity - 1] = 0;
    (*env)->ReleaseStringUTFChars(env, function, utf);
    return 1;
}

/* The next `times` calls of `function` fail with `code` (times < 0: every call). */
JNIEXPORT void JNICALL FN(injectError)(JNIEnv *env, jclass cls, jstring function, jint code,
                                       jint times) {
    (void)cls;
    char name[64];
    if (with_utf(env, function, name, sizeof name)) {
        fake_inject_error(name, (DWORD)code, times);
    }
}

/* Sets the calling thread's last error: what an earlier, unrelated call would leave behind. */
JNIEXPORT void JNICALL FN(setLastError)(JNIEnv *env, jclass cls, jint code) {
    (void)env, (void)cls;
    fake_set_last_error((DWORD)code);
}

/* Makes the table slot NULL, as on a Windows without that function. */
JNIEXPORT jboolean JNICALL FN(removeFunction)(JNIEnv *env, jclass cls, jstring function) {
    (void)cls;
    char name[64];
    return with_utf(env, function, name, sizeof name) && fake_remove_function(name);
}

JNIEXPORT jlong JNICALL FN(outstandingBuffers)(JNIEnv *env, jclass cls) {
    (void)env, (void)cls;
    return fake_outstanding_buffers();
}

JNIEXPORT jlong JNICALL FN(misusedFrees)(JNIEnv *env, jclass cls) {
    (void)env, (void)cls;
    return fake_misused_frees();
}

JNIEXPORT jlong JNICALL FN(outstandingHeap)(JNIEnv *env, jclass cls) {
    (void)env, (void)cls;
    return fake_outstanding_heap();
}

JNIEXPORT jlong JNICALL FN(openHandles)(JNIEnv *env, jclass cls) {
    (void)env, (void)cls;
    return fake_open_handles();
}

JNIEXPORT jlong JNICALL FN(callCount)(JNIEnv *env, jclass cls) {
    (void)env, (void)cls;
    return fake_call_count();
}
