/* Enables one privilege of the caller's token for one call (see privilege.h). */
#include "privilege.h"

#define PRIVILEGE_ACCESS (TOKEN_ADJUST_PRIVILEGES | TOKEN_QUERY)

/* The thread's token when it impersonates (the privilege must be enabled where the check
 * happens), else the process's; NULL after throwing. */
static HANDLE open_own_token(JNIEnv *env) {
    HANDLE token = NULL;
    WTS_CLEAR_LAST_ERROR();
    if (WTS.OpenThreadToken(WTS_CURRENT_THREAD, PRIVILEGE_ACCESS, 1, &token)) {
        return token;
    }
    DWORD error = WTS.GetLastError();
    if (error != WTS_ERROR_NO_TOKEN) {
        wts_throw_win32(env, error, "OpenThreadToken");
        return NULL;
    }
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.OpenProcessToken(WTS_CURRENT_PROCESS, PRIVILEGE_ACCESS, &token)) {
        error = WTS.GetLastError();
        wts_throw_win32(env, error, "OpenProcessToken");
        return NULL;
    }
    return token;
}

int wts_privilege_enable(JNIEnv *env, const WCHAR *name, wts_privilege *held) {
    WTS_REQUIRE(env, OpenThreadToken, 0);
    WTS_REQUIRE(env, OpenProcessToken, 0);
    WTS_REQUIRE(env, LookupPrivilegeValueW, 0);
    WTS_REQUIRE(env, AdjustTokenPrivileges, 0);
    WTS_REQUIRE(env, CloseHandle, 0);
    held->previous.PrivilegeCount = 0;
    held->token = open_own_token(env);
    if (held->token == NULL) {
        return 0;
    }
    TOKEN_PRIVILEGES wanted;
    wanted.PrivilegeCount = 1;
    wanted.Privileges[0].Attributes = SE_PRIVILEGE_ENABLED;
    WTS_CLEAR_LAST_ERROR();
    if (!WTS.LookupPrivilegeValueW(NULL, name, &wanted.Privileges[0].Luid)) {
        DWORD error = WTS.GetLastError();
        WTS.CloseHandle(held->token);
        wts_throw_win32(env, error, "LookupPrivilegeValueW");
        return 0;
    }
    DWORD previousBytes = 0;
    WTS_CLEAR_LAST_ERROR();
    BOOL adjusted = WTS.AdjustTokenPrivileges(held->token, 0, &wanted, sizeof held->previous,
                                              &held->previous, &previousBytes);
    /* Success with ERROR_NOT_ALL_ASSIGNED: the token does not hold the privilege at all. */
    DWORD error = WTS.GetLastError();
    if (!adjusted || error == WTS_ERROR_NOT_ALL_ASSIGNED) {
        WTS.CloseHandle(held->token);
        wts_throw_win32(env, adjusted ? WTS_ERROR_PRIVILEGE_NOT_HELD : error, "AdjustTokenPrivileges");
        return 0;
    }
    return 1;
}

void wts_privilege_restore(wts_privilege *held) {
    /* Only what changed: a privilege that was enabled before stays enabled. */
    if (held->previous.PrivilegeCount > 0) {
        WTS.AdjustTokenPrivileges(held->token, 0, &held->previous, 0, NULL, NULL);
    }
    WTS.CloseHandle(held->token);
}
