/* TEST-ONLY: natives of io.github.wtsbridge.testing.FakeLaunch (scripts fake_launch.c). */
#include <jni.h>
#include <stdlib.h>

#include "fake_launch.h"
#include "fake_tokens.h"
#include "fake_pipes.h"

#define FN(name) Java_io_github_wtsbridge_testing_FakeLaunch_##name

/* A user logged on to `session`: elevationType 1 default, 2 full, 3 limited; environment
 * entries "NAME=value" become the block CreateEnvironmentBlock hands out (in that order). */
JNIEXPORT void JNICALL FN(logOn)(JNIEnv *env, jclass cls, jint session, jint elevationType,
                                 jobjectArray environment) {
    (void)cls;
    jsize count = environment == NULL ? 0 : (*env)->GetArrayLength(env, environment);
    size_t units = 1;
    for (jsize i = 0; i < count; i++) {
        jstring entry = (*env)->GetObjectArrayElement(env, environment, i);
        units += (size_t)(*env)->GetStringLength(env, entry) + 1;
        (*env)->DeleteLocalRef(env, entry);
    }
    if (count == 0) {
        units = 2;
    }
    WCHAR *block = calloc(units, sizeof(WCHAR));
    size_t at = 0;
    for (jsize i = 0; block != NULL && i < count; i++) {
        jstring entry = (*env)->GetObjectArrayElement(env, environment, i);
        jsize length = (*env)->GetStringLength(env, entry);
        (*env)->GetStringRegion(env, entry, 0, length, block + at);
        at += (size_t)length + 1;
        (*env)->DeleteLocalRef(env, entry);
    }
    fake_launch_log_on((DWORD)session, block, units);
    free(block);
    /* S-1-5-21-1-2-3-(1000 + session): a user of the fake's domain. */
    uint8_t sid[28] = {1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3};
    uint32_t rid = 1000u + (uint32_t)session;
    for (int i = 0; i < 4; i++) {
        sid[24 + i] = (uint8_t)(rid >> (8 * i));
    }
    fake_tokens_set_session_user((DWORD)session, sid, sizeof sid, (DWORD)elevationType);
}

static jstring text(JNIEnv *env, const WCHAR *value) {
    return value == NULL ? NULL : (*env)->NewString(env, value, (jsize)fake_wcslen(value));
}

JNIEXPORT jint JNICALL FN(startedCount)(JNIEnv *env, jclass cls) {
    (void)env, (void)cls;
    fake_launch_lock();
    int count = fake_launch_started_count();
    fake_launch_unlock();
    return count;
}

/* {command line, desktop, working directory} of started process `index`; nulls for NULL. */
JNIEXPORT jobjectArray JNICALL FN(startedTexts)(JNIEnv *env, jclass cls, jint index) {
    (void)cls;
    jclass string = (*env)->FindClass(env, "java/lang/String");
    jobjectArray result = string ? (*env)->NewObjectArray(env, 4, string, NULL) : NULL;
    if (result == NULL) {
        return NULL;
    }
    fake_launch_lock();
    fake_started *s = fake_launch_started(index);
    WCHAR *values[4] = {s ? s->commandLine : NULL, s ? s->desktop : NULL,
                        s ? s->workingDirectory : NULL, s ? s->application : NULL};
    for (int i = 0; i < 4; i++) {
        jstring value = text(env, values[i]);
        (*env)->SetObjectArrayElement(env, result, i, value);
        if (value != NULL) {
            (*env)->DeleteLocalRef(env, value);
        }
    }
    fake_launch_unlock();
    return result;
}

/* The environment block started process `index` got, entry by entry; null if NULL. */
JNIEXPORT jobjectArray JNICALL FN(startedEnvironment)(JNIEnv *env, jclass cls, jint index) {
    (void)cls;
    jclass string = (*env)->FindClass(env, "java/lang/String");
    if (string == NULL) {
        return NULL;
    }
    fake_launch_lock();
    fake_started *s = fake_launch_started(index);
    jobjectArray result = NULL;
    if (s != NULL && s->environment != NULL) {
        jsize count = 0;
        for (size_t at = 0; s->environment[at] != 0; at += fake_wcslen(s->environment + at) + 1) {
            count++;
        }
        result = (*env)->NewObjectArray(env, count, string, NULL);
        size_t at = 0;
        for (jsize i = 0; result != NULL && i < count; i++) {
            jstring value = text(env, s->environment + at);
            (*env)->SetObjectArrayElement(env, result, i, value);
            (*env)->DeleteLocalRef(env, value);
            at += fake_wcslen(s->environment + at) + 1;
        }
    }
    fake_launch_unlock();
    return result;
}

/* {pid, creation flags, STARTUPINFO flags, wShowWindow, inherit handles, token's session,
 * token elevated (0/1), standard handles (bits), handle list entries (-1: no list), standard
 * handles all in the list, assigned to a job, ended by its job, ended} of started process `index`. */
JNIEXPORT jlongArray JNICALL FN(startedNumbers)(JNIEnv *env, jclass cls, jint index) {
    (void)cls;
    jlongArray result = (*env)->NewLongArray(env, 13);
    if (result == NULL) {
        return NULL;
    }
    fake_launch_lock();
    fake_started *s = fake_launch_started(index);
    jlong values[13] = {0};
    if (s != NULL) {
        values[0] = s->pid;
        values[1] = s->creationFlags;
        values[2] = s->startupFlags;
        values[3] = s->showWindow;
        values[4] = s->inheritHandles;
        values[5] = s->tokenSession;
        values[6] = s->tokenElevated;
        values[7] = s->stdHandles;
        values[8] = s->handleListCount;
        values[9] = s->stdInList;
        values[10] = s->jobAssigned;
        values[11] = s->killedByJob;
        values[12] = s->exited;
    }
    fake_launch_unlock();
    (*env)->SetLongArrayRegion(env, result, 0, 13, values);
    return result;
}

/* The started process `pid` ends with exitCode; false if the fake started no such pid. */
JNIEXPORT jboolean JNICALL FN(exitProcess)(JNIEnv *env, jclass cls, jlong pid, jint exitCode) {
    (void)env, (void)cls;
    if (fake_pipes_kill((DWORD)pid, (DWORD)exitCode)) {
        return JNI_TRUE; /* an emulated child: ended, its handles closed */
    }
    return fake_launch_exit((DWORD)pid, (DWORD)exitCode) ? JNI_TRUE : JNI_FALSE;
}
