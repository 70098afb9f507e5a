/* TEST-ONLY: what fake_enum_ex.c shares with its JUnit hooks (fake_enum_ex_jni.c). */
#ifndef WTS_FAKE_ENUM_EX_H
#define WTS_FAKE_ENUM_EX_H

#include "fake.h"

#define FAKE_PROCESS_DETAILS 8 /* threads, handles, pagefile, peak pagefile, ws, peak ws, user, kernel */
#define FAKE_SESSION_DETAILS 4 /* host, user, domain, farm */

/* All with the world lock held. */
void fake_enum_ex_set_process(DWORD pid, const int64_t details[FAKE_PROCESS_DETAILS]);
/* Takes ownership of the four strings (malloc'd, NUL-terminated, NULL allowed). */
void fake_enum_ex_set_session(DWORD id, WCHAR *texts[FAKE_SESSION_DETAILS]);
/* The next enumeration returns records of this level instead of the one asked for (-1: off). */
void fake_enum_ex_force_level(int processes, int level);
/* Takes ownership of domain and name. */
void fake_enum_ex_add_account(const uint8_t *sid, DWORD sidLength, WCHAR *domain, WCHAR *name,
                              DWORD use);
/* The lpSystemName of the last LookupAccountSidW (NULL for the local machine). */
const WCHAR *fake_enum_ex_last_lookup_system(void);
int fake_enum_ex_lookup_count(void);

#endif /* WTS_FAKE_ENUM_EX_H */
