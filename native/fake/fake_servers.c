/*
 * TEST-ONLY fake of WTSOpenServerW / WTSCloseServer / WTSEnumerateServersW, and the check
 * every handle-taking fake makes (fake_server_check).
 *
 * Like Windows, WTSOpenServerW hands out a handle even for a name that does not resolve: the
 * failure (RPC_S_SERVER_UNAVAILABLE) shows on the first call made with it. Names are
 * scripted from JUnit as reachable, denying (ERROR_ACCESS_DENIED) or unreachable.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fake_servers.h"

#define SERVER_MAGIC 0x53525652u /* "SRVR" */
#define RPC_S_SERVER_UNAVAILABLE 1722u
#define LAST_UNITS 512

typedef struct fake_server {
    uint32_t magic;
    int open;
    WCHAR *name;
    DWORD useError;
    DWORD delayMillis; /* every call with this handle sleeps this long first (slow server) */
    struct fake_server *next;
} fake_server;

typedef struct name_entry {
    WCHAR *domain; /* NULL: the caller's domain */
    WCHAR *name;
    DWORD useError;
    struct name_entry *next;
} name_entry;

static fake_server *servers;  /* the open handles */
/* The most recently closed handles, kept (not freed) so that a use after close or a double
 * close is seen as a bad handle use and their addresses are not handed out again at once;
 * older ones are freed so that a long run (scripts/soak) stays flat in memory and time. */
#define KEEP_CLOSED 256
static fake_server *closed_servers;
static int closed_count;
static name_entry *scripted;  /* fake_servers_script */
static name_entry *listed;    /* fake_servers_add_listed */
static name_entry *delayed;   /* fake_servers_delay (useError holds the milliseconds) */
static int64_t bad_handle_uses;
static WCHAR last_server[LAST_UNITS];
static char last_function[64];
static WCHAR last_domain[LAST_UNITS];

static int same_text(const WCHAR *a, const WCHAR *b) {
    if (a == NULL || b == NULL) {
        return a == b;
    }
    size_t n = fake_wcslen(a);
    if (n != fake_wcslen(b)) {
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        WCHAR x = a[i] >= 'A' && a[i] <= 'Z' ? (WCHAR)(a[i] + 32) : a[i]; /* names: ASCII case */
        WCHAR y = b[i] >= 'A' && b[i] <= 'Z' ? (WCHAR)(b[i] + 32) : b[i];
        if (x != y) {
            return 0;
        }
    }
    return 1;
}

static void copy_text(WCHAR *to, size_t units, const WCHAR *from) {
    size_t n = from == NULL ? 0 : fake_wcslen(from);
    if (n >= units) {
        n = units - 1;
    }
    if (n > 0) {
        memcpy(to, from, n * sizeof(WCHAR));
    }
    to[n] = 0;
}

static fake_server *find_handle(HANDLE handle) {
    for (fake_server *s = servers; s != NULL; s = s->next) {
        if ((HANDLE)s == handle) {
            return s;
        }
    }
    for (fake_server *s = closed_servers; s != NULL; s = s->next) {
        if ((HANDLE)s == handle) {
            return s;
        }
    }
    return NULL;
}

int fake_server_check(HANDLE server, const char *function) {
    DWORD error = 0;
    DWORD delay = 0;
    fake_lock();
    if (function != NULL) {
        strncpy(last_function, function, sizeof last_function - 1);
        last_function[sizeof last_function - 1] = 0;
    }
    if (server == WTS_CURRENT_SERVER_HANDLE) {
        last_server[0] = 0;
    } else {
        fake_server *s = find_handle(server);
        if (s == NULL || !s->open || s->magic != SERVER_MAGIC) {
            bad_handle_uses++;
            error = FAKE_ERROR_INVALID_HANDLE;
            copy_text(last_server, LAST_UNITS, NULL);
        } else {
            copy_text(last_server, LAST_UNITS, s->name);
            error = s->useError;
            delay = s->delayMillis;
        }
    }
    fake_unlock();
    if (delay > 0) { /* a slow server: block this call (not the world) for a while */
        struct timespec t = {(time_t)(delay / 1000u), (long)(delay % 1000u) * 1000000L};
        while (nanosleep(&t, &t) != 0) {
        }
    }
    if (error != 0) {
        fake_set_last_error(error);
        return 0;
    }
    return 1;
}

