/*
 * TEST-ONLY fake of what starting a program in a user's session calls besides the tokens
 * (fake_tokens.c owns WTSQueryUserToken, GetTokenInformation, DuplicateTokenEx and
 * CloseHandle): CreateEnvironmentBlock/DestroyEnvironmentBlock, CreateProcessAsUserW, and for
 * the process and thread handles it gives out WaitForSingleObject and GetExitCodeProcess.
 * Those handles live in a registry here (never dereferenced blindly); CloseHandle closes them
 * through fake_launch_close. A token is asked of fake_tokens.c: its session picks the
 * environment that FakeLaunch.logOn scripted.
 *
 * Every process/thread handle and environment block counts as an open handle
 * (fake_handle_opened/closed), so FakeTestBase sees any that the shim leaves behind.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fake_channels.h"
#include "fake_launch.h"
#include "fake_pipes.h"
#include "fake_tokens.h"

#define MAX_USERS 16
#define MAX_LIVE 256
#define ERROR_BAD_TOKEN_TYPE 1349u
#define STILL_ACTIVE 259u
#define WAIT_OBJECT_0 0u
#define WAIT_TIMEOUT 258u
#define WAIT_FAILED 0xFFFFFFFFu
#define INFINITE 0xFFFFFFFFu
#define CREATE_UNICODE_ENVIRONMENT 0x00000400u

typedef struct user {
    int used;
    DWORD session;
    WCHAR *environment; /* double-NUL-terminated */
    size_t units;
} user;

enum object_kind { OBJECT_PROCESS = 1, OBJECT_THREAD, OBJECT_ENVIRONMENT, OBJECT_JOB };
#define MAX_JOB_PROCESSES 8

typedef struct object {
    enum object_kind kind;
    int started;         /* processes/threads: index into started[] */
    WCHAR *block;        /* environment blocks */
    int killOnClose;     /* jobs: JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE */
    int processes[MAX_JOB_PROCESSES]; /* jobs: indexes into started[] */
    int processCount;
} object;

static pthread_mutex_t launch_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t exited_cond = PTHREAD_COND_INITIALIZER;
static user users[MAX_USERS];
static object *live[MAX_LIVE];
static fake_started started[FAKE_LAUNCH_MAX_STARTED];
static int started_count;

void fake_launch_lock(void) { pthread_mutex_lock(&launch_mutex); }
void fake_launch_unlock(void) { pthread_mutex_unlock(&launch_mutex); }

static int fail(DWORD code) {
    fake_set_last_error(code);
    return 0;
}

/* ---- the handle registry (launch lock held) ---- */

static object *new_object(enum object_kind kind) {
    for (int i = 0; i < MAX_LIVE; i++) {
        if (live[i] == NULL) {
            live[i] = calloc(1, sizeof(object));
            if (live[i] == NULL) {
                return NULL;
            }
            live[i]->kind = kind;
            fake_handle_opened();
            return live[i];
        }
    }
    return NULL;
}

static int find_object(const void *handle) {
    for (int i = 0; handle != NULL && i < MAX_LIVE; i++) {
        if (live[i] == handle) {
            return i;
        }
    }
    return -1;
}

static object *object_of(HANDLE handle, enum object_kind kind) {
    int at = find_object(handle);
    return at >= 0 && live[at]->kind == kind ? live[at] : NULL;
}

static void drop_object(int at) {
    free(live[at]->block);
    free(live[at]);
    live[at] = NULL;
    fake_handle_closed();
}

static user *user_of(DWORD session) {
    for (int i = 0; i < MAX_USERS; i++) {
        if (users[i].used && users[i].session == session) {
            return &users[i];
        }
    }
    return NULL;
}

/* ---- scripting (from fake_launch_jni.c) ---- */

void fake_launch_log_on(DWORD session, const WCHAR *environment, size_t units) {
    fake_launch_lock();
    user *u = user_of(session);
    for (int i = 0; u == NULL && i < MAX_USERS; i++) {
        if (!users[i].used) {
            u = &users[i];
        }
    }
    if (u != NULL) {
        free(u->environment);
        u->used = 1;
        u->session = session;
        u->units = environment == NULL ? 2 : units;
        u->environment = calloc(u->units, sizeof(WCHAR));
        if (environment != NULL && u->environment != NULL) {
            memcpy(u->environment, environment, units * sizeof(WCHAR));
        }
    }
    fake_launch_unlock();
}

