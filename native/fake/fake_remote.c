/*
 * TEST-ONLY fake of remote control (WTSStartRemoteControlSessionW /
 * WTSStopRemoteControlSession) and WTSConnectSessionW over the scripted sessions. It records
 * the arguments it got; the errors follow what Windows reports: 7022 for a session that does
 * not exist, 7057 (ERROR_CTX_SHADOW_NOT_RUNNING) to stop a shadow that is not running, 1326
 * (ERROR_LOGON_FAILURE) for a wrong password, 87 for both ids LOGONID_CURRENT or a NULL
 * password.
 */
#include <stdlib.h>
#include <string.h>

#include "fake.h"

#define LOGONID_CURRENT ((DWORD)-1)
#define ERROR_LOGON_FAILURE 1326u
#define ERROR_CTX_SHADOW_NOT_RUNNING 7057u
#define MAX_SHADOWED 16
#define MAX_PASSWORDS 16

typedef struct password {
    DWORD session;
    WCHAR *text;
} password;

/* The hooks in fake_remote_jni.c read these with the world lock held. */
WCHAR *fake_remote_last_server;
int64_t fake_remote_last_start[3];   /* target session, vk, modifiers */
int64_t fake_remote_last_connect[3]; /* session, target, wait (after LOGONID_CURRENT resolved) */
WCHAR *fake_remote_last_password;
static DWORD shadowed[MAX_SHADOWED];
static int shadowed_count;
static password passwords[MAX_PASSWORDS];
static int password_count;

static int fail(DWORD code) {
    fake_set_last_error(code);
    return 0;
}

int fake_remote_is_shadowed(DWORD session) {
    for (int i = 0; i < shadowed_count; i++) {
        if (shadowed[i] == session) {
            return 1;
        }
    }
    return 0;
}

/* Takes ownership of text. */
void fake_remote_set_password(DWORD session, WCHAR *text) {
    if (password_count < MAX_PASSWORDS) {
        passwords[password_count].session = session;
        passwords[password_count++].text = text;
    } else {
        free(text);
    }
}

static BOOL WINAPI fake_WTSStartRemoteControlSessionW(WCHAR *targetServer, DWORD targetSession,
                                                      BYTE hotkeyVk, USHORT hotkeyModifiers) {
    if (fake_enter("WTSStartRemoteControlSessionW")) {
        return 0;
    }
    if (hotkeyVk == 0) {
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    fake_lock();
    free(fake_remote_last_server);
    fake_remote_last_server =
        targetServer == NULL ? NULL : fake_wcsdup(targetServer, fake_wcslen(targetServer));
    fake_remote_last_start[0] = targetSession;
    fake_remote_last_start[1] = hotkeyVk;
    fake_remote_last_start[2] = hotkeyModifiers;
    DWORD error = 0;
    if (fake_find_session(targetSession) == NULL) {
        error = FAKE_ERROR_CTX_WINSTATION_NOT_FOUND;
    } else if (!fake_remote_is_shadowed(targetSession) && shadowed_count < MAX_SHADOWED) {
        shadowed[shadowed_count++] = targetSession;
    }
    fake_unlock();
    return error == 0 ? 1 : fail(error);
}

static BOOL WINAPI fake_WTSStopRemoteControlSession(DWORD session) {
    if (fake_enter("WTSStopRemoteControlSession")) {
        return 0;
    }
    fake_lock();
    DWORD error = ERROR_CTX_SHADOW_NOT_RUNNING;
    if (fake_find_session(session) == NULL) {
        error = FAKE_ERROR_CTX_WINSTATION_NOT_FOUND;
    }
    for (int i = 0; i < shadowed_count; i++) {
        if (shadowed[i] == session) {
            shadowed[i] = shadowed[--shadowed_count];
            error = 0;
            break;
        }
    }
    fake_unlock();
    return error == 0 ? 1 : fail(error);
}

static BOOL WINAPI fake_WTSConnectSessionW(DWORD session, DWORD targetSession, WCHAR *pass,
                                           BOOL wait) {
    if (fake_enter("WTSConnectSessionW")) {
        return 0;
    }
    if (pass == NULL || (session == LOGONID_CURRENT && targetSession == LOGONID_CURRENT)) {
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    fake_lock();
    DWORD from = session == LOGONID_CURRENT ? FAKE.currentSession : session;
    DWORD to = targetSession == LOGONID_CURRENT ? FAKE.currentSession : targetSession;
    fake_remote_last_connect[0] = from;
    fake_remote_last_connect[1] = to;
    fake_remote_last_connect[2] = wait;
    free(fake_remote_last_password);
    fake_remote_last_password = fake_wcsdup(pass, fake_wcslen(pass));
    DWORD error = 0;
    if (fake_find_session(from) == NULL || fake_find_session(to) == NULL) {
        error = FAKE_ERROR_CTX_WINSTATION_NOT_FOUND;
    }
    for (int i = 0; error == 0 && i < password_count; i++) {
        if (passwords[i].session == from) {
            size_t length = fake_wcslen(passwords[i].text);
            if (length != fake_wcslen(pass) || memcmp(passwords[i].text, pass, length * 2) != 0) {
                error = ERROR_LOGON_FAILURE;
            }
        }
    }
    fake_unlock();
    return error == 0 ? 1 : fail(error);
}

static void fill(wts_api *api) {
    api->WTSStartRemoteControlSessionW = fake_WTSStartRemoteControlSessionW;
    api->WTSStopRemoteControlSession = fake_WTSStopRemoteControlSession;
    api->WTSConnectSessionW = fake_WTSConnectSessionW;
}

static void reset(void) {
    free(fake_remote_last_server);
    fake_remote_last_server = NULL;
    free(fake_remote_last_password);
    fake_remote_last_password = NULL;
    memset(fake_remote_last_start, 0, sizeof fake_remote_last_start);
    memset(fake_remote_last_connect, 0, sizeof fake_remote_last_connect);
    shadowed_count = 0;
    for (int i = 0; i < password_count; i++) {
        free(passwords[i].text);
    }
    password_count = 0;
}

FAKE_MODULE(remote, fill, reset)
