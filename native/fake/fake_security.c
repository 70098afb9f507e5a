/*
 * TEST-ONLY fake of GetNamedSecurityInfoW, SetNamedSecurityInfoW and LocalFree, as the shim
 * uses them to mark a directory's DACL protected. As on Windows: both return their Win32
 * error code (the last error is not theirs); GetNamedSecurityInfoW hands out one LocalAlloc
 * block holding the descriptor, which the DACL pointer points into, to be freed with
 * LocalFree. The fake records each SetNamedSecurityInfoW (path, flags) and counts a DACL
 * passed after its descriptor was freed.
 */
#include <pthread.h>
#include <string.h>

#include "fake_security.h"

#define ERROR_FILE_NOT_FOUND 2u
#define MAX_LIVE 16
#define MAX_PATH_UNITS 1024

typedef struct fake_descriptor {
    uint8_t header[20];  /* SECURITY_DESCRIPTOR_RELATIVE's size; contents unused by the shim */
    uint8_t dacl[8];     /* an empty ACL header */
} fake_descriptor;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static fake_descriptor *live[MAX_LIVE];
static int null_dacl, protections, stale_dacls;
static DWORD last_flags;
static WCHAR last_path[MAX_PATH_UNITS];

/* The error an injected failure set (fake_enter), as these functions return it. */
static DWORD injected(const char *function) {
    return fake_enter(function) ? fake_last_error() : 0;
}

static DWORD WINAPI fake_GetNamedSecurityInfoW(const WCHAR *name, DWORD objectType, DWORD info, void **owner,
                                               void **group, void **dacl, void **sacl, void **descriptor) {
    DWORD error = injected("GetNamedSecurityInfoW");
    if (error != 0) {
        return error;
    }
    if (name == NULL || objectType != WTS_SE_FILE_OBJECT || info != WTS_DACL_SECURITY_INFORMATION
        || owner != NULL || group != NULL || sacl != NULL || dacl == NULL || descriptor == NULL) {
        return WTS_ERROR_INVALID_PARAMETER;
    }
    if (name[0] == 0) {
        return ERROR_FILE_NOT_FOUND;
    }
    fake_descriptor *d = fake_buffer_new(sizeof *d, FAKE_FREE_LOCALFREE, 0);
    if (d == NULL) {
        return WTS_ERROR_NOT_ENOUGH_MEMORY;
    }
    pthread_mutex_lock(&lock);
    for (int i = 0; i < MAX_LIVE; i++) {
        if (live[i] == NULL) {
            live[i] = d;
            break;
        }
    }
    *dacl = null_dacl ? NULL : d->dacl;
    pthread_mutex_unlock(&lock);
    *descriptor = d;
    return 0;
}

static DWORD WINAPI fake_SetNamedSecurityInfoW(WCHAR *name, DWORD objectType, DWORD info, void *owner, void *group,
                                               void *dacl, void *sacl) {
    DWORD error = injected("SetNamedSecurityInfoW");
    if (error != 0) {
        return error;
    }
    if (name == NULL || objectType != WTS_SE_FILE_OBJECT || owner != NULL || group != NULL || sacl != NULL
        || (info & WTS_DACL_SECURITY_INFORMATION) == 0) {
        return WTS_ERROR_INVALID_PARAMETER;
    }
    pthread_mutex_lock(&lock);
    int known = 0;
    for (int i = 0; i < MAX_LIVE; i++) {
        known |= live[i] != NULL && (void *)live[i]->dacl == dacl;
    }
    stale_dacls += !known;
    protections++;
    last_flags = info;
    size_t n = 0;
    while (n < MAX_PATH_UNITS - 1 && name[n] != 0) {
        last_path[n] = name[n];
        n++;
    }
    last_path[n] = 0;
    pthread_mutex_unlock(&lock);
    return 0;
}

static void *WINAPI fake_LocalFree(void *memory) {
    if (fake_enter("LocalFree") || memory == NULL) {
        return memory;
    }
    pthread_mutex_lock(&lock);
    for (int i = 0; i < MAX_LIVE; i++) {
        if (live[i] == memory) {
            live[i] = NULL;
        }
    }
    pthread_mutex_unlock(&lock);
    return fake_buffer_release(memory, FAKE_FREE_LOCALFREE, 0) ? memory : NULL;
}

void fake_security_set_null_dacl(int on) {
    pthread_mutex_lock(&lock);
    null_dacl = on;
    pthread_mutex_unlock(&lock);
}

int fake_security_protections(DWORD *flags, WCHAR *path, size_t units) {
    pthread_mutex_lock(&lock);
    int count = protections;
    *flags = last_flags;
    size_t n = 0;
    while (n + 1 < units && last_path[n] != 0) {
        path[n] = last_path[n];
        n++;
    }
    path[n] = 0;
    pthread_mutex_unlock(&lock);
    return count;
}

int fake_security_stale_dacls(void) {
    pthread_mutex_lock(&lock);
    int count = stale_dacls;
    pthread_mutex_unlock(&lock);
    return count;
}

static void fill(wts_api *api) {
    api->GetNamedSecurityInfoW = fake_GetNamedSecurityInfoW;
    api->SetNamedSecurityInfoW = fake_SetNamedSecurityInfoW;
    api->LocalFree = fake_LocalFree;
}

static void reset(void) {
    pthread_mutex_lock(&lock);
    memset(live, 0, sizeof live);
    null_dacl = protections = stale_dacls = 0;
    last_flags = 0;
    last_path[0] = 0;
    pthread_mutex_unlock(&lock);
}

FAKE_MODULE(security, fill, reset)
