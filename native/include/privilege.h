/*
 * Enabling one privilege of the caller's own token around one Windows call, and putting it
 * back afterwards, as shutdown.exe does: administrators hold SE_SHUTDOWN_NAME, but disabled.
 */
#ifndef WTS_PRIVILEGE_H
#define WTS_PRIVILEGE_H

#include "jni_util.h"

typedef struct wts_privilege {
    HANDLE token;
    TOKEN_PRIVILEGES previous; /* what AdjustTokenPrivileges changed (count 0: nothing) */
} wts_privilege;

/*
 * Enables `name` (e.g. u"SeShutdownPrivilege") in the thread's token if it impersonates,
 * else the process's. Returns 1 with *held to restore; returns 0 after throwing WtsException:
 * ERROR_PRIVILEGE_NOT_HELD (1314) from AdjustTokenPrivileges when the token lacks it, or the
 * failing function's code.
 */
int wts_privilege_enable(JNIEnv *env, const WCHAR *name, wts_privilege *held);

/* Puts back what wts_privilege_enable changed and closes the token. Never throws. */
void wts_privilege_restore(wts_privilege *held);

#endif /* WTS_PRIVILEGE_H */
