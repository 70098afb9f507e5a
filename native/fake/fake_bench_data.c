/*
 * BENCH-ONLY data generators (host build only, never in the DLLs): realistic process
 * listings for bench/ (issue 18), beside the synthetic ones of fake_exports.c.
 *
 * wtsfake_generate_processes_sids(count, sessions, distinctSids): count processes with the
 * image names of a Windows host (svchost.exe, explorer.exe, chrome.exe …, cycled), pid
 * 1000+4N, session N % sessions, and a SID on EVERY process (an administrator's view):
 *   distinctSids > 0: SID number N % distinctSids: 0-2 are S-1-5-18 / -19 / -20 (SYSTEM,
 *     LOCAL SERVICE, NETWORK SERVICE), the others S-1-5-21-3623811015-3361044348-30300820-(1000+k),
 *     the users of a domain;
 *   distinctSids = 0: every process its own domain SID (…-30300820-(1000+N)).
 * Called from C (bench/c-floor.c), through JNA and FFM by name, and from the wts-bridge forks
 * through the JNI hook below (io.github.wtsbridge.bench.FakeData).
 *
 * FakeData.scriptServer(name, useError, delayMillis): one simulated remote server for the
 * inventory benchmark (reachable or failing with useError, answering after delayMillis).
 */
#include <jni.h>
#include <stdlib.h>
#include <string.h>

#include "fake_jni_util.h"
#include "fake_servers.h"

#define EXPORT __attribute__((visibility("default")))

static const char *const IMAGES[] = {
    "svchost.exe", "chrome.exe", "explorer.exe", "RuntimeBroker.exe", "msedge.exe",
    "conhost.exe", "dllhost.exe", "OUTLOOK.EXE", "Teams.exe", "taskhostw.exe",
    "ctfmon.exe", "sihost.exe", "SearchHost.exe", "rdpclip.exe", "WINWORD.EXE",
    "csrss.exe", "winlogon.exe", "dwm.exe", "StartMenuExperienceHost.exe", "notepad.exe",
};
#define IMAGE_COUNT (sizeof IMAGES / sizeof IMAGES[0])

static void room_for(DWORD needed) {
    if (needed <= FAKE.processCapacity) {
        return;
    }
    DWORD next = FAKE.processCapacity == 0 ? 16 : FAKE.processCapacity;
    while (next < needed) {
        next *= 2;
    }
    fake_process *more = realloc(FAKE.processes, next * sizeof(fake_process));
    if (more == NULL) {
        abort(); /* bench-only code: out of memory is the end */
    }
    memset(more + FAKE.processCapacity, 0, (next - FAKE.processCapacity) * sizeof(fake_process));
    FAKE.processes = more;
    FAKE.processCapacity = next;
}

/* Writes the binary SID number k (see above) into sid; returns its length. */
static DWORD put_sid(uint8_t *sid, uint32_t k, int wellKnown) {
    if (wellKnown && k < 3) { /* S-1-5-18, -19, -20 */
        static const uint8_t local[8] = {1, 1, 0, 0, 0, 0, 0, 5};
        uint32_t rid = 18u + k;
        memcpy(sid, local, sizeof local);
        memcpy(sid + 8, &rid, 4);
        return 12;
    }
    static const uint8_t domain[24] = {1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0, 0, 0, 0, 0,
                                       0, 0, 0, 0, 0, 0, 0, 0};
    const uint32_t subs[3] = {3623811015u, 3361044348u, 30300820u};
    uint32_t rid = 1000u + k;
    memcpy(sid, domain, sizeof domain);
    memcpy(sid + 12, subs, sizeof subs);
    memcpy(sid + 24, &rid, 4);
    return 28;
}

EXPORT void wtsfake_generate_processes_sids(int32_t count, int32_t sessions, int32_t distinctSids) {
    wts_api_init();
    fake_lock();
    room_for(FAKE.processCount + (DWORD)(count > 0 ? count : 0));
    for (int32_t n = 0; n < count; n++) {
        const char *ascii = IMAGES[(uint32_t)n % IMAGE_COUNT];
        WCHAR name[64];
        size_t units = 0;
        while (ascii[units] != 0 && units + 1 < 64) {
            name[units] = (WCHAR)(unsigned char)ascii[units];
            units++;
        }
        name[units] = 0;
        fake_process *p = &FAKE.processes[FAKE.processCount++];
        p->session = (DWORD)(sessions > 0 ? n % sessions : 0);
        p->pid = 1000u + 4u * (DWORD)n;
        p->name = fake_wcsdup(name, units);
        p->sidLength = distinctSids > 0 ? put_sid(p->sid, (uint32_t)(n % distinctSids), 1)
                                        : put_sid(p->sid, (uint32_t)n, 0);
    }
    fake_unlock();
}

JNIEXPORT void JNICALL Java_io_github_wtsbridge_bench_FakeData_generateProcessesWithSids(
    JNIEnv *env, jclass cls, jint count, jint sessions, jint distinctSids) {
    (void)env, (void)cls;
    wtsfake_generate_processes_sids(count, sessions, distinctSids);
}

JNIEXPORT void JNICALL Java_io_github_wtsbridge_bench_FakeData_scriptServer(JNIEnv *env, jclass cls,
                                                                         jstring name, jint useError,
                                                                         jint delayMillis) {
    (void)cls;
    WCHAR *copy = fake_java_string(env, name);
    if (copy != NULL) {
        fake_servers_script(copy, (DWORD)useError);
        if (delayMillis > 0) {
            fake_servers_delay(copy, (DWORD)delayMillis);
        }
        free(copy);
    }
}