static HANDLE WINAPI fake_WTSOpenServerW(WCHAR *name) {
    if (fake_enter("WTSOpenServerW")) {
        return NULL;
    }
    if (name == NULL) {
        fake_set_last_error(WTS_ERROR_INVALID_PARAMETER);
        return NULL;
    }
    fake_server *s = calloc(1, sizeof *s);
    WCHAR *copy = fake_wcsdup(name, fake_wcslen(name));
    if (s == NULL || copy == NULL) {
        free(s);
        free(copy);
        fake_set_last_error(WTS_ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    s->magic = SERVER_MAGIC;
    s->open = 1;
    s->name = copy;
    s->useError = RPC_S_SERVER_UNAVAILABLE; /* does not resolve, unless scripted */
    fake_lock();
    for (name_entry *e = scripted; e != NULL; e = e->next) {
        if (same_text(e->name, name)) {
            s->useError = e->useError;
        }
    }
    for (name_entry *e = delayed; e != NULL; e = e->next) {
        if (same_text(e->name, name)) {
            s->delayMillis = e->useError;
        }
    }
    s->next = servers;
    servers = s;
    fake_unlock();
    fake_handle_opened();
    return (HANDLE)s;
}

static void WINAPI fake_WTSCloseServer(HANDLE server) {
    fake_enter("WTSCloseServer");
    int closed = 0;
    fake_lock();
    fake_server *s = find_handle(server);
    if (s != NULL && s->open) {
        s->open = 0; /* kept a while, so that a later use is seen as a bad handle */
        closed = 1;
        for (fake_server **at = &servers; *at != NULL; at = &(*at)->next) {
            if (*at == s) {
                *at = s->next;
                break;
            }
        }
        s->next = closed_servers;
        closed_servers = s;
        if (++closed_count > KEEP_CLOSED) {
            fake_server **oldest = &closed_servers;
            while ((*oldest)->next != NULL) {
                oldest = &(*oldest)->next;
            }
            free((*oldest)->name);
            free(*oldest);
            *oldest = NULL;
            closed_count--;
        }
    } else if (server != WTS_CURRENT_SERVER_HANDLE) {
        bad_handle_uses++; /* double close or a foreign value: the shim must never do this */
    }
    fake_unlock();
    if (closed) {
        fake_handle_closed();
    }
}

static BOOL WINAPI fake_WTSEnumerateServersW(WCHAR *domain, DWORD reserved, DWORD version,
                                             WTS_SERVER_INFOW **info, DWORD *count) {
    if (fake_enter("WTSEnumerateServersW")) {
        return 0;
    }
    if (reserved != 0 || version != 1 || info == NULL || count == NULL) {
        fake_set_last_error(WTS_ERROR_INVALID_PARAMETER);
        return 0;
    }
    fake_lock();
    if (domain == NULL) {
        static const WCHAR none[] = {'<', 'n', 'u', 'l', 'l', '>', 0};
        copy_text(last_domain, LAST_UNITS, none);
    } else {
        copy_text(last_domain, LAST_UNITS, domain);
    }
    DWORD n = 0;
    size_t units = 0;
    for (name_entry *e = listed; e != NULL; e = e->next) {
        if (same_text(e->domain, domain)) {
            n++;
            units += fake_wcslen(e->name) + 1;
        }
    }
    size_t arrayBytes = n * sizeof(WTS_SERVER_INFOW);
    WTS_SERVER_INFOW *out = fake_buffer_new(arrayBytes + units * sizeof(WCHAR),
                                            FAKE_FREE_WTSFREEMEMORY, n);
    if (out == NULL) {
        fake_unlock();
        fake_set_last_error(WTS_ERROR_NOT_ENOUGH_MEMORY);
        return 0;
    }
    WCHAR *cursor = (WCHAR *)((char *)out + arrayBytes);
    DWORD i = n;
    for (name_entry *e = listed; e != NULL; e = e->next) { /* listed is newest first */
        if (same_text(e->domain, domain)) {
            size_t len = fake_wcslen(e->name) + 1;
            out[--i].pServerName = cursor;
            memcpy(cursor, e->name, len * sizeof(WCHAR));
            cursor += len;
        }
    }
    fake_unlock();
    *info = out;
    *count = n;
    return 1;
}

static name_entry *new_entry(const WCHAR *domain, const WCHAR *name, DWORD useError) {
    name_entry *e = calloc(1, sizeof *e);
    e->domain = domain == NULL ? NULL : fake_wcsdup(domain, fake_wcslen(domain));
    e->name = fake_wcsdup(name, fake_wcslen(name));
    e->useError = useError;
    return e;
}

void fake_servers_script(const WCHAR *name, DWORD useError) {
    name_entry *e = new_entry(NULL, name, useError);
    fake_lock();
    e->next = scripted;
    scripted = e;
    fake_unlock();
}

void fake_servers_delay(const WCHAR *name, DWORD millis) {
    name_entry *e = new_entry(NULL, name, millis > FAKE_MAX_DELAY_MILLIS ? FAKE_MAX_DELAY_MILLIS : millis);
    fake_lock();
    e->next = delayed;
    delayed = e;
    fake_unlock();
}

void fake_servers_add_listed(const WCHAR *domain, const WCHAR *name) {
    name_entry *e = new_entry(domain, name, 0);
    fake_lock();
    e->next = listed;
    listed = e;
    fake_unlock();
}

void fake_servers_last(WCHAR *server, size_t serverUnits, char *function, size_t functionBytes,
                       WCHAR *domain, size_t domainUnits) {
    copy_text(server, serverUnits, last_server);
    strncpy(function, last_function, functionBytes - 1);
    function[functionBytes - 1] = 0;
    copy_text(domain, domainUnits, last_domain);
}

int64_t fake_servers_bad_handle_uses(void) {
    fake_lock();
    int64_t n = bad_handle_uses;
    fake_unlock();
    return n;
}

static void free_entries(name_entry **list) {
    while (*list != NULL) {
        name_entry *e = *list;
        *list = e->next;
        free(e->domain);
        free(e->name);
        free(e);
    }
}

static void reset(void) {
    fake_server **lists[] = {&servers, &closed_servers};
    for (int l = 0; l < 2; l++) {
        while (*lists[l] != NULL) {
            fake_server *s = *lists[l];
            *lists[l] = s->next;
            free(s->name);
            free(s);
        }
    }
    closed_count = 0;
    free_entries(&scripted);
    free_entries(&listed);
    free_entries(&delayed);
    bad_handle_uses = 0;
    last_server[0] = 0;
    last_function[0] = 0;
    last_domain[0] = 0;
}

static void fill(wts_api *api) {
    api->WTSOpenServerW = fake_WTSOpenServerW;
    api->WTSCloseServer = fake_WTSCloseServer;
    api->WTSEnumerateServersW = fake_WTSEnumerateServersW;
}

FAKE_MODULE(servers, fill, reset)
