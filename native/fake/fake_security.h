/* TEST-ONLY: the fake's DACL functions (fake_security.c), scripted from FakeSecurity. */
#ifndef WTS_FAKE_SECURITY_H
#define WTS_FAKE_SECURITY_H

#include <stddef.h>

#include "fake.h"

/* GetNamedSecurityInfoW hands out a descriptor without a DACL (a NULL DACL). */
void fake_security_set_null_dacl(int on);
/* SetNamedSecurityInfoW calls since the reset; the last one's flags and path. */
int fake_security_protections(DWORD *flags, WCHAR *path, size_t units);
/* SetNamedSecurityInfoW calls given a DACL whose descriptor was already freed (or never ours). */
int fake_security_stale_dacls(void);

#endif
