/* TEST-ONLY: the fake's access tokens and CloseHandle (fake_tokens.c), and their test hooks. */
#ifndef WTS_FAKE_TOKENS_H
#define WTS_FAKE_TOKENS_H

#include "fake.h"

#define FAKE_TOKEN_PRIMARY 1u
#define FAKE_TOKEN_IMPERSONATION 2u
#define FAKE_ELEVATION_DEFAULT 1u
#define FAKE_ELEVATION_FULL 2u
#define FAKE_ELEVATION_LIMITED 3u

/* The user logged on to a session, as WTSQueryUserToken sees it (sid NULL: nobody), and the
 * elevation type of the token it gets (FAKE_ELEVATION_*). */
void fake_tokens_set_session_user(DWORD session, const uint8_t *sid, DWORD sidLength,
                                  DWORD elevationType);

/* Whether the caller holds SE_TCB_NAME as LocalSystem (else WTSQueryUserToken: 1314). */
void fake_tokens_set_privileged(int privileged);

/* A token of the caller's own (fake_privileges.c), counted and closed like the others. */
HANDLE fake_tokens_open_own(void);
int fake_tokens_is_open(HANDLE handle);

/* What a token handle is (fake_launch.c's calls take tokens); 0 if it is not an open token. */
typedef struct fake_token_view {
    DWORD session;
    DWORD elevationType;
    DWORD tokenType;
} fake_token_view;
int fake_tokens_view(HANDLE handle, fake_token_view *view);

/* tokens handed out, CloseHandle calls that closed one, CloseHandle calls on a handle
 * that was not open (a double close) */
#define FAKE_TOKENS_COUNTS 3
void fake_tokens_counts(int64_t counts[FAKE_TOKENS_COUNTS]);

#endif /* WTS_FAKE_TOKENS_H */
