/*
 * The C floor of the benchmarks (issue 7): the same operations as the JMH suite, on the same
 * fake data, through the same Windows-named exports of the host libwtsbridge.so
 * (native/fake/fake_exports.c), copying out the same fields into memory the caller owns —
 * as Java must: the numbers, every string copied (UTF-16 names; the SID formatted to its
 * "S-1-5-…" text, as wts-bridge and the JNA benchmark return it), then all of it freed.
 *
 * Timing: clock_gettime(CLOCK_MONOTONIC) around batches of calls sized to last a while;
 * the figure is the median over repeated batches, in nanoseconds per operation.
 * Listings copy into ONE allocation per result (records + names + SID texts): the least a C
 * program can do and still own every field — the floor. The "malloc:" lines time the same
 * with a malloc'd copy per string (an object per string, as Java has), and the "fake:" lines
 * the fake's own share of a listing (enumerate + WTSFreeMemory, nothing copied).
 *
 * Output, one line per measurement: "<operation> <size> <ns per op>".
 *
 * Usage: c-floor [--quick | --smoke]
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "wts_abi.h"

/* The exports of libwtsbridge.so (Windows names, Windows signatures). */
BOOL WTSEnumerateProcessesW(HANDLE server, DWORD reserved, DWORD version, WTS_PROCESS_INFOW **info,
                            DWORD *count);
BOOL WTSEnumerateSessionsW(HANDLE server, DWORD reserved, DWORD version, WTS_SESSION_INFOW **info,
                           DWORD *count);
BOOL WTSQuerySessionInformationW(HANDLE server, DWORD session, DWORD infoClass, WCHAR **buffer,
                                 DWORD *bytes);
void WTSFreeMemory(void *memory);
BOOL ProcessIdToSessionId(DWORD pid, DWORD *session);
DWORD GetCurrentProcessId(void);
DWORD GetLastError(void);

/* Its C API that scripts the fake. */
void wtsfake_reset(void);
void wtsfake_generate_processes(int32_t count, int32_t sessions);
void wtsfake_generate_processes_sids(int32_t count, int32_t sessions, int32_t distinctSids);
void wtsfake_generate_sessions(int32_t count);
void wtsfake_set_current_process(uint32_t pid, uint32_t session);
int64_t wtsfake_outstanding_buffers(void);

/* The same scenario as bench/src/.../Scenario.java. */
#define PROCESS_SESSIONS 10
#define INFO_SESSIONS 10
#define INFO_SESSION 2
#define CURRENT_PID 4242
#define CURRENT_SESSION 2

static void fail(const char *function) {
    fprintf(stderr, "c-floor: %s failed: %u\n", function, (unsigned)GetLastError());
    exit(1);
}

static void *checked(void *memory) {
    if (memory == NULL) {
        fprintf(stderr, "c-floor: out of memory\n");
        exit(1);
    }
    return memory;
}

/* An owned copy of a NUL-terminated UTF-16 string (like a Java String's own array). */
typedef struct text {
    WCHAR *units;
    size_t length;
} text;

static text copy_text(const WCHAR *source, size_t max) {
    size_t n = 0;
    while (source != NULL && n < max && source[n] != 0) {
        n++;
    }
    text t = {checked(malloc((n + 1) * sizeof(WCHAR))), n};
    if (n > 0) {
        memcpy(t.units, source, n * sizeof(WCHAR));
    }
    t.units[n] = 0;
    return t;
}

static char *put_decimal(char *at, uint64_t value) {
    char digits[20];
    int n = 0;
    do {
        digits[n++] = (char)('0' + value % 10);
        value /= 10;
    } while (value != 0);
    while (n > 0) {
        *at++ = digits[--n];
    }
    return at;
}

/* Room for a SID's text with its NUL. */
static size_t sid_text_room(const BYTE *sid) {
    return sid == NULL ? 1 : 2 + 4 + 1 + 16 + 11 * (size_t)sid[1] + 1;
}

/* Writes a binary SID's text, "S-1-5-21-…" ("" for none, as ConvertSidToStringSidW has it)
 * at out; returns the end of it (past the NUL). */
static char *write_sid_text(char *out, const BYTE *sid) {
    if (sid == NULL) {
        *out = 0;
        return out + 1;
    }
    unsigned subs = sid[1];
    char *at = out;
    *at++ = 'S';
    *at++ = '-';
    at = put_decimal(at, sid[0]);
    *at++ = '-';
    uint64_t authority = 0;
    for (int i = 2; i < 8; i++) {
        authority = authority << 8 | sid[i];
    }
    if (authority >= (1ull << 32)) {
        at += sprintf(at, "0x%012llX", (unsigned long long)authority);
    } else {
        at = put_decimal(at, authority);
    }
    for (unsigned i = 0; i < subs; i++) {
        const BYTE *s = sid + 8 + 4 * i;
        *at++ = '-';
        at = put_decimal(at, (uint32_t)s[0] | (uint32_t)s[1] << 8 | (uint32_t)s[2] << 16 |
                                 (uint32_t)s[3] << 24);
    }
    *at = 0;
    return at + 1;
}

