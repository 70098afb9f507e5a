/*
 * TEST-ONLY fake of the access tokens: WTSQueryUserToken, GetTokenInformation,
 * DuplicateTokenEx, and CloseHandle for every kernel handle the fake hands out. This module is
 * the only one that fills those slots. Tokens are entries of a registry; CloseHandle closes a
 * token here, a process or thread handle through fake_launch.c (which owns those objects),
 * and fails anything else (or a second close) with ERROR_INVALID_HANDLE, counted, so a test
 * sees a double close.
 *
 * A token carries what Windows keeps in one: the session, the user's SID, the elevation type
 * (TokenElevationType: 1 default, 2 full, 3 limited; a split token has a linked one of the
 * other kind) and the token type (primary or impersonation).
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "fake_launch.h"
#include "fake_channels.h"
#include "fake_tokens.h"
#include "fake_pipes.h"

#define ERROR_FILE_NOT_FOUND 2u
#define ERROR_NO_TOKEN 1008u
#define ERROR_NO_SUCH_LOGON_SESSION 1312u
#define ERROR_PRIVILEGE_NOT_HELD 1314u
#define TOKEN_USER_CLASS 1
#define TOKEN_SESSION_ID_CLASS 12
#define TOKEN_ELEVATION_TYPE_CLASS 18
#define TOKEN_LINKED_TOKEN_CLASS 19
#define MAX_SID 68

typedef struct kernel_object {
    uint32_t magic;
    DWORD session;
    uint8_t sid[MAX_SID];
    DWORD sidLength;
    DWORD elevationType;
    DWORD tokenType;
    struct kernel_object *next;
} kernel_object;

typedef struct session_user {
    DWORD session;
    uint8_t sid[MAX_SID];
    DWORD sidLength;
    DWORD elevationType;
    struct session_user *next;
} session_user;

#define TOKEN_MAGIC 0x544F4B4Eu /* "TOKN" */

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static kernel_object *objects;
static session_user *users;
static int privileged = 1;
static int64_t opened, closed, bad_closes;

static int fail(DWORD code) {
    fake_set_last_error(code);
    return 0;
}

static kernel_object *find_object(HANDLE handle) {
    for (kernel_object *o = objects; o != NULL; o = o->next) {
        if ((HANDLE)o == handle) {
            return o;
        }
    }
    return NULL;
}

/* A new token in the registry (lock held); NULL when out of memory. */
static kernel_object *new_token(DWORD session, const uint8_t *sid, DWORD sidLength,
                                DWORD elevationType, DWORD tokenType) {
    kernel_object *o = calloc(1, sizeof *o);
    if (o == NULL) {
        return NULL;
    }
    o->magic = TOKEN_MAGIC;
    o->session = session;
    if (sidLength > 0) {
        memcpy(o->sid, sid, sidLength); /* a token of the caller's own may have no SID here */
    }
    o->sidLength = sidLength;
    o->elevationType = elevationType;
    o->tokenType = tokenType;
    o->next = objects;
    objects = o;
    opened++;
    return o;
}

