/*
 * TEST-ONLY fake of the Ex enumerations (WTSEnumerateProcessesExW level 0/1,
 * WTSEnumerateSessionsExW level 1), WTSFreeMemoryExW with its type classes, and
 * LookupAccountSidW. Records come from the same scripted world as the plain enumerations
 * (FAKE.processes/sessions), plus the Ex-only fields scripted here per pid / session id.
 * Buffers are tagged with their type class and count: freeing one with WTSFreeMemory, with
 * the wrong class or the wrong count is a misused free the tests see.
 */
#include <stdlib.h>
#include <string.h>

#include "fake_enum_ex.h"

#define WTS_TYPE_PROCESS_INFO_LEVEL0 0u
#define WTS_TYPE_PROCESS_INFO_LEVEL1 1u
#define WTS_TYPE_SESSION_INFO_LEVEL1 2u
#define ERROR_NONE_MAPPED 1332u
#define MAX_ACCOUNTS 32

typedef struct process_details {
    DWORD pid;
    int64_t values[FAKE_PROCESS_DETAILS];
} process_details;

typedef struct session_details {
    DWORD id;
    WCHAR *texts[FAKE_SESSION_DETAILS];
} session_details;

typedef struct account {
    uint8_t sid[68];
    DWORD sidLength;
    WCHAR *domain;
    WCHAR *name;
    DWORD use;
} account;

static process_details *processes;
static DWORD process_count, process_capacity;
static session_details *sessions;
static DWORD session_count, session_capacity;
static account accounts[MAX_ACCOUNTS];
static int account_count;
static int forced_process_level = -1, forced_session_level = -1;
static WCHAR *last_lookup_system;
static int lookup_count;

static int fail(DWORD code) {
    fake_set_last_error(code);
    return 0;
}

void fake_enum_ex_set_process(DWORD pid, const int64_t details[FAKE_PROCESS_DETAILS]) {
    process_details *p = NULL;
    for (DWORD i = 0; i < process_count; i++) {
        if (processes[i].pid == pid) {
            p = &processes[i];
        }
    }
    if (p == NULL) {
        fake_grow((void **)&processes, &process_capacity, process_count + 1, sizeof *processes);
        p = &processes[process_count++];
        p->pid = pid;
    }
    memcpy(p->values, details, sizeof p->values);
}

void fake_enum_ex_set_session(DWORD id, WCHAR *texts[FAKE_SESSION_DETAILS]) {
    session_details *s = NULL;
    for (DWORD i = 0; i < session_count; i++) {
        if (sessions[i].id == id) {
            s = &sessions[i];
        }
    }
    if (s == NULL) {
        fake_grow((void **)&sessions, &session_capacity, session_count + 1, sizeof *sessions);
        s = &sessions[session_count++];
        s->id = id;
    }
    for (int t = 0; t < FAKE_SESSION_DETAILS; t++) {
        free(s->texts[t]);
        s->texts[t] = texts[t];
    }
}

void fake_enum_ex_force_level(int forProcesses, int level) {
    if (forProcesses) {
        forced_process_level = level;
    } else {
        forced_session_level = level;
    }
}

void fake_enum_ex_add_account(const uint8_t *sid, DWORD sidLength, WCHAR *domain, WCHAR *name,
                              DWORD use) {
    if (account_count >= MAX_ACCOUNTS || sidLength > sizeof accounts[0].sid) {
        free(domain);
        free(name);
        return;
    }
    account *a = &accounts[account_count++];
    memcpy(a->sid, sid, sidLength);
    a->sidLength = sidLength;
    a->domain = domain;
    a->name = name;
    a->use = use;
}

const WCHAR *fake_enum_ex_last_lookup_system(void) { return last_lookup_system; }
int fake_enum_ex_lookup_count(void) { return lookup_count; }

static const process_details *details_of(DWORD pid) {
    for (DWORD i = 0; i < process_count; i++) {
        if (processes[i].pid == pid) {
            return &processes[i];
        }
    }
    return NULL;
}

static const session_details *session_details_of(DWORD id) {
    for (DWORD i = 0; i < session_count; i++) {
        if (sessions[i].id == id) {
            return &sessions[i];
        }
    }
    return NULL;
}



