/*
 * libFuzzer target over the pure decoders of native/src/decode.c (built and run by
 * scripts/fuzz; never part of the shipped DLLs or the host library).
 *
 * Input: one selector byte (which decoder, modulo the table size), then the reply bytes as
 * Windows / the fake hands them over. The harness copies them into a heap block of exactly
 * that size, 16-byte aligned like HeapAlloc's, so that ASan sees a read one byte too far,
 * calls the decoder with that byte count, then checks its contract and reads every unit of
 * every text it returned (as wts_new_string would). A broken contract traps.
 *
 * To fuzz a new decoder: write one `static void fuzz_xxx(const uint8_t *buf, DWORD n)` below
 * and add a row to DECODERS (append only, so the seeds' selector bytes keep their meaning).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"

#define CHECK(condition) \
    do {                 \
        if (!(condition)) { \
            __builtin_trap(); \
        } \
    } while (0)

/* The capacity, in UTF-16 units, of a WCHAR array field. */
#define UNITS(type, field) (sizeof(((type *)0)->field) / sizeof(WCHAR))

static volatile uint32_t sink; /* keeps the reads the harness makes */

/* A decoded text must lie inside [buf, buf + n) and stop before any NUL; read all of it. */
static void consume_text(wts_text text, const uint8_t *buf, DWORD n) {
    if (text.length == 0) {
        return;
    }
    const uint8_t *start = (const uint8_t *)text.units;
    CHECK(start >= buf && start + text.length * sizeof(WCHAR) <= buf + n);
    for (size_t i = 0; i < text.length; i++) {
        CHECK(text.units[i] != 0);
        sink += text.units[i];
    }
}

static void fuzz_string(const uint8_t *buf, DWORD n) {
    wts_text text = wts_decode_string(buf, n);
    CHECK(text.length <= n / sizeof(WCHAR));
    consume_text(text, buf, n);
}

static void fuzz_uint(const uint8_t *buf, DWORD n) {
    DWORD value = 0xDEADBEEF;
    DWORD error = wts_decode_uint(buf, n, &value);
    CHECK(error == (n == 0 ? WTS_ERROR_INVALID_DATA : 0));
    if (n == 1) {
        CHECK(value <= 0xFF);
    } else if (n == 2 || n == 3) {
        CHECK(value <= 0xFFFF);
    }
    sink += value;
}

static void fuzz_client_address(const uint8_t *buf, DWORD n) {
    DWORD family = 0;
    BYTE address[20];
    DWORD error = wts_decode_client_address(buf, n, &family, address);
    CHECK(error == (n < sizeof(WTS_CLIENT_ADDRESS) ? WTS_ERROR_INVALID_DATA : 0));
    if (error == 0) {
        CHECK(memcmp(address, buf + 4, 20) == 0);
        sink += family;
    }
}

static void fuzz_session_info(const uint8_t *buf, DWORD n) {
    int64_t numbers[WTS_SESSION_INFO_NUMBERS];
    wts_text texts[3];
    DWORD error = wts_decode_session_info(buf, n, numbers, texts);
    CHECK(error == (n < sizeof(WTSINFOW) ? WTS_ERROR_INVALID_DATA : 0));
    if (error == 0) {
        static const size_t capacity[3] = {32, 17, 21};
        for (int i = 0; i < 3; i++) {
            CHECK(texts[i].length <= capacity[i]);
            consume_text(texts[i], buf, n);
        }
        for (int i = 0; i < WTS_SESSION_INFO_NUMBERS; i++) {
            sink += (uint32_t)numbers[i];
        }
    }
}

/*
 * A SID inside an enumeration buffer: Windows gives a pointer, no length. The shim copies
 * wts_sid_length() bytes, so the contract is: 0 for garbage, else exactly 8 + 4 * count with
 * count <= 15, never more than a well-formed SID of that count occupies. Inputs shorter than
 * the SID header (8 bytes) are not something Windows can hand over and are skipped.
 */
