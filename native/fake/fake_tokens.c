/*
 * TEST-ONLY fake of WTSQueryUserToken, CloseHandle and GetTokenInformation. Kernel handles
 * are entries of a registry: CloseHandle on anything else (or twice) fails with
 * ERROR_INVALID_HANDLE and is counted, so a test sees a double close.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "fake_tokens.h"

#define ERROR_FILE_NOT_FOUND 2u
#define ERROR_NO_TOKEN 1008u
#define ERROR_PRIVILEGE_NOT_HELD 1314u
#define TOKEN_USER_CLASS 1
#define TOKEN_SESSION_ID_CLASS 12
#define MAX_SID 68

typedef struct kernel_object {
    uint32_t magic;
    DWORD session;
    uint8_t sid[MAX_SID];
    DWORD sidLength;
    struct kernel_object *next;
} kernel_object;

typedef struct session_user {
    DWORD session;
    uint8_t sid[MAX_SID];
    DWORD sidLength;
    struct session_user *next;
} session_user;

#define TOKEN_MAGIC 0x544F4B4Eu /* "TOKN" */

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static kernel_object *objects;
static session_user *users;
static int privileged = 1;
static int64_t opened, closed, bad_closes;
/* Other modules' handles and token classes (fake_launch.c): what was in the slot before. */
static BOOL(WINAPI *next_CloseHandle)(HANDLE);
static BOOL(WINAPI *next_GetTokenInformation)(HANDLE, DWORD, void *, DWORD, DWORD *);

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
    kernel_object *o = calloc(1, sizeof *o);
    o->magic = TOKEN_MAGIC;
    o->session = session;
    memcpy(o->sid, user->sid, user->sidLength);
    o->sidLength = user->sidLength;
    o->next = objects;
    objects = o;
    opened++;
    pthread_mutex_unlock(&lock);
    fake_handle_opened();
    *token = (HANDLE)o;
    return 1;
}

HANDLE fake_tokens_open_own(void) {
    kernel_object *o = calloc(1, sizeof *o);
    o->magic = TOKEN_MAGIC;
    pthread_mutex_lock(&lock);
    o->session = FAKE.currentSession;
    o->next = objects;
    objects = o;
    opened++;
    pthread_mutex_unlock(&lock);
    fake_handle_opened();
    return (HANDLE)o;
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
    if (next_CloseHandle != NULL) {
        return next_CloseHandle(handle);
    }
    pthread_mutex_lock(&lock);
    bad_closes++;
    pthread_mutex_unlock(&lock);
    return fail(FAKE_ERROR_INVALID_HANDLE);
}

/* TokenUser (TOKEN_USER: the SID pointer and attributes, then the SID) and TokenSessionId;
 * a short buffer fails with ERROR_INSUFFICIENT_BUFFER and the size needed. */
static BOOL WINAPI fake_GetTokenInformation(HANDLE token, DWORD infoClass, void *info,
                                            DWORD length, DWORD *returnLength) {
    if (fake_enter("GetTokenInformation")) {
        return 0;
    }
    if (returnLength == NULL) {
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    pthread_mutex_lock(&lock);
    kernel_object *o = find_object(token);
    if (o == NULL || (infoClass != TOKEN_USER_CLASS && infoClass != TOKEN_SESSION_ID_CLASS)) {
        pthread_mutex_unlock(&lock);
        if (next_GetTokenInformation != NULL) {
            return next_GetTokenInformation(token, infoClass, info, length, returnLength);
        }
        return fail(o == NULL ? FAKE_ERROR_INVALID_HANDLE : WTS_ERROR_INVALID_PARAMETER);
    }
    DWORD header = (DWORD)(2 * sizeof(void *)); /* SID_AND_ATTRIBUTES, pointer-aligned */
    DWORD needed = infoClass == TOKEN_USER_CLASS ? header + o->sidLength
                   : infoClass == TOKEN_SESSION_ID_CLASS ? (DWORD)sizeof(DWORD)
                                                         : 0;
    if (needed == 0) {
        pthread_mutex_unlock(&lock);
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    *returnLength = needed;
    if (info == NULL || length < needed) {
        pthread_mutex_unlock(&lock);
        return fail(WTS_ERROR_INSUFFICIENT_BUFFER);
    }
    if (infoClass == TOKEN_SESSION_ID_CLASS) {
        memcpy(info, &o->session, sizeof o->session);
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

void fake_tokens_set_session_user(DWORD session, const uint8_t *sid, DWORD sidLength) {
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
    if (api->CloseHandle != fake_CloseHandle) {
        next_CloseHandle = api->CloseHandle;
        api->CloseHandle = fake_CloseHandle;
    }
    if (api->GetTokenInformation != fake_GetTokenInformation) {
        next_GetTokenInformation = api->GetTokenInformation;
        api->GetTokenInformation = fake_GetTokenInformation;
    }
}

FAKE_MODULE(tokens, fill, reset)
