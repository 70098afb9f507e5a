/*
 * TEST-ONLY fake of WTSQueryUserConfigW / WTSSetUserConfigW over scripted user accounts.
 * Replies as Windows lays them out: text classes as NUL-terminated UTF-16, the others as a
 * DWORD, WTSUserConfigUser as a WTSUSERCONFIGW assembled from the same values; each reply
 * is a WTSFreeMemory buffer. WTSSetUserConfigW takes text with its length in characters
 * including the NUL, DWORDs with sizeof(DWORD), WTSUserConfigUser with sizeof(WTSUSERCONFIGW);
 * anything else fails with ERROR_INVALID_PARAMETER.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "fake_userconfig.h"

#define ERROR_NO_SUCH_USER 1317u
#define RPC_S_SERVER_UNAVAILABLE 1722u

typedef struct account {
    WCHAR *name;
    DWORD numbers[FAKE_CONFIG_CLASSES];
    WCHAR *texts[FAKE_CONFIG_CLASSES];
    fake_blob raw[FAKE_CONFIG_CLASSES];
    struct account *next;
} account;

typedef struct server_name {
    WCHAR *name;
    struct server_name *next;
} server_name;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static account *accounts;
static server_name *servers;
static DWORD last_set_length;

/* Text classes; the rest are DWORDs (WTSUserConfigUser, 19, is the structure). */
static int is_text(DWORD c) { return c == 0 || c == 1 || c == 13 || c == 15 || c == 16 || c == 17; }

/* WTSUSERCONFIGW's DWORDs after Source, and its texts, as config classes. */
static const DWORD STRUCT_NUMBERS[WTS_USER_CONFIG_DWORDS - 1] = {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14, 18};
static const DWORD STRUCT_TEXTS[5] = {0, 1, 15, 16, 17};

static int fail(DWORD code) {
    fake_set_last_error(code);
    return 0;
}

static WCHAR fold(WCHAR c) { return c >= 'a' && c <= 'z' ? (WCHAR)(c - 32) : c; }

static int same_name(const WCHAR *a, const WCHAR *b) {
    size_t i = 0;
    for (; a[i] != 0 && b[i] != 0; i++) {
        if (fold(a[i]) != fold(b[i])) {
            return 0;
        }
    }
    return a[i] == b[i];
}

static account *find_account(const WCHAR *name) {
    for (account *a = accounts; a != NULL; a = a->next) {
        if (same_name(a->name, name)) {
            return a;
        }
    }
    return NULL;
}

static int server_known(const WCHAR *name) {
    if (name == NULL || name[0] == 0) {
        return 1;
    }
    for (server_name *s = servers; s != NULL; s = s->next) {
        if (same_name(s->name, name)) {
            return 1;
        }
    }
    return 0;
}

static void set_text(account *a, DWORD c, const WCHAR *text, size_t units) {
    free(a->texts[c]);
    a->texts[c] = fake_wcsdup(text, units);
}

/* Common checks; returns the account (lock held on success) or NULL with the error set. */
static account *enter(const WCHAR *server, const WCHAR *user, DWORD configClass) {
    if (user == NULL || configClass >= FAKE_CONFIG_CLASSES) {
        fail(WTS_ERROR_INVALID_PARAMETER);
        return NULL;
    }
    pthread_mutex_lock(&lock);
    if (!server_known(server)) {
        pthread_mutex_unlock(&lock);
        fail(RPC_S_SERVER_UNAVAILABLE);
        return NULL;
    }
    account *a = find_account(user);
    if (a == NULL) {
        pthread_mutex_unlock(&lock);
        fail(ERROR_NO_SUCH_USER);
    }
    return a;
}