/* The same text in its own allocation. */
static char *sid_text(const BYTE *sid) {
    char *out = checked(malloc(sid_text_room(sid)));
    write_sid_text(out, sid);
    return out;
}

/* ---- the operations: each returns a checksum so nothing is optimised away ---- */

typedef struct process {
    int32_t session;
    int64_t pid;
    text name;
    char *sid;
} process;

static uint64_t list_processes(void) {
    WTS_PROCESS_INFOW *info = NULL;
    DWORD count = 0;
    if (!WTSEnumerateProcessesW(WTS_CURRENT_SERVER_HANDLE, 0, 1, &info, &count)) {
        fail("WTSEnumerateProcessesW");
    }
    process *list = checked(malloc((count + 1) * sizeof(process)));
    for (DWORD i = 0; i < count; i++) {
        list[i].session = (int32_t)info[i].SessionId;
        list[i].pid = info[i].ProcessId;
        list[i].name = copy_text(info[i].pProcessName, 32767);
        list[i].sid = sid_text(info[i].pUserSid);
    }
    WTSFreeMemory(info);
    uint64_t sum = count;
    for (DWORD i = 0; i < count; i++) {
        sum += (uint64_t)list[i].pid + list[i].name.length + (uint8_t)list[i].sid[0];
        free(list[i].name.units);
        free(list[i].sid);
    }
    free(list);
    return sum;
}

/*
 * The floor: the same records, but everything in ONE allocation (records, then the names,
 * then the SID texts) — the least a C program can do and still own a copy of every field.
 */
typedef struct process_ref {
    int32_t session;
    int64_t pid;
    const WCHAR *name;
    size_t nameLength;
    const char *sid;
} process_ref;

static uint64_t list_processes_arena(void) {
    WTS_PROCESS_INFOW *info = NULL;
    DWORD count = 0;
    if (!WTSEnumerateProcessesW(WTS_CURRENT_SERVER_HANDLE, 0, 1, &info, &count)) {
        fail("WTSEnumerateProcessesW");
    }
    size_t units = 0, sidChars = 0;
    for (DWORD i = 0; i < count; i++) {
        const WCHAR *name = info[i].pProcessName;
        size_t n = 0;
        while (name != NULL && name[n] != 0) {
            n++;
        }
        units += n + 1;
        sidChars += sid_text_room(info[i].pUserSid);
    }
    char *block = checked(malloc(count * sizeof(process_ref) + units * sizeof(WCHAR) + sidChars));
    process_ref *list = (process_ref *)block;
    WCHAR *unitAt = (WCHAR *)(block + count * sizeof(process_ref));
    char *sidAt = (char *)(unitAt + units);
    for (DWORD i = 0; i < count; i++) {
        const WCHAR *name = info[i].pProcessName;
        size_t n = 0;
        while (name != NULL && name[n] != 0) {
            unitAt[n] = name[n];
            n++;
        }
        unitAt[n] = 0;
        list[i].session = (int32_t)info[i].SessionId;
        list[i].pid = info[i].ProcessId;
        list[i].name = unitAt;
        list[i].nameLength = n;
        list[i].sid = sidAt;
        unitAt += n + 1;
        sidAt = write_sid_text(sidAt, info[i].pUserSid);
    }
    WTSFreeMemory(info);
    uint64_t sum = count;
    for (DWORD i = 0; i < count; i++) {
        sum += (uint64_t)list[i].pid + list[i].nameLength + (uint8_t)list[i].sid[0];
    }
    free(block);
    return sum;
}

typedef struct session_ref {
    int32_t id;
    int32_t state;
    const WCHAR *name;
    size_t nameLength;
} session_ref;