static void fuzz_sid(const uint8_t *buf, DWORD n) {
    CHECK(wts_sid_length(NULL) == 0);
    if (n < 8) {
        return;
    }
    DWORD length = wts_sid_length(buf);
    if (length == 0) {
        return;
    }
    CHECK(buf[0] == 1 && buf[1] <= WTS_SID_MAX_SUB_AUTHORITIES && length == 8u + 4u * buf[1]);
    if (length <= n) { /* a well-formed SID: the copy the shim makes stays inside it */
        for (DWORD i = 0; i < length; i++) {
            sink += buf[i];
        }
    }
}

static void fuzz_wcsnlen(const uint8_t *buf, DWORD n) {
    size_t max = n / sizeof(WCHAR);
    size_t length = wts_wcsnlen((const WCHAR *)buf, max);
    CHECK(length <= max);
    CHECK(length == max || ((const WCHAR *)buf)[length] == 0);
}

/* Texts of a fixed-size struct: each within its array's capacity and inside the buffer. */
static void consume_texts(const wts_text *texts, const size_t *capacity, int count, const uint8_t *buf, DWORD n) {
    for (int i = 0; i < count; i++) {
        CHECK(texts[i].length <= capacity[i]);
        consume_text(texts[i], buf, n);
    }
}

static void consume_numbers(const int64_t *numbers, int count) {
    for (int i = 0; i < count; i++) {
        sink += (uint32_t)numbers[i];
    }
}

static void fuzz_uint64(const uint8_t *buf, DWORD n) {
    uint64_t value = 0;
    DWORD error = wts_decode_uint64(buf, n, &value);
    CHECK(error == (n == 0 ? WTS_ERROR_INVALID_DATA : 0));
    if (n >= 1 && n < 2) {
        CHECK(value <= 0xFF);
    } else if (n >= 2 && n < 4) {
        CHECK(value <= 0xFFFF);
    } else if (n >= 4 && n < 8) {
        CHECK(value <= 0xFFFFFFFFu);
    }
    sink += (uint32_t)value;
}

static void fuzz_user_config(const uint8_t *buf, DWORD n) {
    DWORD numbers[WTS_USER_CONFIG_NUMBERS];
    wts_text texts[WTS_USER_CONFIG_TEXTS];
    DWORD error = wts_decode_user_config(buf, n, numbers, texts);
    CHECK(error == (n < sizeof(WTSUSERCONFIGW) ? WTS_ERROR_INVALID_DATA : 0));
    if (error == 0) {
        static const size_t capacity[5] = {WTS_USER_CONFIG_PATH, WTS_USER_CONFIG_PATH, WTS_USER_CONFIG_PATH,
                                           WTS_USER_CONFIG_PATH, WTS_USER_CONFIG_DRIVE};
        consume_texts(texts, capacity, 5, buf, n);
        for (int i = 0; i < WTS_USER_CONFIG_NUMBERS; i++) {
            sink += numbers[i];
        }
    }
}

static void fuzz_client_display(const uint8_t *buf, DWORD n) {
    DWORD values[3];
    DWORD error = wts_decode_client_display(buf, n, values);
    CHECK(error == (n < sizeof(WTS_CLIENT_DISPLAY) ? WTS_ERROR_INVALID_DATA : 0));
    if (error == 0) {
        sink += values[0] + values[1] + values[2];
    }
}

