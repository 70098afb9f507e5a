/*
 * Natives of io.github.wtsbridge.internal.LaunchNative: the Windows calls that start a
 * program in a user's session, one JNI call per Windows call. The chain itself
 * (WTSQueryUserToken → [linked token] → DuplicateTokenEx → CreateEnvironmentBlock →
 * CreateProcessAsUserW) runs in Java (internal/Launcher.java) with try/finally, so that each
 * token is closed on every path and the environment can be merged in Java. Token and process
 * handles cross to Java as jlong values that never leave the internal package.
 */
#include "heap_text.h"

#define FN(name) Java_io_github_wtsbridge_internal_LaunchNative_##name

#define HANDLE_OF(value) ((HANDLE)(intptr_t)(value))
#define TOKEN_ELEVATION_TYPE 18
#define TOKEN_LINKED_TOKEN 19
#define MAXIMUM_ALLOWED 0x02000000u
#define SECURITY_IMPERSONATION 2
#define TOKEN_PRIMARY 1
#define STARTF_USESHOWWINDOW 0x00000001u
#define CREATE_NEW_CONSOLE 0x00000010u
#define CREATE_UNICODE_ENVIRONMENT 0x00000400u
#define WAIT_FAILED 0xFFFFFFFFu
/* An environment block longer than this is corrupt (64 Mi units); stops a runaway scan. */
#define MAX_ENVIRONMENT_UNITS ((size_t)1 << 26)

/* TokenElevationType: 1 default (no split token), 2 full, 3 limited (UAC filtered). */
JNIEXPORT jint JNICALL FN(tokenElevationType)(JNIEnv *env, jclass cls, jlong token) {
    (void)cls;
    WTS_REQUIRE(env, GetTokenInformation, 0);
    DWORD type = 0, length = 0;
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.GetTokenInformation(HANDLE_OF(token), TOKEN_ELEVATION_TYPE, &type, sizeof type,
                                 &length)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "GetTokenInformation");
        return 0;
    }
    return (jint)type;
}

/* TokenLinkedToken: the other half of a split token; the caller closes it. */
JNIEXPORT jlong JNICALL FN(linkedToken)(JNIEnv *env, jclass cls, jlong token) {
    (void)cls;
    WTS_REQUIRE(env, GetTokenInformation, 0);
    HANDLE linked = NULL; /* TOKEN_LINKED_TOKEN is one HANDLE */
    DWORD length = 0;
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.GetTokenInformation(HANDLE_OF(token), TOKEN_LINKED_TOKEN, &linked, sizeof linked,
                                 &length)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "GetTokenInformation");
        return 0;
    }
    return (jlong)(intptr_t)linked;
}

/* DuplicateTokenEx(MAXIMUM_ALLOWED, SecurityImpersonation, TokenPrimary): what
 * CreateProcessAsUserW needs. */
JNIEXPORT jlong JNICALL FN(duplicatePrimaryToken)(JNIEnv *env, jclass cls, jlong token) {
    (void)cls;
    WTS_REQUIRE(env, DuplicateTokenEx, 0);
    HANDLE primary = NULL;
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.DuplicateTokenEx(HANDLE_OF(token), MAXIMUM_ALLOWED, NULL, SECURITY_IMPERSONATION,
                              TOKEN_PRIMARY, &primary)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "DuplicateTokenEx");
        return 0;
    }
    return (jlong)(intptr_t)primary;
}

/* The user's own environment (CreateEnvironmentBlock, not inheriting ours) as "NAME=value"
 * strings; the block is destroyed before returning, on every path. */
