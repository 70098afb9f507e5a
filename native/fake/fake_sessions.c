/* TEST-ONLY fake of wtsapi32: session/process enumerations and queries over the scripted world. */
#include <stdlib.h>
#include <string.h>

#include "fake.h"

#define WTS_INFO_SESSION_ID 4
#define WTS_INFO_WINSTATION_NAME 6
#define WTS_INFO_CONNECT_STATE 8

#define WTS_INFO_IS_REMOTE_SESSION 29

/* The local server (NULL) or an open handle from the fake WTSOpenServerW (fake_servers.c). */
#define server_ok(server, function) fake_server_check((server), (function))

static int fail(DWORD code) {
    fake_set_last_error(code);
    return 0;
}


/* One buffer, as Windows returns: the array, then the strings it points into. */
static BOOL WINAPI fake_WTSEnumerateSessionsW(HANDLE server, DWORD reserved, DWORD version,
                                              WTS_SESSION_INFOW **info, DWORD *count) {
    if (fake_enter("WTSEnumerateSessionsW") || !server_ok(server, "WTSEnumerateSessionsW")) {
        return 0;
    }
    if (reserved != 0 || version != 1 || info == NULL || count == NULL) {
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    fake_lock();
    size_t units = 0;
    for (DWORD i = 0; i < FAKE.sessionCount; i++) {
        units += fake_units_with_nul(FAKE.sessions[i].name);
    }
    size_t arrayBytes = FAKE.sessionCount * sizeof(WTS_SESSION_INFOW);
    WTS_SESSION_INFOW *out = fake_buffer_new(arrayBytes + units * sizeof(WCHAR),
                                             FAKE_FREE_WTSFREEMEMORY, FAKE.sessionCount);
    if (out == NULL) {
        fake_unlock();
        return fail(WTS_ERROR_NOT_ENOUGH_MEMORY);
    }
    WCHAR *cursor = (WCHAR *)((char *)out + arrayBytes);
    for (DWORD i = 0; i < FAKE.sessionCount; i++) {
        out[i].SessionId = FAKE.sessions[i].id;
        out[i].State = FAKE.sessions[i].state;
        out[i].pWinStationName = fake_place_string(&cursor, FAKE.sessions[i].name);
    }
    *info = out;
    *count = FAKE.sessionCount;
    fake_unlock();
    return 1;
}

static BOOL WINAPI fake_WTSEnumerateProcessesW(HANDLE server, DWORD reserved, DWORD version,
                                               WTS_PROCESS_INFOW **info, DWORD *count) {
    if (fake_enter("WTSEnumerateProcessesW") || !server_ok(server, "WTSEnumerateProcessesW")) {
        return 0;
    }
    if (reserved != 0 || version != 1 || info == NULL || count == NULL) {
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    fake_lock();
    size_t sidBytes = 0, units = 0;
    for (DWORD i = 0; i < FAKE.processCount; i++) {
        sidBytes += FAKE.processes[i].sidLength;
        units += fake_units_with_nul(FAKE.processes[i].name);
    }
    size_t arrayBytes = FAKE.processCount * sizeof(WTS_PROCESS_INFOW);
    WTS_PROCESS_INFOW *out = fake_buffer_new(arrayBytes + sidBytes + units * sizeof(WCHAR),
                                             FAKE_FREE_WTSFREEMEMORY, FAKE.processCount);
    if (out == NULL) {
        fake_unlock();
        return fail(WTS_ERROR_NOT_ENOUGH_MEMORY);
    }
    uint8_t *sidCursor = (uint8_t *)out + arrayBytes; /* SIDs stay 4-byte aligned */
    WCHAR *cursor = (WCHAR *)(sidCursor + sidBytes);
    for (DWORD i = 0; i < FAKE.processCount; i++) {
        const fake_process *p = &FAKE.processes[i];
        out[i].SessionId = p->session;
        out[i].ProcessId = p->pid;
        out[i].pProcessName = fake_place_string(&cursor, p->name);
        out[i].pUserSid = NULL;
        if (p->sidLength > 0) {
            memcpy(sidCursor, p->sid, p->sidLength);
            out[i].pUserSid = sidCursor;
            sidCursor += p->sidLength;
        }
    }
    *info = out;
    *count = FAKE.processCount;
    fake_unlock();
    return 1;
}

static BOOL WINAPI fake_WTSQuerySessionInformationW(HANDLE server, DWORD session,
                                                    DWORD infoClass, WCHAR **buffer,
                                                    DWORD *bytes) {
    if (fake_enter("WTSQuerySessionInformationW") || !server_ok(server, "WTSQuerySessionInformationW")) {
        return 0;
    }
    if (buffer == NULL || bytes == NULL || infoClass > FAKE_MAX_INFO_CLASS) {
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    if (infoClass == WTS_INFO_IS_REMOTE_SESSION && server != WTS_CURRENT_SERVER_HANDLE) {
        return fail(WTS_ERROR_INVALID_PARAMETER); /* documented: local server only */
    }
    fake_lock();
    DWORD id = session == WTS_CURRENT_SESSION ? FAKE.currentSession : session;
    if (infoClass == WTS_INFO_IS_REMOTE_SESSION) {
        /* Documented as "whether the current session is a remote session": the answer is the
         * caller's session's, whatever SessionId names (the fake's reading of that page). */
        id = FAKE.currentSession;
    }
    fake_session *s = fake_find_session(id);
    if (s == NULL) {
        fake_unlock();
        return fail(FAKE_ERROR_CTX_WINSTATION_NOT_FOUND);
    }
    const void *reply = s->info[infoClass].data;
    DWORD size = s->info[infoClass].size;
    DWORD number;
    if (reply == NULL && (infoClass == WTS_INFO_SESSION_ID || infoClass == WTS_INFO_CONNECT_STATE)) {
        number = infoClass == WTS_INFO_SESSION_ID ? s->id : s->state;
        reply = &number;
        size = sizeof number;
    } else if (reply == NULL && infoClass == WTS_INFO_WINSTATION_NAME) {
        reply = s->name;
        size = (DWORD)(fake_units_with_nul(s->name) * sizeof(WCHAR));
    }
    if (reply == NULL) {
        fake_unlock();
        return fail(FAKE_ERROR_NOT_SUPPORTED);
    }
    void *out = fake_buffer_new(size, FAKE_FREE_WTSFREEMEMORY, 1);
    if (out == NULL) {
        fake_unlock();
        return fail(WTS_ERROR_NOT_ENOUGH_MEMORY);
    }
    memcpy(out, reply, size);
    fake_unlock();
    *buffer = out;
    *bytes = size;
    return 1;
}

static void WINAPI fake_WTSFreeMemory(void *memory) {
    fake_enter("WTSFreeMemory");
    fake_buffer_release(memory, FAKE_FREE_WTSFREEMEMORY, 0);
}

static void fill(wts_api *api) {
    api->WTSEnumerateSessionsW = fake_WTSEnumerateSessionsW;
    api->WTSEnumerateProcessesW = fake_WTSEnumerateProcessesW;
    api->WTSQuerySessionInformationW = fake_WTSQuerySessionInformationW;
    api->WTSFreeMemory = fake_WTSFreeMemory;
}

FAKE_MODULE(sessions_processes, fill, NULL)
