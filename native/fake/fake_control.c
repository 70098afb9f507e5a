/*
 * TEST-ONLY fake of session control: WTSLogoffSession, WTSDisconnectSession,
 * WTSSendMessageW, WTSTerminateProcess, WTSShutdownSystem, over the scripted world. Each
 * records its arguments so that tests can see exactly what the shim passed.
 */
#include <stdlib.h>
#include <string.h>

#include "fake_privileges.h"
#include "fake_servers.h"

#define STATE_DISCONNECTED 4u
#define IDOK 1u
#define IDASYNC 32001u
#define SHUTDOWN_KNOWN_FLAGS 0x1Fu /* WTS_WSD_LOGOFF|SHUTDOWN|REBOOT|POWEROFF|FASTREBOOT */

static DWORD response = IDOK;
static int64_t last_numbers[FAKE_CONTROL_NUMBERS];
static char last_function[64];
static WCHAR *last_title, *last_message;
static size_t last_title_units, last_message_units;

static int fail(DWORD code) {
    fake_set_last_error(code);
    return 0;
}

/* Starts recording a call (lock held). */
static void record(const char *function, DWORD session, BOOL wait) {
    memset(last_numbers, 0, sizeof last_numbers);
    strncpy(last_function, function, sizeof last_function - 1);
    last_function[sizeof last_function - 1] = 0;
    last_numbers[0] = session;
    last_numbers[1] = wait;
}

/* The session a control call names (lock held); NULL after setting 7022. */
static fake_session *target(DWORD session) {
    fake_session *s = fake_find_session(session == WTS_CURRENT_SESSION ? FAKE.currentSession : session);
    if (s == NULL) {
        fake_set_last_error(FAKE_ERROR_CTX_WINSTATION_NOT_FOUND);
    }
    return s;
}

static BOOL WINAPI fake_WTSLogoffSession(HANDLE server, DWORD session, BOOL wait) {
    if (fake_enter("WTSLogoffSession") || !fake_server_check(server, "WTSLogoffSession")) {
        return 0;
    }
    fake_lock();
    record("WTSLogoffSession", session, wait);
    fake_session *s = target(session);
    if (s != NULL) { /* the session ends: it leaves the world */
        free(s->name);
        for (int c = 0; c <= FAKE_MAX_INFO_CLASS; c++) {
            free(s->info[c].data);
        }
        *s = FAKE.sessions[--FAKE.sessionCount];
    }
    fake_unlock();
    return s != NULL;
}

static BOOL WINAPI fake_WTSDisconnectSession(HANDLE server, DWORD session, BOOL wait) {
    if (fake_enter("WTSDisconnectSession") || !fake_server_check(server, "WTSDisconnectSession")) {
        return 0;
    }
    fake_lock();
    record("WTSDisconnectSession", session, wait);
    fake_session *s = target(session);
    if (s != NULL) {
        s->state = STATE_DISCONNECTED;
    }
    fake_unlock();
    return s != NULL;
}

static BOOL WINAPI fake_WTSSendMessageW(HANDLE server, DWORD session, WCHAR *title,
                                        DWORD titleBytes, WCHAR *message, DWORD messageBytes,
                                        DWORD style, DWORD timeoutSeconds, DWORD *reply,
                                        BOOL wait) {
    if (fake_enter("WTSSendMessageW") || !fake_server_check(server, "WTSSendMessageW")) {
        return 0;
    }
    if (title == NULL || message == NULL || reply == NULL || titleBytes % 2 != 0 ||
        messageBytes % 2 != 0) {
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    fake_lock();
    record("WTSSendMessageW", session, wait);
    last_numbers[2] = style;
    last_numbers[3] = timeoutSeconds;
    last_numbers[4] = titleBytes;
    last_numbers[5] = messageBytes;
    free(last_title);
    free(last_message);
    last_title_units = titleBytes / 2; /* exactly the bytes given: a wrong count shows */
    last_message_units = messageBytes / 2;
    last_title = fake_wcsdup(title, last_title_units);
    last_message = fake_wcsdup(message, last_message_units);
    fake_session *s = target(session);
    DWORD answer = wait ? response : IDASYNC;
    fake_unlock();
    if (s == NULL) {
        return 0;
    }
    *reply = answer;
    return 1;
}

static BOOL WINAPI fake_WTSTerminateProcess(HANDLE server, DWORD pid, DWORD exitCode) {
    if (fake_enter("WTSTerminateProcess") || !fake_server_check(server, "WTSTerminateProcess")) {
        return 0;
    }
    fake_lock();
    record("WTSTerminateProcess", 0, 0);
    last_numbers[6] = pid;
    last_numbers[7] = exitCode;
    int found = 0;
    for (DWORD i = 0; i < FAKE.processCount; i++) {
        if (FAKE.processes[i].pid == pid) {
            free(FAKE.processes[i].name);
            FAKE.processes[i] = FAKE.processes[--FAKE.processCount];
            found = 1;
            break;
        }
    }
    fake_unlock();
    return found ? 1 : fail(WTS_ERROR_INVALID_PARAMETER); /* what OpenProcess says for a gone pid */
}

static BOOL WINAPI fake_WTSShutdownSystem(HANDLE server, DWORD flags) {
    if (fake_enter("WTSShutdownSystem") || !fake_server_check(server, "WTSShutdownSystem")) {
        return 0;
    }
    if (flags == 0 || (flags & ~SHUTDOWN_KNOWN_FLAGS) != 0) {
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    if (server == NULL && !fake_privileges_shutdown_enabled()) {
        return fail(WTS_ERROR_PRIVILEGE_NOT_HELD); /* the local check: SE_SHUTDOWN_NAME enabled */
    }
    fake_lock();
    record("WTSShutdownSystem", 0, 0);
    last_numbers[8] = flags;
    fake_unlock();
    return 1;
}

void fake_control_set_response(DWORD value) {
    fake_lock();
    response = value;
    fake_unlock();
}

void fake_control_last(int64_t numbers[FAKE_CONTROL_NUMBERS], char *function, size_t functionBytes,
                       const WCHAR **title, size_t *titleUnits, const WCHAR **message,
                       size_t *messageUnits) {
    memcpy(numbers, last_numbers, sizeof last_numbers);
    strncpy(function, last_function, functionBytes - 1);
    function[functionBytes - 1] = 0;
    *title = last_title;
    *titleUnits = last_title_units;
    *message = last_message;
    *messageUnits = last_message_units;
}

static void reset(void) {
    response = IDOK;
    memset(last_numbers, 0, sizeof last_numbers);
    last_function[0] = 0;
    free(last_title);
    free(last_message);
    last_title = last_message = NULL;
    last_title_units = last_message_units = 0;
}

static void fill(wts_api *api) {
    api->WTSLogoffSession = fake_WTSLogoffSession;
    api->WTSDisconnectSession = fake_WTSDisconnectSession;
    api->WTSSendMessageW = fake_WTSSendMessageW;
    api->WTSTerminateProcess = fake_WTSTerminateProcess;
    api->WTSShutdownSystem = fake_WTSShutdownSystem;
}

FAKE_MODULE(control, fill, reset)