JNIEXPORT jobjectArray JNICALL FN(environmentBlock)(JNIEnv *env, jclass cls, jlong token) {
    (void)cls;
    WTS_REQUIRE(env, CreateEnvironmentBlock, NULL);
    WTS_REQUIRE(env, DestroyEnvironmentBlock, NULL);
    void *block = NULL;
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.CreateEnvironmentBlock(&block, HANDLE_OF(token), 0)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "CreateEnvironmentBlock");
        return NULL;
    }
    jobjectArray result = NULL;
    const WCHAR *units = (const WCHAR *)block;
    size_t count = 0, at = 0;
    while (units != NULL && at < MAX_ENVIRONMENT_UNITS && units[at] != 0) {
        at += wts_wcsnlen(units + at, MAX_ENVIRONMENT_UNITS - at) + 1;
        count++;
    }
    if (at >= MAX_ENVIRONMENT_UNITS) {
        wts_throw_win32(env, WTS_ERROR_INVALID_DATA, "CreateEnvironmentBlock");
        goto done;
    }
    result = (*env)->NewObjectArray(env, (jsize)count, wts_class_String, NULL);
    at = 0;
    for (size_t i = 0; result != NULL && i < count; i++) {
        size_t length = wts_wcsnlen(units + at, MAX_ENVIRONMENT_UNITS - at);
        jstring entry = wts_new_string(env, units + at, length);
        if (entry == NULL) {
            result = NULL; /* OutOfMemoryError pending; the array is a local ref */
            break;
        }
        (*env)->SetObjectArrayElement(env, result, (jsize)i, entry);
        (*env)->DeleteLocalRef(env, entry);
        at += length + 1;
    }
done:
    WTS.DestroyEnvironmentBlock(block);
    return result;
}

/* The handles to pass to the child, without zeros and duplicates, in `unique` (3 slots). */
static DWORD distinct_handles(const HANDLE std[3], HANDLE unique[3]) {
    DWORD count = 0;
    for (int i = 0; i < 3; i++) {
        int seen = std[i] == NULL;
        for (DWORD j = 0; j < count && !seen; j++) {
            seen = unique[j] == std[i];
        }
        if (!seen) {
            unique[count++] = std[i];
        }
    }
    return count;
}

/*
 * CreateProcessAsUserW(token, application, commandLine, NULL, NULL, inherit,
 * CREATE_UNICODE_ENVIRONMENT | CREATE_NEW_CONSOLE | extraFlags, environment, workingDirectory,
 * startup) with lpDesktop = desktop and, when showWindow >= 0, STARTF_USESHOWWINDOW.
 * environment is a complete block ("A=1\0B=2\0\0") prepared by Java; application may be null
 * (the program is then the command line's first token).
 *
 * stdHandles, when not null, is {stdin, stdout, stderr} (0: none): they go in with
 * STARTF_USESTDHANDLES, and handle inheritance is on only for them — a STARTUPINFOEXW whose
 * PROC_THREAD_ATTRIBUTE_HANDLE_LIST names exactly those handles, so that no other inheritable
 * handle of the JVM reaches a process of another user. extraFlags may hold CREATE_SUSPENDED
 * and CREATE_BREAKAWAY_FROM_JOB. Returns {pid, process handle, thread handle}: the thread
 * handle is kept (for ResumeThread) only with CREATE_SUSPENDED, else closed here and 0.
 */
