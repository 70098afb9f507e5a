/* TEST-ONLY: kernel objects (tokens) of the fake and their test hooks (fake_tokens.c). */
#ifndef WTS_FAKE_TOKENS_H
#define WTS_FAKE_TOKENS_H

#include "fake.h"

/* The user logged on to a session, as WTSQueryUserToken sees it (sid NULL: nobody). */
void fake_tokens_set_session_user(DWORD session, const uint8_t *sid, DWORD sidLength);

/* Whether the caller holds SE_TCB_NAME as LocalSystem (else WTSQueryUserToken: 1314). */
void fake_tokens_set_privileged(int privileged);

/* A token of the caller's own (fake_privileges.c), counted and closed like the others. */
HANDLE fake_tokens_open_own(void);
int fake_tokens_is_open(HANDLE handle);

/* tokens handed out, CloseHandle calls that closed one, CloseHandle calls on a handle
 * that was not open (a double close) */
#define FAKE_TOKENS_COUNTS 3
void fake_tokens_counts(int64_t counts[FAKE_TOKENS_COUNTS]);

#endif /* WTS_FAKE_TOKENS_H */