static BOOL WINAPI fake_WTSQueryUserToken(DWORD session, HANDLE *token) {
    if (fake_enter("WTSQueryUserToken")) {
        return 0;
    }
    if (token == NULL) {
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    fake_lock();
    int exists = fake_find_session(session) != NULL;
    fake_unlock();
    pthread_mutex_lock(&lock);
    if (!privileged) {
        pthread_mutex_unlock(&lock);
        return fail(ERROR_PRIVILEGE_NOT_HELD);
    }
    if (!exists) {
        /* Microsoft's WTSQueryUserToken page: ERROR_FILE_NOT_FOUND, "The token query is for a
         * session that does not exist" (not 7022 as the session queries give). */
        pthread_mutex_unlock(&lock);
        return fail(ERROR_FILE_NOT_FOUND);
    }
    session_user *user = users;
    while (user != NULL && user->session != session) {
        user = user->next;
    }
    if (user == NULL) {
        pthread_mutex_unlock(&lock);
        return fail(ERROR_NO_TOKEN); /* nobody is logged on to that session */
    }
    kernel_object *o = new_token(session, user->sid, user->sidLength, user->elevationType,
                                 FAKE_TOKEN_PRIMARY);
    pthread_mutex_unlock(&lock);
    if (o == NULL) {
        return fail(WTS_ERROR_NOT_ENOUGH_MEMORY);
    }
    fake_handle_opened();
    *token = (HANDLE)o;
    return 1;
}

HANDLE fake_tokens_open_own(void) {
    pthread_mutex_lock(&lock);
    kernel_object *o = new_token(FAKE.currentSession, NULL, 0, FAKE_ELEVATION_DEFAULT,
                                 FAKE_TOKEN_PRIMARY);
    pthread_mutex_unlock(&lock);
    if (o != NULL) {
        fake_handle_opened();
    }
    return (HANDLE)o;
}

int fake_tokens_view(HANDLE handle, fake_token_view *view) {
    pthread_mutex_lock(&lock);
    kernel_object *o = find_object(handle);
    if (o != NULL) {
        view->session = o->session;
        view->elevationType = o->elevationType;
        view->tokenType = o->tokenType;
    }
    pthread_mutex_unlock(&lock);
    return o != NULL;
}

int fake_tokens_is_open(HANDLE handle) {
    pthread_mutex_lock(&lock);
    int open = find_object(handle) != NULL;
    pthread_mutex_unlock(&lock);
    return open;
}

static BOOL WINAPI fake_CloseHandle(HANDLE handle) {
    if (fake_enter("CloseHandle")) {
        return 0;
    }
    pthread_mutex_lock(&lock);
    for (kernel_object **at = &objects; *at != NULL; at = &(*at)->next) {
        if ((HANDLE)*at == handle) {
            kernel_object *o = *at;
            *at = o->next;
            o->magic = 0;
            free(o);
            closed++;
            pthread_mutex_unlock(&lock);
            fake_handle_closed();
            return 1;
        }
    }
    pthread_mutex_unlock(&lock);
    if (fake_launch_close(handle)) {
        return 1; /* a process, thread or job handle */
    }
    if (fake_pipes_close(handle)) {
        return 1; /* a pipe end or a file (fake_pipes.c) */
    }
    int channel = fake_channels_close(handle);
    if (channel != 0) {
        return channel > 0 ? 1 : fail(FAKE_ERROR_INVALID_HANDLE); /* an event, a file, or a misuse */
    }
    pthread_mutex_lock(&lock);
    bad_closes++;
    pthread_mutex_unlock(&lock);
    return fail(FAKE_ERROR_INVALID_HANDLE);
}

/* TokenUser (TOKEN_USER: the SID pointer and attributes, then the SID), TokenSessionId,
 * TokenElevationType and TokenLinkedToken (a new handle: the other half of a split token, an
 * impersonation token as without SeTcbPrivilege; ERROR_NO_SUCH_LOGON_SESSION for a token that
 * is not split). A short buffer fails with ERROR_INSUFFICIENT_BUFFER and the size needed. */
static BOOL WINAPI fake_GetTokenInformation(HANDLE token, DWORD infoClass, void *info,
                                            DWORD length, DWORD *returnLength) {
    if (fake_enter("GetTokenInformation")) {
        return 0;
    }
    /* A second name, so that a test can fail the linked-token query alone. */
    if (infoClass == TOKEN_LINKED_TOKEN_CLASS &&
        fake_enter("GetTokenInformation:TokenLinkedToken")) {
        return 0;
    }
    if (returnLength == NULL) {
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    DWORD header = (DWORD)(2 * sizeof(void *)); /* SID_AND_ATTRIBUTES, pointer-aligned */
    pthread_mutex_lock(&lock);
    kernel_object *o = find_object(token);
    DWORD needed = o == NULL                                  ? 0
                   : infoClass == TOKEN_USER_CLASS            ? header + o->sidLength
                   : infoClass == TOKEN_SESSION_ID_CLASS      ? (DWORD)sizeof(DWORD)
                   : infoClass == TOKEN_ELEVATION_TYPE_CLASS  ? (DWORD)sizeof(DWORD)
                   : infoClass == TOKEN_LINKED_TOKEN_CLASS    ? (DWORD)sizeof(HANDLE)
                                                              : 0;
    if (needed == 0) {
        pthread_mutex_unlock(&lock);
        return fail(o == NULL ? FAKE_ERROR_INVALID_HANDLE : WTS_ERROR_INVALID_PARAMETER);
    }
    *returnLength = needed;
    if (info == NULL || length < needed) {
        pthread_mutex_unlock(&lock);
        return fail(WTS_ERROR_INSUFFICIENT_BUFFER);
    }
    if (infoClass == TOKEN_SESSION_ID_CLASS) {
        memcpy(info, &o->session, sizeof o->session);
    } else if (infoClass == TOKEN_ELEVATION_TYPE_CLASS) {
        memcpy(info, &o->elevationType, sizeof o->elevationType);
    } else if (infoClass == TOKEN_LINKED_TOKEN_CLASS) {
        if (o->elevationType == FAKE_ELEVATION_DEFAULT) {
            pthread_mutex_unlock(&lock);
            return fail(ERROR_NO_SUCH_LOGON_SESSION); /* no split token, nothing linked */
        }
        DWORD other = o->elevationType == FAKE_ELEVATION_LIMITED ? FAKE_ELEVATION_FULL
                                                                 : FAKE_ELEVATION_LIMITED;
        kernel_object *linked = new_token(o->session, o->sid, o->sidLength, other,
                                          FAKE_TOKEN_IMPERSONATION);
        if (linked == NULL) {
            pthread_mutex_unlock(&lock);
            return fail(WTS_ERROR_NOT_ENOUGH_MEMORY);
        }
        HANDLE handle = linked;
        memcpy(info, &handle, sizeof handle);
        pthread_mutex_unlock(&lock);
        fake_handle_opened();
        return 1;
    } else {
        uint8_t *out = info;
        void *sid = out + header;
        DWORD attributes = 0;
        memcpy(out, &sid, sizeof sid);
        memcpy(out + sizeof(void *), &attributes, sizeof attributes);
        memcpy(sid, o->sid, o->sidLength);
    }
    pthread_mutex_unlock(&lock);
    return 1;
}

static BOOL WINAPI fake_DuplicateTokenEx(HANDLE token, DWORD access, void *attributes,
                                         DWORD impersonationLevel, DWORD tokenType,
                                         HANDLE *newToken) {
    (void)access, (void)attributes;
    if (fake_enter("DuplicateTokenEx")) {
        return 0;
    }
    if (newToken == NULL || impersonationLevel > 3 ||
        (tokenType != FAKE_TOKEN_PRIMARY && tokenType != FAKE_TOKEN_IMPERSONATION)) {
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    pthread_mutex_lock(&lock);
    kernel_object *o = find_object(token);
    kernel_object *copy = o == NULL ? NULL
                                    : new_token(o->session, o->sid, o->sidLength,
                                                o->elevationType, tokenType);
    pthread_mutex_unlock(&lock);
    if (copy == NULL) {
        return fail(o == NULL ? FAKE_ERROR_INVALID_HANDLE : WTS_ERROR_NOT_ENOUGH_MEMORY);
    }
    fake_handle_opened();
    *newToken = copy;
    return 1;
}

void fake_tokens_set_session_user(DWORD session, const uint8_t *sid, DWORD sidLength,
                                  DWORD elevationType) {
    pthread_mutex_lock(&lock);
    for (session_user **at = &users; *at != NULL; at = &(*at)->next) {
        if ((*at)->session == session) {
            session_user *u = *at;
            *at = u->next;
            free(u);
            break;
        }
    }
    if (sid != NULL && sidLength <= MAX_SID) {
        session_user *u = calloc(1, sizeof *u);
        u->session = session;
        memcpy(u->sid, sid, sidLength);
        u->sidLength = sidLength;
        u->elevationType = elevationType;
        u->next = users;
        users = u;
    }
    pthread_mutex_unlock(&lock);
}

void fake_tokens_set_privileged(int value) {
    pthread_mutex_lock(&lock);
    privileged = value;
    pthread_mutex_unlock(&lock);
}

void fake_tokens_counts(int64_t counts[FAKE_TOKENS_COUNTS]) {
    pthread_mutex_lock(&lock);
    counts[0] = opened;
    counts[1] = closed;
    counts[2] = bad_closes;
    pthread_mutex_unlock(&lock);
}

static void reset(void) {
    pthread_mutex_lock(&lock);
    while (objects != NULL) {
        kernel_object *o = objects;
        objects = o->next;
        free(o);
    }
    while (users != NULL) {
        session_user *u = users;
        users = u->next;
        free(u);
    }
    privileged = 1;
    opened = closed = bad_closes = 0;
    pthread_mutex_unlock(&lock);
}

static void fill(wts_api *api) {
    api->WTSQueryUserToken = fake_WTSQueryUserToken;
    api->GetTokenInformation = fake_GetTokenInformation;
    api->DuplicateTokenEx = fake_DuplicateTokenEx;
    api->CloseHandle = fake_CloseHandle;
}

FAKE_MODULE(tokens, fill, reset)
