/* TEST-ONLY: the user accounts WTSQueryUserConfigW/WTSSetUserConfigW see (fake_userconfig.c). */
#ifndef WTS_FAKE_USERCONFIG_H
#define WTS_FAKE_USERCONFIG_H

#include "fake.h"

#define FAKE_CONFIG_CLASSES 20

/* Adds (or resets) an account with Windows' defaults; name is NUL-terminated UTF-16. */
void fake_userconfig_add_user(const WCHAR *name);
/* A server name the fake can reach (others fail with RPC_S_SERVER_UNAVAILABLE). */
void fake_userconfig_add_server(const WCHAR *name);
/* Replaces what WTSQueryUserConfigW returns for (user, class) with raw bytes. */
void fake_userconfig_set_raw(const WCHAR *user, DWORD configClass, const uint8_t *raw, DWORD size);
/* The last DataLength WTSSetUserConfigW was given. */
DWORD fake_userconfig_last_set_length(void);

#endif /* WTS_FAKE_USERCONFIG_H */