static void fuzz_client_info(const uint8_t *buf, DWORD n) {
    int64_t numbers[WTS_CLIENT_INFO_NUMBERS];
    wts_text texts[WTS_CLIENT_INFO_TEXTS];
    BYTE address[WTS_CLIENT_INFO_ADDRESS_BYTES];
    DWORD error = wts_decode_client_info(buf, n, numbers, texts, address);
    CHECK(error == (n < sizeof(WTSCLIENTW) ? WTS_ERROR_INVALID_DATA : 0));
    if (error == 0) {
        static const size_t capacity[WTS_CLIENT_INFO_TEXTS] = {
            CLIENTNAME_LENGTH + 1, DOMAIN_LENGTH + 1, USERNAME_LENGTH + 1, WTS_MAX_PATH + 1,
            WTS_MAX_PATH + 1, WTS_MAX_PATH + 1, WTS_MAX_PATH + 1};
        consume_texts(texts, capacity, WTS_CLIENT_INFO_TEXTS, buf, n);
        consume_numbers(numbers, WTS_CLIENT_INFO_NUMBERS);
        for (size_t i = 0; i < WTS_CLIENT_INFO_ADDRESS_BYTES; i++) {
            sink += address[i];
        }
    }
}

static void fuzz_config_info(const uint8_t *buf, DWORD n) {
    int64_t numbers[WTS_CONFIG_INFO_NUMBERS];
    wts_text texts[WTS_CONFIG_INFO_TEXTS];
    DWORD error = wts_decode_config_info(buf, n, numbers, texts);
    CHECK(error == (n < sizeof(WTSCONFIGINFOW) ? WTS_ERROR_INVALID_DATA : 0));
    if (error == 0) {
        static const size_t capacity[WTS_CONFIG_INFO_TEXTS] = {
            USERNAME_LENGTH + 1, DOMAIN_LENGTH + 1, WTS_MAX_PATH + 1, WTS_MAX_PATH + 1, WTS_MAX_PATH + 1};
        consume_texts(texts, capacity, WTS_CONFIG_INFO_TEXTS, buf, n);
        consume_numbers(numbers, WTS_CONFIG_INFO_NUMBERS);
    }
}

static void fuzz_session_info_ex(const uint8_t *buf, DWORD n) {
    int64_t numbers[WTS_SESSION_INFO_EX_NUMBERS];
    wts_text texts[3];
    DWORD error = wts_decode_session_info_ex(buf, n, numbers, texts);
    if (n < sizeof(WTSINFOEXW)) {
        CHECK(error == WTS_ERROR_INVALID_DATA);
    }
    if (error == 0) {
        CHECK(((const WTSINFOEXW *)buf)->Level == 1);
        static const size_t capacity[3] = {UNITS(WTSINFOEX_LEVEL1_W, WinStationName),
                                           UNITS(WTSINFOEX_LEVEL1_W, UserName), UNITS(WTSINFOEX_LEVEL1_W, DomainName)};
        consume_texts(texts, capacity, 3, buf, n);
        consume_numbers(numbers, WTS_SESSION_INFO_EX_NUMBERS);
    }
}

/*
 * An Ex enumeration record (WTSEnumerateProcessesExW / WTSEnumerateSessionsExW level 1): the
 * fixed part from the input, its pointers aimed into the rest of the input, copied with a
 * terminating NUL unit as Windows' strings always have one. The shim then reads each name up
 * to its NUL (bounded) and each SID by the length it claims: a SID pointer is only set where
 * the input holds a SID of the length it claims, as Windows only hands out well-formed SIDs.
 */
static uint8_t *ex_strings(const uint8_t *buf, DWORD n, size_t fixed, size_t *tailBytes) {
    size_t tail = n > fixed ? n - fixed : 0;
    tail &= ~(size_t)1; /* whole UTF-16 units */
    uint8_t *strings = malloc(tail + sizeof(WCHAR));
    CHECK(strings != NULL);
    memcpy(strings, buf + fixed, tail);
    strings[tail] = strings[tail + 1] = 0;
    *tailBytes = tail;
    return strings;
}

static void consume_name(const WCHAR *name, const uint8_t *strings, size_t tail) {
    if (name == NULL) {
        return;
    }
    size_t length = wts_wcsnlen(name, 32767);
    CHECK((const uint8_t *)(name + length) <= strings + tail);
    for (size_t i = 0; i < length; i++) {
        sink += name[i];
    }
}