static uint64_t list_sessions_arena(void) {
    WTS_SESSION_INFOW *info = NULL;
    DWORD count = 0;
    if (!WTSEnumerateSessionsW(WTS_CURRENT_SERVER_HANDLE, 0, 1, &info, &count)) {
        fail("WTSEnumerateSessionsW");
    }
    size_t units = 0;
    for (DWORD i = 0; i < count; i++) {
        const WCHAR *name = info[i].pWinStationName;
        size_t n = 0;
        while (name != NULL && name[n] != 0) {
            n++;
        }
        units += n + 1;
    }
    char *block = checked(malloc(count * sizeof(session_ref) + units * sizeof(WCHAR)));
    session_ref *list = (session_ref *)block;
    WCHAR *unitAt = (WCHAR *)(block + count * sizeof(session_ref));
    for (DWORD i = 0; i < count; i++) {
        const WCHAR *name = info[i].pWinStationName;
        size_t n = 0;
        while (name != NULL && name[n] != 0) {
            unitAt[n] = name[n];
            n++;
        }
        unitAt[n] = 0;
        list[i].id = (int32_t)info[i].SessionId;
        list[i].state = (int32_t)info[i].State;
        list[i].name = unitAt;
        list[i].nameLength = n;
        unitAt += n + 1;
    }
    WTSFreeMemory(info);
    uint64_t sum = count;
    for (DWORD i = 0; i < count; i++) {
        sum += (uint64_t)list[i].id + list[i].nameLength;
    }
    free(block);
    return sum;
}

typedef struct session {
    int32_t id;
    int32_t state;
    text name;
} session;

static uint64_t list_sessions(void) {
    WTS_SESSION_INFOW *info = NULL;
    DWORD count = 0;
    if (!WTSEnumerateSessionsW(WTS_CURRENT_SERVER_HANDLE, 0, 1, &info, &count)) {
        fail("WTSEnumerateSessionsW");
    }
    session *list = checked(malloc((count + 1) * sizeof(session)));
    for (DWORD i = 0; i < count; i++) {
        list[i].id = (int32_t)info[i].SessionId;
        list[i].state = (int32_t)info[i].State;
        list[i].name = copy_text(info[i].pWinStationName, 32767);
    }
    WTSFreeMemory(info);
    uint64_t sum = count;
    for (DWORD i = 0; i < count; i++) {
        sum += (uint64_t)list[i].id + list[i].name.length;
        free(list[i].name.units);
    }
    free(list);
    return sum;
}

typedef struct session_info {
    int64_t numbers[13];
    text winStation, domain, user;
    WCHAR units[32 + 17 + 21 + 3]; /* the three texts, in the same allocation */
} session_info;

static text copy_field(WCHAR **at, const WCHAR *field, size_t max) {
    size_t n = 0;
    while (n < max && field[n] != 0) {
        (*at)[n] = field[n];
        n++;
    }
    (*at)[n] = 0;
    text t = {*at, n};
    *at += n + 1;
    return t;
}

static uint64_t session_info_query(void) {
    WCHAR *buffer = NULL;
    DWORD bytes = 0;
    if (!WTSQuerySessionInformationW(WTS_CURRENT_SERVER_HANDLE, INFO_SESSION,
                                     WTS_INFO_SESSION_INFO, &buffer, &bytes)) {
        fail("WTSQuerySessionInformationW");
    }
    if (bytes < sizeof(WTSINFOW)) {
        fail("WTSQuerySessionInformationW (short reply)");
    }
    const WTSINFOW *w = (const WTSINFOW *)buffer;
    session_info *out = checked(malloc(sizeof *out));
    const int64_t numbers[13] = {w->State, w->SessionId, w->IncomingBytes, w->OutgoingBytes,
                                 w->IncomingFrames, w->OutgoingFrames, w->IncomingCompressedBytes,
                                 w->OutgoingCompressedBytes, w->ConnectTime, w->DisconnectTime,
                                 w->LastInputTime, w->LogonTime, w->CurrentTime};
    memcpy(out->numbers, numbers, sizeof numbers);
    WCHAR *at = out->units;
    out->winStation = copy_field(&at, w->WinStationName, 32);
    out->domain = copy_field(&at, w->Domain, 17);
    out->user = copy_field(&at, w->UserName, 21);
    WTSFreeMemory(buffer);
    uint64_t sum = (uint64_t)out->numbers[1] + out->user.length + (uint64_t)out->numbers[11];
    free(out);
    return sum;
}

/* The fake's own share: enumerate and free, nothing copied (reported as "fake …" lines). */
static uint64_t enumerate_processes_only(void) {
    WTS_PROCESS_INFOW *info = NULL;
    DWORD count = 0;
    if (!WTSEnumerateProcessesW(WTS_CURRENT_SERVER_HANDLE, 0, 1, &info, &count)) {
        fail("WTSEnumerateProcessesW");
    }
    WTSFreeMemory(info);
    return count;
}

static uint64_t enumerate_sessions_only(void) {
    WTS_SESSION_INFOW *info = NULL;
    DWORD count = 0;
    if (!WTSEnumerateSessionsW(WTS_CURRENT_SERVER_HANDLE, 0, 1, &info, &count)) {
        fail("WTSEnumerateSessionsW");
    }
    WTSFreeMemory(info);
    return count;
}