JNIEXPORT jlongArray JNICALL FN(createProcessAsUser)(JNIEnv *env, jclass cls, jlong token,
                                                     jstring application, jstring commandLine,
                                                     jstring desktop,
                                                     jstring workingDirectory,
                                                     jcharArray environment, jint showWindow,
                                                     jlongArray stdHandles, jint extraFlags) {
    (void)cls;
    WTS_REQUIRE(env, CreateProcessAsUserW, NULL);
    WTS_REQUIRE(env, CloseHandle, NULL);
    jlongArray result = NULL;
    if (commandLine == NULL || desktop == NULL ||
        (stdHandles != NULL && (*env)->GetArrayLength(env, stdHandles) != 3)) {
        wts_throw_illegal_argument(env, "no command line or desktop, or not 3 standard handles");
        return NULL;
    }
    HANDLE std[3] = {NULL, NULL, NULL};
    HANDLE unique[3] = {NULL, NULL, NULL};
    DWORD inheritCount = 0;
    if (stdHandles != NULL) {
        jlong values[3];
        (*env)->GetLongArrayRegion(env, stdHandles, 0, 3, values);
        for (int i = 0; i < 3; i++) {
            std[i] = HANDLE_OF(values[i]);
        }
        inheritCount = distinct_handles(std, unique);
        if (inheritCount > 0) {
            WTS_REQUIRE(env, InitializeProcThreadAttributeList, NULL);
            WTS_REQUIRE(env, UpdateProcThreadAttribute, NULL);
            WTS_REQUIRE(env, DeleteProcThreadAttributeList, NULL);
        }
    }
    WCHAR *command = wts_heap_string(env, commandLine);
    WCHAR *desk = command ? wts_heap_string(env, desktop) : NULL;
    WCHAR *directory = desk ? wts_heap_string(env, workingDirectory) : NULL;
    WCHAR *program = desk && !(*env)->ExceptionCheck(env) ? wts_heap_string(env, application) : NULL;
    WCHAR *block = NULL;
    void *attributes = NULL;
    int attributesReady = 0;
    if (desk == NULL || (*env)->ExceptionCheck(env)) {
        goto done;
    }
    block = wts_heap_chars(env, environment);
    if ((*env)->ExceptionCheck(env)) {
        goto done;
    }
    STARTUPINFOEXW startup = {0};
    startup.StartupInfo.cb = sizeof startup.StartupInfo;
    startup.StartupInfo.lpDesktop = desk;
    if (showWindow >= 0) {
        startup.StartupInfo.dwFlags = STARTF_USESHOWWINDOW;
        startup.StartupInfo.wShowWindow = (uint16_t)showWindow;
    }
    DWORD flags = CREATE_UNICODE_ENVIRONMENT | CREATE_NEW_CONSOLE | (DWORD)extraFlags;
    if (stdHandles != NULL) {
        startup.StartupInfo.dwFlags |= WTS_STARTF_USESTDHANDLES;
        startup.StartupInfo.hStdInput = std[0];
        startup.StartupInfo.hStdOutput = std[1];
        startup.StartupInfo.hStdError = std[2];
    }
    if (inheritCount > 0) {
        size_t size = 0;
        WTS.InitializeProcThreadAttributeList(NULL, 1, 0, &size); /* fails, giving the size */
        attributes = size > 0 ? wts_alloc(size) : NULL;
        if (attributes == NULL) {
            wts_throw_win32(env, WTS_ERROR_NOT_ENOUGH_MEMORY, "InitializeProcThreadAttributeList");
            goto done;
        }
        WTS_CLEAR_LAST_ERROR();
        if (!WTS.InitializeProcThreadAttributeList(attributes, 1, 0, &size)) {
            DWORD error = WTS.GetLastError();
            wts_throw_win32(env, error, "InitializeProcThreadAttributeList");
            goto done;
        }
        attributesReady = 1;
        WTS_CLEAR_LAST_ERROR();
        if (!WTS.UpdateProcThreadAttribute(attributes, 0, WTS_PROC_THREAD_ATTRIBUTE_HANDLE_LIST,
                                           unique, inheritCount * sizeof(HANDLE), NULL, NULL)) {
            DWORD error = WTS.GetLastError();
            wts_throw_win32(env, error, "UpdateProcThreadAttribute");
            goto done;
        }
        startup.StartupInfo.cb = sizeof startup;
        startup.lpAttributeList = attributes;
        flags |= WTS_EXTENDED_STARTUPINFO_PRESENT;
    }
    PROCESS_INFORMATION info = {0};
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.CreateProcessAsUserW(HANDLE_OF(token), program, command, NULL, NULL,
                                  inheritCount > 0 ? 1 : 0, flags, block, directory,
                                  &startup.StartupInfo, &info)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "CreateProcessAsUserW");
        goto done;
    }
    int keepThread = (extraFlags & WTS_CREATE_SUSPENDED) != 0;
    if (!keepThread) {
        WTS.CloseHandle(info.hThread);
    }
    jlong values[3] = {(jlong)info.dwProcessId, (jlong)(intptr_t)info.hProcess,
                       keepThread ? (jlong)(intptr_t)info.hThread : 0};
    result = (*env)->NewLongArray(env, 3);
    if (result == NULL) {
        /* OutOfMemoryError pending: nobody would close them (a suspended child is ended) */
        if (keepThread) {
            if (WTS.TerminateProcess != NULL) {
                WTS.TerminateProcess(info.hProcess, 1);
            }
            WTS.CloseHandle(info.hThread);
        }
        WTS.CloseHandle(info.hProcess);
        goto done;
    }
    (*env)->SetLongArrayRegion(env, result, 0, 3, values);
done:
    if (attributesReady) {
        WTS.DeleteProcThreadAttributeList(attributes);
    }
    wts_free(attributes);
    wts_free(command);
    wts_free(desk);
    wts_free(directory);
    wts_free(program);
    wts_free(block);
    return result;
}