static BOOL WINAPI fake_WTSEnumerateProcessesExW(HANDLE server, DWORD *level, DWORD sessionId,
                                                 WCHAR **info, DWORD *count) {
    if (fake_enter("WTSEnumerateProcessesExW") || !fake_server_check(server, "WTSEnumerateProcessesExW")) {
        return 0;
    }
    if (level == NULL || info == NULL || count == NULL || *level > 1) {
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    fake_lock();
    DWORD give = forced_process_level >= 0 ? (DWORD)forced_process_level : *level;
    forced_process_level = -1;
    size_t recordBytes = give == 1 ? sizeof(WTS_PROCESS_INFO_EXW) : sizeof(WTS_PROCESS_INFOW);
    DWORD n = 0;
    size_t sidBytes = 0, units = 0;
    for (DWORD i = 0; i < FAKE.processCount; i++) {
        const fake_process *p = &FAKE.processes[i];
        if (sessionId == WTS_ANY_SESSION || p->session == sessionId) {
            n++;
            sidBytes += p->sidLength;
            units += fake_units_with_nul(p->name);
        }
    }
    size_t arrayBytes = n * recordBytes;
    enum fake_buffer_kind kind = give == 1 ? FAKE_FREE_EX_PROCESS1 : FAKE_FREE_EX_PROCESS0;
    uint8_t *out = fake_buffer_new(arrayBytes + sidBytes + units * sizeof(WCHAR), kind, n);
    if (out == NULL) {
        fake_unlock();
        return fail(WTS_ERROR_NOT_ENOUGH_MEMORY);
    }
    uint8_t *sidCursor = out + arrayBytes;
    WCHAR *cursor = (WCHAR *)(sidCursor + sidBytes);
    DWORD r = 0;
    for (DWORD i = 0; i < FAKE.processCount; i++) {
        const fake_process *p = &FAKE.processes[i];
        if (sessionId != WTS_ANY_SESSION && p->session != sessionId) {
            continue;
        }
        void *sid = NULL;
        if (p->sidLength > 0) {
            memcpy(sidCursor, p->sid, p->sidLength);
            sid = sidCursor;
            sidCursor += p->sidLength;
        }
        WCHAR *name = fake_place_string(&cursor, p->name);
        if (give == 1) {
            WTS_PROCESS_INFO_EXW *x = (WTS_PROCESS_INFO_EXW *)out + r;
            x->SessionId = p->session;
            x->ProcessId = p->pid;
            x->pProcessName = name;
            x->pUserSid = sid;
            const process_details *d = details_of(p->pid);
            if (d != NULL) {
                x->NumberOfThreads = (DWORD)d->values[0];
                x->HandleCount = (DWORD)d->values[1];
                x->PagefileUsage = (DWORD)d->values[2];
                x->PeakPagefileUsage = (DWORD)d->values[3];
                x->WorkingSetSize = (DWORD)d->values[4];
                x->PeakWorkingSetSize = (DWORD)d->values[5];
                x->UserTime = d->values[6];
                x->KernelTime = d->values[7];
            }
        } else {
            WTS_PROCESS_INFOW *x = (WTS_PROCESS_INFOW *)out + r;
            x->SessionId = p->session;
            x->ProcessId = p->pid;
            x->pProcessName = name;
            x->pUserSid = sid;
        }
        r++;
    }
    fake_unlock();
    *level = give;
    *info = (WCHAR *)out;
    *count = n;
    return 1;
}

static BOOL WINAPI fake_WTSEnumerateSessionsExW(HANDLE server, DWORD *level, DWORD filter,
                                                WTS_SESSION_INFO_1W **info, DWORD *count) {
    if (fake_enter("WTSEnumerateSessionsExW") || !fake_server_check(server, "WTSEnumerateSessionsExW")) {
        return 0;
    }
    if (level == NULL || *level != 1 || filter != 0 || info == NULL || count == NULL) {
        return fail(WTS_ERROR_INVALID_PARAMETER); /* level must be 1, filter is reserved */
    }
    fake_lock();
    DWORD give = forced_session_level >= 0 ? (DWORD)forced_session_level : 1;
    forced_session_level = -1;
    DWORD n = FAKE.sessionCount;
    size_t units = 0;
    for (DWORD i = 0; i < n; i++) {
        units += fake_units_with_nul(FAKE.sessions[i].name);
        const session_details *d = session_details_of(FAKE.sessions[i].id);
        for (int t = 0; d != NULL && t < FAKE_SESSION_DETAILS; t++) {
            units += fake_units_with_nul(d->texts[t]);
        }
    }
    size_t arrayBytes = n * sizeof(WTS_SESSION_INFO_1W);
    enum fake_buffer_kind kind = give == 1 ? FAKE_FREE_EX_SESSION1 : FAKE_FREE_EX_PROCESS0;
    WTS_SESSION_INFO_1W *out = fake_buffer_new(arrayBytes + units * sizeof(WCHAR), kind, n);
    if (out == NULL) {
        fake_unlock();
        return fail(WTS_ERROR_NOT_ENOUGH_MEMORY);
    }
    WCHAR *cursor = (WCHAR *)((uint8_t *)out + arrayBytes);
    for (DWORD i = 0; i < n; i++) {
        const fake_session *s = &FAKE.sessions[i];
        const session_details *d = session_details_of(s->id);
        out[i].ExecEnvId = i;
        out[i].State = s->state;
        out[i].SessionId = s->id;
        out[i].pSessionName = fake_place_string(&cursor, s->name);
        out[i].pHostName = d ? fake_place_string(&cursor, d->texts[0]) : NULL;
        out[i].pUserName = d ? fake_place_string(&cursor, d->texts[1]) : NULL;
        out[i].pDomainName = d ? fake_place_string(&cursor, d->texts[2]) : NULL;
        out[i].pFarmName = d ? fake_place_string(&cursor, d->texts[3]) : NULL;
    }
    fake_unlock();
    *level = give;
    *info = out;
    *count = n;
    return 1;
}

static BOOL WINAPI fake_WTSFreeMemoryExW(DWORD typeClass, void *memory, DWORD count) {
    if (fake_enter("WTSFreeMemoryExW")) {
        return 0;
    }
    enum fake_buffer_kind kind;
    switch (typeClass) {
    case WTS_TYPE_PROCESS_INFO_LEVEL0: kind = FAKE_FREE_EX_PROCESS0; break;
    case WTS_TYPE_PROCESS_INFO_LEVEL1: kind = FAKE_FREE_EX_PROCESS1; break;
    case WTS_TYPE_SESSION_INFO_LEVEL1: kind = FAKE_FREE_EX_SESSION1; break;
    default: return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    return fake_buffer_release(memory, kind, count) == 0 ? 1 : fail(WTS_ERROR_INVALID_PARAMETER);
}

static BOOL WINAPI fake_LookupAccountSidW(const WCHAR *system, void *sid, WCHAR *name,
                                          DWORD *nameUnits, WCHAR *domain, DWORD *domainUnits,
                                          DWORD *use) {
    if (fake_enter("LookupAccountSidW")) {
        return 0;
    }
    if (sid == NULL || nameUnits == NULL || domainUnits == NULL || use == NULL) {
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    const uint8_t *raw = sid;
    DWORD sidLength = raw[0] == 1 && raw[1] <= 15 ? 8u + 4u * raw[1] : 0;
    if (sidLength == 0) {
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    fake_lock();
    lookup_count++;
    free(last_lookup_system);
    last_lookup_system = system == NULL ? NULL : fake_wcsdup(system, fake_wcslen(system));
    const account *found = NULL;
    for (int i = 0; i < account_count; i++) {
        if (accounts[i].sidLength == sidLength && memcmp(accounts[i].sid, sid, sidLength) == 0) {
            found = &accounts[i];
        }
    }
    DWORD error = 0;
    if (found == NULL) {
        error = ERROR_NONE_MAPPED;
    } else {
        DWORD needName = (DWORD)fake_wcslen(found->name) + 1;
        DWORD needDomain = (DWORD)fake_wcslen(found->domain) + 1;
        if (name == NULL || domain == NULL || *nameUnits < needName || *domainUnits < needDomain) {
            *nameUnits = needName; /* sizes with the NUL, as Windows reports them */
            *domainUnits = needDomain;
            error = WTS_ERROR_INSUFFICIENT_BUFFER;
        } else {
            memcpy(name, found->name, needName * sizeof(WCHAR));
            memcpy(domain, found->domain, needDomain * sizeof(WCHAR));
            *nameUnits = needName - 1; /* on success: without the NUL */
            *domainUnits = needDomain - 1;
            *use = found->use;
        }
    }
    fake_unlock();
    return error == 0 ? 1 : fail(error);
}

static void fill(wts_api *api) {
    api->WTSEnumerateProcessesExW = fake_WTSEnumerateProcessesExW;
    api->WTSEnumerateSessionsExW = fake_WTSEnumerateSessionsExW;
    api->WTSFreeMemoryExW = fake_WTSFreeMemoryExW;
    api->LookupAccountSidW = fake_LookupAccountSidW;
}

static void reset(void) {
    free(processes);
    processes = NULL;
    process_count = process_capacity = 0;
    for (DWORD i = 0; i < session_count; i++) {
        for (int t = 0; t < FAKE_SESSION_DETAILS; t++) {
            free(sessions[i].texts[t]);
        }
    }
    free(sessions);
    sessions = NULL;
    session_count = session_capacity = 0;
    for (int i = 0; i < account_count; i++) {
        free(accounts[i].domain);
        free(accounts[i].name);
    }
    memset(accounts, 0, sizeof accounts);
    account_count = 0;
    forced_process_level = forced_session_level = -1;
    free(last_lookup_system);
    last_lookup_system = NULL;
    lookup_count = 0;
}

FAKE_MODULE(enum_ex, fill, reset)
