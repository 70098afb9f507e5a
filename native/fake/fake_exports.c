/*
 * TEST/BENCH-ONLY. Host build only (native/fake is never compiled into the Windows DLLs).
 *
 * 1. The Windows-named functions the benchmarks compare against, exported from the host
 *    libwtsbridge.so so that JNA (Native.load of this library) and the C floor
 *    (bench/c-floor.c, linked against it) call the very fake the shim calls, with the same
 *    data: thin wrappers that call through the table (WTS.xxx), like the shim does.
 * 2. A small C API (wtsfake_*) that scripts the fake without JNI: reset, synthetic processes
 *    and sessions, raw info-class replies, the current process.
 *
 * The Windows names live only in this Linux library, where no other code defines them; the
 * DLLs' export table is checked against the Java natives (DllBinaryTest), so none can leak.
 */
#include <stdlib.h>
#include <string.h>

#include "fake.h"

#define EXPORT __attribute__((visibility("default")))

/* The table is filled by JNI_OnLoad in a JVM; JNA and the C floor load no JVM hook. */
static void ready(void) { wts_api_init(); }

/* ---- wtsapi32 / kernel32, Windows names, Windows signatures ---- */

EXPORT BOOL WINAPI WTSEnumerateProcessesW(HANDLE server, DWORD reserved, DWORD version,
                                          WTS_PROCESS_INFOW **info, DWORD *count) {
    ready();
    return WTS.WTSEnumerateProcessesW(server, reserved, version, info, count);
}

EXPORT BOOL WINAPI WTSEnumerateSessionsW(HANDLE server, DWORD reserved, DWORD version,
                                         WTS_SESSION_INFOW **info, DWORD *count) {
    ready();
    return WTS.WTSEnumerateSessionsW(server, reserved, version, info, count);
}

EXPORT BOOL WINAPI WTSQuerySessionInformationW(HANDLE server, DWORD session, DWORD infoClass,
                                               WCHAR **buffer, DWORD *bytes) {
    ready();
    return WTS.WTSQuerySessionInformationW(server, session, infoClass, buffer, bytes);
}

EXPORT void WINAPI WTSFreeMemory(void *memory) {
    ready();
    WTS.WTSFreeMemory(memory);
}

EXPORT BOOL WINAPI ProcessIdToSessionId(DWORD pid, DWORD *session) {
    ready();
    return WTS.ProcessIdToSessionId(pid, session);
}

EXPORT DWORD WINAPI GetCurrentProcessId(void) {
    ready();
    return WTS.GetCurrentProcessId();
}

EXPORT DWORD WINAPI WTSGetActiveConsoleSessionId(void) {
    ready();
    return WTS.WTSGetActiveConsoleSessionId();
}

EXPORT DWORD WINAPI GetLastError(void) {
    ready();
    return WTS.GetLastError();
}

/* kernel32's lstrlenW: UTF-16 units before the NUL. JNA's own wide strings are wchar_t
 * (4 bytes on Linux), so the JNA benchmark measures a UTF-16 name with this, then reads it. */
EXPORT int32_t WINAPI lstrlenW(const WCHAR *text) {
    return text == NULL ? 0 : (int32_t)fake_wcslen(text);
}

/* ---- the C API that scripts the fake ---- */

/* ASCII → UTF-16 into out (capacity units incl. NUL); returns the units written. */
static size_t ascii_utf16(WCHAR *out, size_t capacity, const char *ascii) {
    size_t n = 0;
    while (ascii[n] != 0 && n + 1 < capacity) {
        out[n] = (WCHAR)(unsigned char)ascii[n];
        n++;
    }
    out[n] = 0;
    return n;
}

/* Decimal digits of value appended at text (no NUL); returns how many. */
static size_t put_uint(char *text, uint32_t value) {
    char digits[10];
    size_t n = 0;
    do {
        digits[n++] = (char)('0' + value % 10);
        value /= 10;
    } while (value != 0);
    for (size_t i = 0; i < n; i++) {
        text[i] = digits[n - 1 - i];
    }
    return n;
}

static void name_with_number(char *out, const char *prefix, uint32_t number, const char *suffix) {
    size_t at = strlen(prefix);
    memcpy(out, prefix, at);
    at += put_uint(out + at, number);
    strcpy(out + at, suffix);
}

EXPORT void wtsfake_reset(void) {
    ready();
    fake_reset();
}

/* Appends count processes "proc-N.exe", pid 1000+4N, session N % sessions, and the SID
 * S-1-5-21-1-2-3-(1000+N) on every even N — the data FakeWts.generateProcesses makes. */