/* TerminateProcess(process, exitCode). */
JNIEXPORT void JNICALL FN(terminateProcess)(JNIEnv *env, jclass cls, jlong process, jint exitCode) {
    (void)cls;
    WTS_REQUIRE(env, TerminateProcess, );
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.TerminateProcess(HANDLE_OF(process), (UINT)exitCode)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "TerminateProcess");
    }
}

/* ResumeThread of a child started with CREATE_SUSPENDED. */
JNIEXPORT void JNICALL FN(resumeThread)(JNIEnv *env, jclass cls, jlong thread) {
    (void)cls;
    WTS_REQUIRE(env, ResumeThread, );
    WTS_CLEAR_LAST_ERROR();
    if (WTS.ResumeThread(HANDLE_OF(thread)) == 0xFFFFFFFFu) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "ResumeThread");
    }
}

/* CreateJobObjectW + SetInformationJobObject(JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE): a job whose
 * processes end when its last handle closes (also when this process dies). */
JNIEXPORT jlong JNICALL FN(createKillOnCloseJob)(JNIEnv *env, jclass cls) {
    (void)cls;
    WTS_REQUIRE(env, CreateJobObjectW, 0);
    WTS_REQUIRE(env, SetInformationJobObject, 0);
    WTS_REQUIRE(env, CloseHandle, 0);
    WTS_CLEAR_LAST_ERROR();
    HANDLE job = WTS.CreateJobObjectW(NULL, NULL);
    if (job == NULL) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "CreateJobObjectW");
        return 0;
    }
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits = {0};
    limits.BasicLimitInformation.LimitFlags = WTS_JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.SetInformationJobObject(job, WTS_JOB_OBJECT_EXTENDED_LIMIT_INFORMATION, &limits,
                                     sizeof limits)) {
        DWORD error = WTS.GetLastError();
        WTS.CloseHandle(job);
        wts_throw_win32(env, error, "SetInformationJobObject");
        return 0;
    }
    return (jlong)(intptr_t)job;
}

/* AssignProcessToJobObject(job, process). */
JNIEXPORT void JNICALL FN(assignToJob)(JNIEnv *env, jclass cls, jlong job, jlong process) {
    (void)cls;
    WTS_REQUIRE(env, AssignProcessToJobObject, );
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.AssignProcessToJobObject(HANDLE_OF(job), HANDLE_OF(process))) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "AssignProcessToJobObject");
    }
}

/* WaitForSingleObject on a process: 0 (WAIT_OBJECT_0, it ended) or 258 (WAIT_TIMEOUT);
 * milliseconds is a DWORD, 0xFFFFFFFF = INFINITE. */
JNIEXPORT jint JNICALL FN(waitForProcess)(JNIEnv *env, jclass cls, jlong process,
                                          jint milliseconds) {
    (void)cls;
    WTS_REQUIRE(env, WaitForSingleObject, 0);
    WTS_CLEAR_LAST_ERROR();
    DWORD outcome = WTS.WaitForSingleObject(HANDLE_OF(process), (DWORD)milliseconds);
    if (outcome == WAIT_FAILED) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "WaitForSingleObject");
        return 0;
    }
    return (jint)outcome;
}

JNIEXPORT jint JNICALL FN(exitCodeProcess)(JNIEnv *env, jclass cls, jlong process) {
    (void)cls;
    WTS_REQUIRE(env, GetExitCodeProcess, 0);
    DWORD code = 0;
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.GetExitCodeProcess(HANDLE_OF(process), &code)) {
        DWORD error = WTS.GetLastError();
        wts_throw_win32(env, error, "GetExitCodeProcess");
        return 0;
    }
    return (jint)code;
}

/* CloseHandle; false when Windows refused (cleanup paths ignore it, there is nothing to do). */
JNIEXPORT jboolean JNICALL FN(closeHandle)(JNIEnv *env, jclass cls, jlong handle) {
    (void)env, (void)cls;
    if (WTS.CloseHandle == NULL || handle == 0) {
        return JNI_FALSE;
    }
    return WTS.CloseHandle(HANDLE_OF(handle)) ? JNI_TRUE : JNI_FALSE;
}