int fake_launch_started_count(void) { return started_count; }

fake_started *fake_launch_started(int index) {
    return index >= 0 && index < started_count ? &started[index] : NULL;
}

int fake_launch_exit(DWORD pid, DWORD exitCode) {
    int found = 0;
    fake_launch_lock();
    for (int i = 0; i < started_count; i++) {
        if (started[i].pid == pid) {
            started[i].exited = 1;
            started[i].exitCode = exitCode;
            found = 1;
        }
    }
    pthread_cond_broadcast(&exited_cond);
    fake_launch_unlock();
    return found;
}

/* ---- the fake functions ---- */

static BOOL WINAPI fake_CreateEnvironmentBlock(void **environment, HANDLE token, BOOL inherit) {
    (void)inherit;
    if (fake_enter("CreateEnvironmentBlock")) {
        return 0;
    }
    if (environment == NULL) {
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    fake_token_view t;
    int known = fake_tokens_view(token, &t);
    fake_launch_lock();
    user *u = known ? user_of(t.session) : NULL;
    DWORD error = 0;
    if (!known) {
        error = FAKE_ERROR_INVALID_HANDLE;
    } else {
        size_t units = u == NULL ? 2 : u->units;
        object *block = new_object(OBJECT_ENVIRONMENT);
        WCHAR *copy = block == NULL ? NULL : calloc(units, sizeof(WCHAR));
        if (copy == NULL) {
            error = WTS_ERROR_NOT_ENOUGH_MEMORY;
            if (block != NULL) {
                drop_object(find_object(block));
            }
        } else {
            if (u != NULL) {
                memcpy(copy, u->environment, units * sizeof(WCHAR));
            }
            block->block = copy;
            *environment = block->block;
        }
    }
    fake_launch_unlock();
    return error == 0 ? 1 : fail(error);
}

static BOOL WINAPI fake_DestroyEnvironmentBlock(void *environment) {
    if (fake_enter("DestroyEnvironmentBlock")) {
        return 0;
    }
    fake_launch_lock();
    int found = -1;
    for (int i = 0; environment != NULL && i < MAX_LIVE; i++) {
        if (live[i] != NULL && live[i]->kind == OBJECT_ENVIRONMENT && live[i]->block == environment) {
            found = i;
        }
    }
    if (found >= 0) {
        drop_object(found);
    }
    fake_launch_unlock();
    return found >= 0 ? 1 : fail(WTS_ERROR_INVALID_PARAMETER);
}

static WCHAR *copy_string(const WCHAR *text) {
    return text == NULL ? NULL : fake_wcsdup(text, fake_wcslen(text));
}

/* The block up to and including its double NUL (an empty block is two NULs). */
static WCHAR *copy_block(const WCHAR *block) {
    if (block == NULL) {
        return NULL;
    }
    size_t at = 0;
    while (block[at] != 0 || block[at + 1] != 0) {
        at++;
    }
    WCHAR *copy = malloc((at + 2) * sizeof(WCHAR));
    if (copy != NULL) {
        memcpy(copy, block, (at + 2) * sizeof(WCHAR));
    }
    return copy;
}

static BOOL WINAPI fake_CreateProcessAsUserW(HANDLE token, const WCHAR *application,
                                             WCHAR *commandLine, void *processAttributes,
                                             void *threadAttributes, BOOL inheritHandles,
                                             DWORD creationFlags, void *environment,
                                             const WCHAR *currentDirectory,
                                             STARTUPINFOW *startup, PROCESS_INFORMATION *info) {
    (void)processAttributes, (void)threadAttributes;
    if (fake_enter("CreateProcessAsUserW")) {
        return 0;
    }
    int extended = (creationFlags & WTS_EXTENDED_STARTUPINFO_PRESENT) != 0;
    if (startup == NULL || info == NULL ||
        startup->cb != (extended ? sizeof(STARTUPINFOEXW) : sizeof(STARTUPINFOW)) ||
        (application == NULL && commandLine == NULL)) {
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    int listCount = -1;
    HANDLE *list = NULL;
    if (extended) {
        listCount = fake_pipes_handle_list(((STARTUPINFOEXW *)startup)->lpAttributeList, &list);
        if (listCount < 0) {
            return fail(WTS_ERROR_INVALID_PARAMETER); /* no live attribute list */
        }
        if (listCount > 0 && !inheritHandles) {
            return fail(WTS_ERROR_INVALID_PARAMETER);
        }
        for (int i = 0; i < listCount; i++) {
            if (!fake_pipes_inheritable(list[i])) {
                return fail(WTS_ERROR_INVALID_PARAMETER); /* Windows: each must be inheritable */
            }
        }
    }
    int useStd = (startup->dwFlags & WTS_STARTF_USESTDHANDLES) != 0;
    HANDLE std[3] = {useStd ? startup->hStdInput : NULL, useStd ? startup->hStdOutput : NULL,
                     useStd ? startup->hStdError : NULL};
    int stdBits = 0, stdInList = 1;
    for (int i = 0; i < 3; i++) {
        if (std[i] == NULL) {
            continue;
        }
        stdBits |= 1 << i;
        int listed = 0;
        for (int j = 0; j < listCount; j++) {
            listed |= list[j] == std[i];
        }
        stdInList &= listed;
    }
    if (environment != NULL && !(creationFlags & CREATE_UNICODE_ENVIRONMENT)) {
        return fail(WTS_ERROR_INVALID_PARAMETER); /* a UTF-16 block read as ANSI: garbage */
    }
    fake_token_view t;
    int known = fake_tokens_view(token, &t);
    fake_launch_lock();
    DWORD error = 0;
    if (!known) {
        error = FAKE_ERROR_INVALID_HANDLE;
    } else if (t.tokenType != FAKE_TOKEN_PRIMARY) {
        error = ERROR_BAD_TOKEN_TYPE;
    } else if (started_count >= FAKE_LAUNCH_MAX_STARTED) {
        error = WTS_ERROR_NOT_ENOUGH_MEMORY;
    } else {
        object *process = new_object(OBJECT_PROCESS);
        object *thread = process == NULL ? NULL : new_object(OBJECT_THREAD);
        if (thread == NULL) {
            error = WTS_ERROR_NOT_ENOUGH_MEMORY;
            if (process != NULL) {
                drop_object(find_object(process));
            }
        } else {
            int index = started_count++;
            fake_started *s = &started[index];
            memset(s, 0, sizeof *s);
            s->pid = 7000u + 4u * (DWORD)index;
            s->application = copy_string(application);
            s->commandLine = copy_string(commandLine);
            s->desktop = copy_string(startup->lpDesktop);
            s->workingDirectory = copy_string(currentDirectory);
            s->environment = copy_block(environment);
            s->creationFlags = creationFlags;
            s->startupFlags = startup->dwFlags;
            s->showWindow = startup->wShowWindow;
            s->inheritHandles = inheritHandles;
            s->tokenSession = t.session;
            s->tokenElevated = t.elevationType == FAKE_ELEVATION_FULL;
            s->stdHandles = stdBits;
            s->handleListCount = listCount;
            s->stdInList = stdBits != 0 && stdInList;
            process->started = index;
            thread->started = index;
            info->hProcess = process;
            info->hThread = thread;
            info->dwProcessId = s->pid;
            info->dwThreadId = s->pid + 1;
        }
    }
    fake_launch_unlock();
    if (error == 0) {
        /* the child's copies of exactly the handles it inherits: the standard ones in the list */
        int inherits = inheritHandles && stdBits != 0;
        fake_pipes_spawn(info->dwProcessId, commandLine, inherits ? std[0] : NULL,
                         inherits ? std[1] : NULL, inherits ? std[2] : NULL,
                         (creationFlags & WTS_CREATE_SUSPENDED) != 0);
    }
    return error == 0 ? 1 : fail(error);
}

/* Ends started process `index` (no lock held): its emulated child, or the record alone. */
static void end_process(DWORD pid, DWORD exitCode) {
    if (!fake_pipes_kill(pid, exitCode)) {
        fake_launch_exit(pid, exitCode);
    }
}

static BOOL WINAPI fake_TerminateProcess(HANDLE process, UINT exitCode) {
    if (fake_enter("TerminateProcess")) {
        return 0;
    }
    fake_launch_lock();
    object *o = object_of(process, OBJECT_PROCESS);
    DWORD pid = o == NULL ? 0 : started[o->started].pid;
    int exited = o != NULL && started[o->started].exited;
    fake_launch_unlock();
    if (o == NULL) {
        return fail(FAKE_ERROR_INVALID_HANDLE);
    }
    if (exited) {
        return fail(5); /* ERROR_ACCESS_DENIED: it has ended */
    }
    end_process(pid, exitCode);
    return 1;
}

static DWORD WINAPI fake_ResumeThread(HANDLE thread) {
    if (fake_enter("ResumeThread")) {
        return 0xFFFFFFFFu;
    }
    fake_launch_lock();
    object *o = object_of(thread, OBJECT_THREAD);
    DWORD pid = o == NULL ? 0 : started[o->started].pid;
    fake_launch_unlock();
    if (o == NULL) {
        fail(FAKE_ERROR_INVALID_HANDLE);
        return 0xFFFFFFFFu;
    }
    fake_pipes_resume(pid);
    return 1; /* the previous suspend count */
}

static HANDLE WINAPI fake_CreateJobObjectW(void *attributes, const WCHAR *name) {
    (void)attributes;
    if (fake_enter("CreateJobObjectW")) {
        return NULL;
    }
    if (name != NULL) {
        fail(WTS_ERROR_INVALID_PARAMETER); /* the shim's jobs are anonymous */
        return NULL;
    }
    fake_launch_lock();
    object *job = new_object(OBJECT_JOB);
    fake_launch_unlock();
    if (job == NULL) {
        fail(WTS_ERROR_NOT_ENOUGH_MEMORY);
    }
    return job;
}

static BOOL WINAPI fake_SetInformationJobObject(HANDLE job, DWORD infoClass, void *info,
                                                DWORD length) {
    if (fake_enter("SetInformationJobObject")) {
        return 0;
    }
    if (infoClass != WTS_JOB_OBJECT_EXTENDED_LIMIT_INFORMATION || info == NULL ||
        length != sizeof(JOBOBJECT_EXTENDED_LIMIT_INFORMATION)) {
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    fake_launch_lock();
    object *o = object_of(job, OBJECT_JOB);
    if (o != NULL) {
        o->killOnClose = (((JOBOBJECT_EXTENDED_LIMIT_INFORMATION *)info)
                              ->BasicLimitInformation.LimitFlags &
                          WTS_JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE) != 0;
    }
    fake_launch_unlock();
    return o != NULL ? 1 : fail(FAKE_ERROR_INVALID_HANDLE);
}

static BOOL WINAPI fake_AssignProcessToJobObject(HANDLE job, HANDLE process) {
    if (fake_enter("AssignProcessToJobObject")) {
        return 0;
    }
    fake_launch_lock();
    object *j = object_of(job, OBJECT_JOB);
    object *p = object_of(process, OBJECT_PROCESS);
    DWORD error = 0;
    if (j == NULL || p == NULL) {
        error = FAKE_ERROR_INVALID_HANDLE;
    } else if (j->processCount >= MAX_JOB_PROCESSES) {
        error = WTS_ERROR_NOT_ENOUGH_MEMORY;
    } else {
        j->processes[j->processCount++] = p->started;
        started[p->started].jobAssigned = 1;
    }
    fake_launch_unlock();
    return error == 0 ? 1 : fail(error);
}

int fake_launch_close(HANDLE handle) {
    fake_launch_lock();
    int at = find_object(handle);
    int ours = at >= 0 && live[at]->kind != OBJECT_ENVIRONMENT;
    DWORD kill[MAX_JOB_PROCESSES];
    int kills = 0;
    if (ours && live[at]->kind == OBJECT_JOB && live[at]->killOnClose) {
        for (int i = 0; i < live[at]->processCount; i++) {
            fake_started *s = &started[live[at]->processes[i]];
            if (!s->exited) {
                s->killedByJob = 1;
                kill[kills++] = s->pid;
            }
        }
    }
    if (ours) {
        drop_object(at);
    }
    fake_launch_unlock();
    for (int i = 0; i < kills; i++) {
        end_process(kill[i], 1); /* the job's last handle closed: its processes end */
    }
    return ours;
}

static DWORD WINAPI fake_WaitForSingleObject(HANDLE handle, DWORD milliseconds) {
    fake_launch_lock();
    object *o = object_of(handle, OBJECT_PROCESS);
    if (o == NULL) {
        o = object_of(handle, OBJECT_THREAD);
    }
    if (o == NULL) {
        fake_launch_unlock();
        DWORD outcome;
        if (fake_channels_wait(handle, milliseconds, &outcome)) {
            return outcome; /* an event of a virtual channel */
        }
        fake_enter("WaitForSingleObject");
        fake_set_last_error(FAKE_ERROR_INVALID_HANDLE);
        return WAIT_FAILED;
    }
    fake_launch_unlock();
    if (fake_enter("WaitForSingleObject")) {
        return WAIT_FAILED;
    }
    fake_launch_lock();
    int index = o->started;
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += milliseconds / 1000;
    deadline.tv_nsec += (long)(milliseconds % 1000) * 1000000L;
    if (deadline.tv_nsec >= 1000000000L) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000L;
    }
    int timedOut = 0;
    while (!started[index].exited && !timedOut) {
        if (milliseconds == INFINITE) {
            pthread_cond_wait(&exited_cond, &launch_mutex);
        } else {
            timedOut = pthread_cond_timedwait(&exited_cond, &launch_mutex, &deadline) != 0;
        }
    }
    int exited = started[index].exited;
    fake_launch_unlock();
    return exited ? WAIT_OBJECT_0 : WAIT_TIMEOUT;
}

static BOOL WINAPI fake_GetExitCodeProcess(HANDLE process, DWORD *exitCode) {
    if (fake_enter("GetExitCodeProcess")) {
        return 0;
    }
    if (exitCode == NULL) {
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    fake_launch_lock();
    object *o = object_of(process, OBJECT_PROCESS);
    if (o != NULL) {
        *exitCode = started[o->started].exited ? started[o->started].exitCode : STILL_ACTIVE;
    }
    fake_launch_unlock();
    return o != NULL ? 1 : fail(FAKE_ERROR_INVALID_HANDLE);
}

static void fill(wts_api *api) {
    api->WaitForSingleObject = fake_WaitForSingleObject;
    api->CreateEnvironmentBlock = fake_CreateEnvironmentBlock;
    api->DestroyEnvironmentBlock = fake_DestroyEnvironmentBlock;
    api->CreateProcessAsUserW = fake_CreateProcessAsUserW;
    api->GetExitCodeProcess = fake_GetExitCodeProcess;
    api->TerminateProcess = fake_TerminateProcess;
    api->ResumeThread = fake_ResumeThread;
    api->CreateJobObjectW = fake_CreateJobObjectW;
    api->SetInformationJobObject = fake_SetInformationJobObject;
    api->AssignProcessToJobObject = fake_AssignProcessToJobObject;
}

static void reset(void) {
    fake_launch_lock();
    for (int i = 0; i < MAX_USERS; i++) {
        free(users[i].environment);
    }
    memset(users, 0, sizeof users);
    for (int i = 0; i < MAX_LIVE; i++) {
        if (live[i] != NULL) {
            free(live[i]->block);
            free(live[i]);
            live[i] = NULL; /* the open-handle count is zeroed by fake_reset */
        }
    }
    for (int i = 0; i < started_count; i++) {
        free(started[i].application);
        free(started[i].commandLine);
        free(started[i].desktop);
        free(started[i].workingDirectory);
        free(started[i].environment);
    }
    memset(started, 0, sizeof started);
    started_count = 0;
    pthread_cond_broadcast(&exited_cond);
    fake_launch_unlock();
}

FAKE_MODULE(launch, fill, reset)