static void fuzz_process_ex(const uint8_t *buf, DWORD n) {
    if (n < sizeof(WTS_PROCESS_INFO_EXW)) {
        return; /* Windows hands out whole records */
    }
    WTS_PROCESS_INFO_EXW record;
    memcpy(&record, buf, sizeof record);
    size_t tail;
    uint8_t *strings = ex_strings(buf, n, sizeof record, &tail);
    record.pProcessName = buf[0] & 1 ? NULL : (WCHAR *)strings;
    DWORD claimed = tail >= 8 ? wts_sid_length(strings) : 0;
    record.pUserSid = claimed > 0 && claimed <= tail ? strings : NULL;
    int64_t numbers[WTS_PROCESS_EX_VALUES];
    const WCHAR *name;
    const void *sid;
    wts_decode_process_ex(&record, numbers, &name, &sid);
    CHECK(numbers[WTS_PROCESS_EX_SESSION_ID] == record.SessionId &&
          numbers[WTS_PROCESS_EX_PROCESS_ID] == record.ProcessId &&
          numbers[WTS_PROCESS_EX_USER_TIME] == record.UserTime &&
          numbers[WTS_PROCESS_EX_KERNEL_TIME] == record.KernelTime &&
          numbers[WTS_PROCESS_EX_SID_LENGTH] == wts_sid_length(record.pUserSid));
    CHECK(name == record.pProcessName && sid == record.pUserSid);
    consume_name(name, strings, tail);
    DWORD sidLength = wts_sid_length(sid);
    CHECK(sidLength <= tail);
    for (DWORD i = 0; i < sidLength; i++) {
        sink += ((const uint8_t *)sid)[i];
    }
    consume_numbers(numbers, WTS_PROCESS_EX_VALUES);
    free(strings);
}

static void fuzz_session_1(const uint8_t *buf, DWORD n) {
    if (n < sizeof(WTS_SESSION_INFO_1W)) {
        return;
    }
    WTS_SESSION_INFO_1W record;
    memcpy(&record, buf, sizeof record);
    size_t tail;
    uint8_t *strings = ex_strings(buf, n, sizeof record, &tail);
    /* Each name points somewhere in the strings (or is NULL), chosen by the input. */
    WCHAR **fields[WTS_SESSION_EX_TEXTS] = {&record.pSessionName, &record.pHostName,
                                           &record.pUserName, &record.pDomainName,
                                           &record.pFarmName};
    size_t units = tail / sizeof(WCHAR) + 1;
    for (int t = 0; t < WTS_SESSION_EX_TEXTS; t++) {
        BYTE pick = buf[t % (n < 8 ? n : 8)];
        *fields[t] = pick == 0xFF ? NULL : (WCHAR *)strings + (pick % units);
    }
    int64_t numbers[WTS_SESSION_EX_VALUES];
    const WCHAR *texts[WTS_SESSION_EX_TEXTS];
    wts_decode_session_1(&record, numbers, texts);
    CHECK(numbers[WTS_SESSION_EX_EXEC_ENV_ID] == record.ExecEnvId &&
          numbers[WTS_SESSION_EX_STATE] == record.State &&
          numbers[WTS_SESSION_EX_SESSION_ID] == record.SessionId);
    for (int t = 0; t < WTS_SESSION_EX_TEXTS; t++) {
        CHECK(texts[t] == *fields[t]);
        consume_name(texts[t], strings, tail);
    }
    consume_numbers(numbers, WTS_SESSION_EX_VALUES);
    free(strings);
}

