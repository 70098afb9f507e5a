/*
 * TEST-ONLY fake of the caller's own token privileges: OpenThreadToken, OpenProcessToken,
 * LookupPrivilegeValueW and AdjustTokenPrivileges, for SE_SHUTDOWN_NAME (the one privilege
 * the shim adjusts). As on Windows: an administrator's token holds it disabled;
 * AdjustTokenPrivileges succeeds with ERROR_NOT_ALL_ASSIGNED for a privilege the token lacks
 * and returns, as the previous state, only the privileges it changed. The local
 * WTSShutdownSystem (fake_control.c) fails with ERROR_PRIVILEGE_NOT_HELD unless it is enabled.
 */
#include <pthread.h>
#include <string.h>

#include "fake_privileges.h"
#include "fake_tokens.h"

#define SHUTDOWN_LUID 19u /* SE_SHUTDOWN_PRIVILEGE's value on every Windows */
#define ERROR_NO_SUCH_PRIVILEGE 1313u

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int present = 1, enabled = 0, impersonating = 0;
static int64_t adjustments;

static int fail(DWORD code) {
    fake_set_last_error(code);
    return 0;
}

static BOOL WINAPI fake_OpenThreadToken(HANDLE thread, DWORD access, BOOL openAsSelf, HANDLE *token) {
    (void)thread, (void)access, (void)openAsSelf;
    if (fake_enter("OpenThreadToken")) {
        return 0;
    }
    pthread_mutex_lock(&lock);
    int has = impersonating;
    pthread_mutex_unlock(&lock);
    if (!has) {
        return fail(WTS_ERROR_NO_TOKEN); /* the thread does not impersonate */
    }
    *token = fake_tokens_open_own();
    return 1;
}

static BOOL WINAPI fake_OpenProcessToken(HANDLE process, DWORD access, HANDLE *token) {
    (void)access;
    if (fake_enter("OpenProcessToken")) {
        return 0;
    }
    if (process != WTS_CURRENT_PROCESS || token == NULL) {
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    *token = fake_tokens_open_own();
    return 1;
}

static BOOL WINAPI fake_LookupPrivilegeValueW(const WCHAR *system, const WCHAR *name, LUID *luid) {
    if (fake_enter("LookupPrivilegeValueW")) {
        return 0;
    }
    static const char SHUTDOWN[] = "SeShutdownPrivilege";
    size_t i = 0;
    while (name != NULL && i < sizeof SHUTDOWN && name[i] == (WCHAR)SHUTDOWN[i] && name[i] != 0) {
        i++;
    }
    if (system != NULL || name == NULL || i != sizeof SHUTDOWN - 1 || name[i] != 0) {
        return fail(ERROR_NO_SUCH_PRIVILEGE);
    }
    luid->LowPart = SHUTDOWN_LUID;
    luid->HighPart = 0;
    return 1;
}

static BOOL WINAPI fake_AdjustTokenPrivileges(HANDLE token, BOOL disableAll, TOKEN_PRIVILEGES *newState,
                                              DWORD bufferLength, TOKEN_PRIVILEGES *previous,
                                              DWORD *returnLength) {
    if (fake_enter("AdjustTokenPrivileges")) {
        return 0;
    }
    if (!fake_tokens_is_open(token)) {
        return fail(FAKE_ERROR_INVALID_HANDLE);
    }
    if (disableAll || newState == NULL || newState->PrivilegeCount != 1
        || (previous != NULL && (bufferLength < sizeof *previous || returnLength == NULL))) {
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    LUID_AND_ATTRIBUTES want = newState->Privileges[0];
    pthread_mutex_lock(&lock);
    adjustments++;
    int known = want.Luid.LowPart == SHUTDOWN_LUID && want.Luid.HighPart == 0 && present;
    int turnOn = (want.Attributes & SE_PRIVILEGE_ENABLED) != 0;
    int changed = known && enabled != turnOn;
    if (previous != NULL) {
        previous->PrivilegeCount = changed ? 1 : 0;
        previous->Privileges[0].Luid = want.Luid;
        previous->Privileges[0].Attributes = enabled ? SE_PRIVILEGE_ENABLED : 0;
        *returnLength = sizeof *previous;
    }
    if (known) {
        enabled = turnOn;
    }
    pthread_mutex_unlock(&lock);
    fake_set_last_error(known ? 0 : WTS_ERROR_NOT_ALL_ASSIGNED); /* success either way */
    return 1;
}

int fake_privileges_shutdown_enabled(void) {
    pthread_mutex_lock(&lock);
    int on = present && enabled;
    pthread_mutex_unlock(&lock);
    return on;
}

void fake_privileges_set_shutdown(int isPresent, int isEnabled, int isImpersonating) {
    pthread_mutex_lock(&lock);
    present = isPresent;
    enabled = isPresent && isEnabled;
    impersonating = isImpersonating;
    pthread_mutex_unlock(&lock);
}

int64_t fake_privileges_adjustments(void) {
    pthread_mutex_lock(&lock);
    int64_t n = adjustments;
    pthread_mutex_unlock(&lock);
    return n;
}

static void reset(void) {
    fake_privileges_set_shutdown(1, 0, 0); /* an administrator: held, disabled */
    pthread_mutex_lock(&lock);
    adjustments = 0;
    pthread_mutex_unlock(&lock);
}

static void fill(wts_api *api) {
    api->OpenThreadToken = fake_OpenThreadToken;
    api->OpenProcessToken = fake_OpenProcessToken;
    api->LookupPrivilegeValueW = fake_LookupPrivilegeValueW;
    api->AdjustTokenPrivileges = fake_AdjustTokenPrivileges;
}

FAKE_MODULE(privileges, fill, reset)