static uint64_t current_session(void) {
    DWORD session = 0;
    if (!ProcessIdToSessionId(GetCurrentProcessId(), &session)) {
        fail("ProcessIdToSessionId");
    }
    return session;
}

/* ---- timing ---- */

static int64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static volatile uint64_t sink;

/* Median ns/op over `batches` batches, each sized to last about batch_ns. */
static double measure(uint64_t (*op)(void), int64_t batch_ns, int warmups, int batches) {
    long n = 1;
    for (;;) { /* calibrate: double the batch until it lasts long enough */
        int64_t start = now_ns();
        for (long i = 0; i < n; i++) {
            sink += op();
        }
        int64_t took = now_ns() - start;
        if (took >= batch_ns / 4) {
            n = (long)((double)n * (double)batch_ns / (double)(took > 0 ? took : 1)) + 1;
            break;
        }
        n *= 2;
    }
    double *perOp = checked(malloc((size_t)batches * sizeof(double)));
    for (int b = -warmups; b < batches; b++) {
        int64_t start = now_ns();
        for (long i = 0; i < n; i++) {
            sink += op();
        }
        int64_t took = now_ns() - start;
        if (b >= 0) {
            perOp[b] = (double)took / (double)n;
        }
    }
    qsort(perOp, (size_t)batches, sizeof(double), by_value);
    double median = batches % 2 ? perOp[batches / 2]
                                : (perOp[batches / 2 - 1] + perOp[batches / 2]) / 2;
    free(perOp);
    return median;
}

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "";
    int64_t batch_ns = 20000000; /* full run: 20 ms batches, 3 warm-up + 15 timed */
    int warmups = 3, batches = 15;
    if (strcmp(mode, "--quick") == 0) {
        batch_ns = 10000000, warmups = 2, batches = 7;
    } else if (strcmp(mode, "--smoke") == 0) {
        batch_ns = 200000, warmups = 1, batches = 3;
    }

    static const int process_sizes[] = {100, 1000, 10000, 100000};
    for (size_t i = 0; i < sizeof process_sizes / sizeof process_sizes[0]; i++) {
        wtsfake_reset();
        wtsfake_generate_processes(process_sizes[i], PROCESS_SESSIONS);
        printf("listProcesses %d %.1f\n", process_sizes[i],
               measure(list_processes_arena, batch_ns, warmups, batches));
        printf("malloc:listProcesses %d %.1f\n", process_sizes[i],
               measure(list_processes, batch_ns, warmups, batches));
        printf("fake:listProcesses %d %.1f\n", process_sizes[i],
               measure(enumerate_processes_only, batch_ns, warmups, batches));
    }
    /* Realistic: a SID on every process, 20 distinct or all distinct (fake_bench_data.c). */
    static const int sid_counts[] = {20, 0};
    for (size_t i = 0; i < sizeof sid_counts / sizeof sid_counts[0]; i++) {
        wtsfake_reset();
        wtsfake_generate_processes_sids(10000, PROCESS_SESSIONS, sid_counts[i]);
        printf("listProcessesSids%d 10000 %.1f\n", sid_counts[i],
               measure(list_processes_arena, batch_ns, warmups, batches));
        printf("fake:listProcessesSids%d 10000 %.1f\n", sid_counts[i],
               measure(enumerate_processes_only, batch_ns, warmups, batches));
    }
    static const int session_sizes[] = {1, 50, 500};
    for (size_t i = 0; i < sizeof session_sizes / sizeof session_sizes[0]; i++) {
        wtsfake_reset();
        wtsfake_generate_sessions(session_sizes[i]);
        printf("listSessions %d %.1f\n", session_sizes[i],
               measure(list_sessions_arena, batch_ns, warmups, batches));
        printf("malloc:listSessions %d %.1f\n", session_sizes[i],
               measure(list_sessions, batch_ns, warmups, batches));
        printf("fake:listSessions %d %.1f\n", session_sizes[i],
               measure(enumerate_sessions_only, batch_ns, warmups, batches));
    }
    wtsfake_reset();
    wtsfake_generate_sessions(INFO_SESSIONS);
    printf("sessionInfo - %.1f\n", measure(session_info_query, batch_ns, warmups, batches));
    wtsfake_reset();
    wtsfake_set_current_process(CURRENT_PID, CURRENT_SESSION);
    if (current_session() != CURRENT_SESSION) {
        fail("ProcessIdToSessionId (wrong session)");
    }
    printf("currentSession - %.1f\n", measure(current_session, batch_ns, warmups, batches));
    if (wtsfake_outstanding_buffers() != 0) {
        fprintf(stderr, "c-floor: %lld WTS buffers were not freed\n",
                (long long)wtsfake_outstanding_buffers());
        return 1;
    }
    return 0;
}
