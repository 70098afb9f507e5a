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
#include <stdlib.h>
#include <string.h>

#include "decode.h"

#define CHECK(condition) \
    do {                 \
        if (!(condition)) { \
            __builtin_trap(); \
        } \
    } while (0)

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

static const struct {
    const char *name;
    void (*run)(const uint8_t *buf, DWORD n);
} DECODERS[] = {
    {"string", fuzz_string},                 /* 0: WTSUserName, WTSDomainName, … */
    {"uint", fuzz_uint},                     /* 1: DWORD/USHORT/BYTE classes */
    {"client_address", fuzz_client_address}, /* 2: WTSClientAddress */
    {"session_info", fuzz_session_info},     /* 3: WTSSessionInfo (WTSINFOW) */
    {"sid", fuzz_sid},                       /* 4: pUserSid of WTS_PROCESS_INFOW */
    {"wcsnlen", fuzz_wcsnlen},               /* 5: bounded UTF-16 length */
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

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc, (void)argv;
    null_buffers();
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