static const struct {
    const char *name;
    void (*run)(const uint8_t *buf, DWORD n);
    size_t seed_bytes; /* size of a well-formed reply, for the generated seeds */
} DECODERS[] = {
    {"string", fuzz_string, 16},                                 /* 0: WTSUserName, … */
    {"uint", fuzz_uint, 4},                                      /* 1: DWORD/USHORT/BYTE classes */
    {"client_address", fuzz_client_address, sizeof(WTS_CLIENT_ADDRESS)}, /* 2: WTSClientAddress */
    {"session_info", fuzz_session_info, sizeof(WTSINFOW)},       /* 3: WTSSessionInfo */
    {"sid", fuzz_sid, 28},                                       /* 4: pUserSid of WTS_PROCESS_INFOW */
    {"wcsnlen", fuzz_wcsnlen, 16},                               /* 5: bounded UTF-16 length */
    {"uint64", fuzz_uint64, 8},                                  /* 6: 1/2/4/8-byte classes */
    {"user_config", fuzz_user_config, sizeof(WTSUSERCONFIGW)},   /* 7: WTSQueryUserConfigW */
    {"client_display", fuzz_client_display, sizeof(WTS_CLIENT_DISPLAY)}, /* 8: WTSClientDisplay */
    {"client_info", fuzz_client_info, sizeof(WTSCLIENTW)},       /* 9: WTSClientInfo */
    {"config_info", fuzz_config_info, sizeof(WTSCONFIGINFOW)},   /* 10: WTSConfigInfo */
    {"session_info_ex", fuzz_session_info_ex, sizeof(WTSINFOEXW)}, /* 11: WTSSessionInfoEx */
    {"process_ex", fuzz_process_ex, sizeof(WTS_PROCESS_INFO_EXW) + 64}, /* 12: Ex process record */
    {"session_1", fuzz_session_1, sizeof(WTS_SESSION_INFO_1W) + 64},    /* 13: Ex session record */
};

/* A NULL buffer (what a failed call leaves) is handled by every decoder. */
static void null_buffers(void) {
    DWORD value, family;
    BYTE address[20];
    int64_t numbers[WTS_SESSION_INFO_NUMBERS];
    wts_text texts[3];
    CHECK(wts_decode_string(NULL, 8).length == 0);
    CHECK(wts_decode_uint(NULL, 4, &value) == WTS_ERROR_INVALID_DATA);
    CHECK(wts_decode_client_address(NULL, 24, &family, address) == WTS_ERROR_INVALID_DATA);
    CHECK(wts_decode_session_info(NULL, 216, numbers, texts) == WTS_ERROR_INVALID_DATA);
    CHECK(wts_sid_length(NULL) == 0);
}

/*
 * With WTS_FUZZ_SEEDS=<dir>, writes two seeds per decoder there (its selector byte, then a
 * reply of its well-formed size: all zero, and all "A" text with no NUL anywhere) and exits.
 */
static void write_seeds(const char *dir) {
    for (size_t d = 0; d < sizeof DECODERS / sizeof DECODERS[0]; d++) {
        for (int pattern = 0; pattern < 2; pattern++) {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s-%s", dir, DECODERS[d].name, pattern ? "text" : "zero");
            FILE *out = fopen(path, "wb");
            CHECK(out != NULL);
            fputc((int)d, out);
            for (size_t i = 0; i < DECODERS[d].seed_bytes; i++) {
                fputc(pattern && i % 2 == 0 ? 'A' : 0, out);
            }
            if (d == 11 && DECODERS[d].seed_bytes >= 4) { /* WTSINFOEXW.Level = 1 */
                fseek(out, 1, SEEK_SET);
                fputc(1, out);
            }
            CHECK(fclose(out) == 0);
        }
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc, (void)argv;
    null_buffers();
    const char *seeds = getenv("WTS_FUZZ_SEEDS");
    if (seeds != NULL) {
        write_seeds(seeds);
        exit(0);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0 || size - 1 > 0x100000) {
        return 0;
    }
    size_t which = data[0] % (sizeof DECODERS / sizeof DECODERS[0]);
    DWORD n = (DWORD)(size - 1);
    /* exactly n bytes (malloc(0) included: any read of it is reported), 16-byte aligned */
    uint8_t *buf = malloc(n);
    if (buf == NULL) {
        return 0;
    }
    CHECK(((uintptr_t)buf & 15) == 0);
    memcpy(buf, data + 1, n);
    DECODERS[which].run(buf, n);
    free(buf);
    return 0;
}