EXPORT void wtsfake_generate_processes(int32_t count, int32_t sessions) {
    ready();
    fake_lock();
    for (int32_t n = 0; n < count; n++) {
        char ascii[32];
        name_with_number(ascii, "proc-", (uint32_t)n, ".exe");
        WCHAR name[32];
        size_t units = ascii_utf16(name, 32, ascii);
        fake_grow((void **)&FAKE.processes, &FAKE.processCapacity, FAKE.processCount + 1,
             sizeof(fake_process));
        fake_process *p = &FAKE.processes[FAKE.processCount++];
        p->session = (DWORD)(sessions > 0 ? n % sessions : 0);
        p->pid = 1000u + 4u * (DWORD)n;
        p->name = fake_wcsdup(name, units);
        p->sidLength = 0;
        if (n % 2 == 0) {
            static const uint8_t prefix[24] = {1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0,
                                               1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0};
            uint32_t rid = 1000u + (uint32_t)n;
            memcpy(p->sid, prefix, sizeof prefix);
            memcpy(p->sid + 24, &rid, 4);
            p->sidLength = 28;
        }
    }
    fake_unlock();
}

/* Adds a session with an explicit WinStation name (UTF-16, NUL-terminated). */
EXPORT void wtsfake_add_session(uint32_t id, uint32_t state, const WCHAR *name) {
    ready();
    fake_lock();
    fake_grow((void **)&FAKE.sessions, &FAKE.sessionCapacity, FAKE.sessionCount + 1,
         sizeof(fake_session));
    fake_session *s = &FAKE.sessions[FAKE.sessionCount++];
    memset(s, 0, sizeof *s);
    s->id = id;
    s->state = state;
    s->name = name == NULL ? NULL : fake_wcsdup(name, fake_wcslen(name));
    fake_unlock();
}

/* The raw bytes WTSQuerySessionInformationW returns for (session, class); NULL unsets. */
EXPORT void wtsfake_set_session_info(uint32_t id, uint32_t infoClass, const void *raw,
                                     uint32_t size) {
    ready();
    if (infoClass > FAKE_MAX_INFO_CLASS) {
        return;
    }
    uint8_t *copy = NULL;
    if (raw != NULL) {
        copy = malloc(size == 0 ? 1 : size);
        if (copy == NULL) {
            abort();
        }
        memcpy(copy, raw, size);
    }
    fake_lock();
    fake_session *s = fake_find_session(id);
    if (s != NULL) {
        free(s->info[infoClass].data);
        s->info[infoClass].data = copy;
        s->info[infoClass].size = size;
        copy = NULL;
    }
    fake_unlock();
    free(copy);
}

/*
 * Adds count sessions: 0 "Services" (disconnected), 1 "Console" (active), then "RDP-Tcp#N",
 * two active for one disconnected; each with a WTSSessionInfo (WTSINFOW) reply: user
 * "userN" in domain "CONTOSO", counters, and logon/connect/disconnect/last-input/current times.
 */
EXPORT void wtsfake_generate_sessions(int32_t count) {
    enum { ACTIVE = 0, DISCONNECTED = 4 };
    for (int32_t n = 0; n < count; n++) {
        char ascii[32];
        DWORD state = n == 1 ? ACTIVE : n == 0 || n % 3 == 0 ? DISCONNECTED : ACTIVE;
        if (n == 0) {
            strcpy(ascii, "Services");
        } else if (n == 1) {
            strcpy(ascii, "Console");
        } else {
            name_with_number(ascii, "RDP-Tcp#", (uint32_t)n, "");
        }
        WCHAR name[32];
        ascii_utf16(name, 32, ascii);
        wtsfake_add_session((uint32_t)n, state, name);

        WTSINFOW info;
        memset(&info, 0, sizeof info);
        info.State = state;
        info.SessionId = (DWORD)n;
        info.IncomingBytes = 1000u * (DWORD)n + 17u;
        info.OutgoingBytes = 2000u * (DWORD)n + 29u;
        info.IncomingFrames = 10u * (DWORD)n;
        info.OutgoingFrames = 20u * (DWORD)n;
        info.IncomingCompressedBytes = 500u * (DWORD)n;
        info.OutgoingCompressedBytes = 900u * (DWORD)n;
        ascii_utf16(info.WinStationName, 32, ascii);
        if (n != 0) {
            char user[21];
            name_with_number(user, "user", (uint32_t)n, "");
            ascii_utf16(info.UserName, 21, user);
            ascii_utf16(info.Domain, 17, "CONTOSO");
            /* 2026-11-25T08:00:00Z as a FILETIME, plus n minutes; "now" is 20:00 */
            const LONGLONG base = 134400672000000000LL;
            info.LogonTime = base + (LONGLONG)n * 600000000LL;
            info.ConnectTime = info.LogonTime + 10000000LL;
            info.DisconnectTime = state == DISCONNECTED ? info.ConnectTime + 36000000000LL : 0;
            info.LastInputTime = info.ConnectTime + 18000000000LL;
        }
        info.CurrentTime = 134401104000000000LL;
        wtsfake_set_session_info((uint32_t)n, WTS_INFO_SESSION_INFO, &info, sizeof info);
    }
}

/* What GetCurrentProcessId returns and the session ProcessIdToSessionId gives it. */
EXPORT void wtsfake_set_current_process(uint32_t pid, uint32_t session) {
    ready();
    fake_lock();
    FAKE.currentPid = pid;
    FAKE.currentSession = session;
    fake_unlock();
}

/* Buffers handed out and not freed with the matching function (0 after correct use). */
EXPORT int64_t wtsfake_outstanding_buffers(void) { return fake_outstanding_buffers(); }
