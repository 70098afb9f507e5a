/* TEST-ONLY: the caller's SE_SHUTDOWN_NAME in the fake (fake_privileges.c). */
#ifndef WTS_FAKE_PRIVILEGES_H
#define WTS_FAKE_PRIVILEGES_H

#include "fake.h"

/* Whether WTSShutdownSystem on the local machine would pass Windows' privilege check. */
int fake_privileges_shutdown_enabled(void);

/* The token holds SE_SHUTDOWN_NAME (present), enabled or not; the thread impersonates. */
void fake_privileges_set_shutdown(int present, int enabled, int impersonating);

/* AdjustTokenPrivileges calls since the last reset. */
int64_t fake_privileges_adjustments(void);

#endif /* WTS_FAKE_PRIVILEGES_H */