static BOOL WINAPI fake_WTSQueryUserConfigW(WCHAR *server, WCHAR *user, DWORD configClass,
                                            WCHAR **buffer, DWORD *bytes) {
    if (fake_enter("WTSQueryUserConfigW")) {
        return 0;
    }
    if (buffer == NULL || bytes == NULL) {
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    account *a = enter(server, user, configClass);
    if (a == NULL) {
        return 0;
    }
    void *out;
    DWORD size;
    if (a->raw[configClass].data != NULL) {
        size = a->raw[configClass].size;
        out = fake_buffer_new(size, FAKE_FREE_WTSFREEMEMORY, 1);
        memcpy(out, a->raw[configClass].data, size);
    } else if (configClass == WTS_CONFIG_CLASS_USER) {
        size = sizeof(WTSUSERCONFIGW);
        WTSUSERCONFIGW *config = fake_buffer_new(size, FAKE_FREE_WTSFREEMEMORY, 1);
        config->Numbers[0] = 0; /* WTSUserConfigSourceSAM */
        for (int i = 0; i < WTS_USER_CONFIG_DWORDS - 1; i++) {
            config->Numbers[i + 1] = a->numbers[STRUCT_NUMBERS[i]];
        }
        WCHAR *fields[5] = {config->InitialProgram, config->WorkDirectory,
                            config->TerminalServerProfilePath, config->TerminalServerHomeDir,
                            config->TerminalServerHomeDirDrive};
        for (int i = 0; i < 5; i++) {
            size_t max = i == 4 ? WTS_USER_CONFIG_DRIVE - 1 : WTS_USER_CONFIG_PATH - 1;
            size_t units = fake_wcslen(a->texts[STRUCT_TEXTS[i]]);
            if (units > 0) {
                memcpy(fields[i], a->texts[STRUCT_TEXTS[i]], (units > max ? max : units) * sizeof(WCHAR));
            }
        }
        out = config;
    } else if (is_text(configClass)) {
        size_t units = fake_wcslen(a->texts[configClass]) + 1;
        size = (DWORD)(units * sizeof(WCHAR));
        out = fake_buffer_new(size, FAKE_FREE_WTSFREEMEMORY, 1);
        memcpy(out, a->texts[configClass] ? a->texts[configClass] : (const WCHAR *)u"", size);
    } else {
        size = sizeof(DWORD);
        out = fake_buffer_new(size, FAKE_FREE_WTSFREEMEMORY, 1);
        memcpy(out, &a->numbers[configClass], size);
    }
    pthread_mutex_unlock(&lock);
    *buffer = out;
    *bytes = size;
    return 1;
}

static BOOL WINAPI fake_WTSSetUserConfigW(WCHAR *server, WCHAR *user, DWORD configClass,
                                          WCHAR *buffer, DWORD length) {
    if (fake_enter("WTSSetUserConfigW")) {
        return 0;
    }
    if (buffer == NULL) {
        return fail(WTS_ERROR_INVALID_PARAMETER);
    }
    account *a = enter(server, user, configClass);
    if (a == NULL) {
        return 0;
    }
    last_set_length = length;
    int ok = 1;
    if (configClass == WTS_CONFIG_CLASS_USER) {
        const WTSUSERCONFIGW *config = (const WTSUSERCONFIGW *)buffer;
        ok = length == sizeof *config;
        for (int i = 0; ok && i < WTS_USER_CONFIG_DWORDS - 1; i++) {
            a->numbers[STRUCT_NUMBERS[i]] = config->Numbers[i + 1];
        }
        const WCHAR *fields[5] = {config->InitialProgram, config->WorkDirectory,
                                  config->TerminalServerProfilePath, config->TerminalServerHomeDir,
                                  config->TerminalServerHomeDirDrive};
        for (int i = 0; ok && i < 5; i++) {
            size_t max = i == 4 ? WTS_USER_CONFIG_DRIVE : WTS_USER_CONFIG_PATH;
            size_t units = 0;
            while (units < max && fields[i][units] != 0) {
                units++;
            }
            ok = units < max; /* each field NUL-terminated inside its array */
            if (ok) {
                set_text(a, STRUCT_TEXTS[i], fields[i], units);
            }
        }
    } else if (is_text(configClass)) {
        /* length in characters, the NUL included, and the NUL where it says */
        ok = length >= 1 && buffer[length - 1] == 0 && fake_wcslen(buffer) == length - 1;
        if (ok) {
            set_text(a, configClass, buffer, length - 1);
        }
    } else {
        ok = length == sizeof(DWORD);
        if (ok) {
            memcpy(&a->numbers[configClass], buffer, sizeof(DWORD));
        }
    }
    pthread_mutex_unlock(&lock);
    return ok ? 1 : fail(WTS_ERROR_INVALID_PARAMETER);
}

void fake_userconfig_add_user(const WCHAR *name) {
    pthread_mutex_lock(&lock);
    account *a = find_account(name);
    if (a == NULL) {
        a = calloc(1, sizeof *a);
        a->name = fake_wcsdup(name, fake_wcslen(name));
        a->next = accounts;
        accounts = a;
    }
    for (int c = 0; c < FAKE_CONFIG_CLASSES; c++) {
        free(a->texts[c]);
        a->texts[c] = NULL;
        free(a->raw[c].data);
        a->raw[c].data = NULL;
        a->numbers[c] = 0;
    }
    a->numbers[2] = 1; /* fInheritInitialProgram: the client may name one */
    a->numbers[3] = 1; /* fAllowLogonTerminalServer */
    a->numbers[7] = 1; /* fDeviceClientDrives */
    a->numbers[8] = 1; /* fDeviceClientPrinters */
    a->numbers[9] = 1; /* fDeviceClientDefaultPrinter */
    a->numbers[14] = 1; /* shadowing: full control with the user's permission */
    pthread_mutex_unlock(&lock);
}

void fake_userconfig_add_server(const WCHAR *name) {
    pthread_mutex_lock(&lock);
    server_name *s = calloc(1, sizeof *s);
    s->name = fake_wcsdup(name, fake_wcslen(name));
    s->next = servers;
    servers = s;
    pthread_mutex_unlock(&lock);
}

void fake_userconfig_set_raw(const WCHAR *user, DWORD configClass, const uint8_t *raw, DWORD size) {
    pthread_mutex_lock(&lock);
    account *a = find_account(user);
    if (a != NULL && configClass < FAKE_CONFIG_CLASSES) {
        free(a->raw[configClass].data);
        a->raw[configClass].data = malloc(size == 0 ? 1 : size);
        memcpy(a->raw[configClass].data, raw, size);
        a->raw[configClass].size = size;
    }
    pthread_mutex_unlock(&lock);
}

DWORD fake_userconfig_last_set_length(void) {
    pthread_mutex_lock(&lock);
    DWORD length = last_set_length;
    pthread_mutex_unlock(&lock);
    return length;
}

static void reset(void) {
    pthread_mutex_lock(&lock);
    while (accounts != NULL) {
        account *a = accounts;
        accounts = a->next;
        for (int c = 0; c < FAKE_CONFIG_CLASSES; c++) {
            free(a->texts[c]);
            free(a->raw[c].data);
        }
        free(a->name);
        free(a);
    }
    while (servers != NULL) {
        server_name *s = servers;
        servers = s->next;
        free(s->name);
        free(s);
    }
    last_set_length = 0;
    pthread_mutex_unlock(&lock);
}

static void fill(wts_api *api) {
    api->WTSQueryUserConfigW = fake_WTSQueryUserConfigW;
    api->WTSSetUserConfigW = fake_WTSSetUserConfigW;
}

FAKE_MODULE(userconfig, fill, reset)
