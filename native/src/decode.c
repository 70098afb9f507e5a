/* Pure decoders of Windows buffers (see decode.h); no JNI, no allocation. */
#include "decode.h"

_Static_assert(WTS_USER_CONFIG_NUMBERS == WTS_USER_CONFIG_DWORDS,
               "WTS_FLAT_USER_CONFIG_NUMBERS has a slot per DWORD of WTSUSERCONFIGW");

size_t wts_wcsnlen(const WCHAR *text, size_t max) {
    size_t length = 0;
    while (length < max && text[length] != 0) {
        length++;
    }
    return length;
}

/* A fixed-size WCHAR array field: its text up to the first NUL or the array's end. */
static wts_text field_text(const WCHAR *field, size_t units) {
    wts_text text = {field, wts_wcsnlen(field, units)};
    return text;
}

/* The text of record->member, a WCHAR array, bounded by the array's own size. */
#define FIELD_TEXT(member) field_text(record->member, sizeof record->member / sizeof(WCHAR))

/* Expands a table of texts: texts[prefix##NAME] = the text of record->member. */
#define TEXT_SLOT(p, name, member) texts[p##name] = FIELD_TEXT(member);

wts_text wts_decode_string(const void *buffer, DWORD bytes) {
    wts_text text = {(const WCHAR *)buffer, 0};
    if (buffer != NULL) {
        text.length = wts_wcsnlen((const WCHAR *)buffer, bytes / sizeof(WCHAR));
    }
    return text;
}

DWORD wts_decode_uint(const void *buffer, DWORD bytes, DWORD *value) {
    if (buffer == NULL || bytes == 0) {
        return WTS_ERROR_INVALID_DATA;
    }
    const BYTE *raw = (const BYTE *)buffer;
    DWORD width = bytes >= 4 ? 4 : bytes >= 2 ? 2 : 1;
    DWORD result = 0;
    for (DWORD i = 0; i < width; i++) {
        result |= (DWORD)raw[i] << (8 * i);
    }
    *value = result;
    return 0;
}

DWORD wts_decode_client_address(const void *buffer, DWORD bytes, DWORD *family, BYTE address[20]) {
    if (buffer == NULL || bytes < sizeof(WTS_CLIENT_ADDRESS)) {
        return WTS_ERROR_INVALID_DATA;
    }
    const WTS_CLIENT_ADDRESS *client = (const WTS_CLIENT_ADDRESS *)buffer;
    *family = client->AddressFamily;
    for (size_t i = 0; i < sizeof client->Address; i++) {
        address[i] = client->Address[i];
    }
    return 0;
}

DWORD wts_decode_user_config(const void *buffer, DWORD bytes,
                             DWORD numbers[WTS_USER_CONFIG_NUMBERS],
                             wts_text texts[WTS_USER_CONFIG_TEXTS]) {
    if (buffer == NULL || bytes < sizeof(WTSUSERCONFIGW)) {
        return WTS_ERROR_INVALID_DATA;
    }
    const WTSUSERCONFIGW *record = (const WTSUSERCONFIGW *)buffer;
    for (int i = 0; i < WTS_USER_CONFIG_NUMBERS; i++) {
        numbers[i] = record->Numbers[i]; /* the DWORDs in the table's order (wts_abi.h) */
    }
    WTS_FLAT_USER_CONFIG_TEXTS(TEXT_SLOT, WTS_USER_CONFIG_TEXT_)
    return 0;
}

DWORD wts_decode_session_info(const void *buffer, DWORD bytes,
                              int64_t numbers[WTS_SESSION_INFO_NUMBERS],
                              wts_text texts[WTS_SESSION_INFO_TEXTS]) {
    if (buffer == NULL || bytes < sizeof(WTSINFOW)) {
        return WTS_ERROR_INVALID_DATA;
    }
    const WTSINFOW *record = (const WTSINFOW *)buffer;
    WTS_FLAT_SESSION_INFO_NUMBERS(WTS_FLAT_COPY, WTS_SESSION_INFO_)
    WTS_FLAT_SESSION_INFO_TEXTS(TEXT_SLOT, WTS_SESSION_INFO_TEXT_)
    return 0;
}

DWORD wts_decode_uint64(const void *buffer, DWORD bytes, uint64_t *value) {
    if (buffer == NULL || bytes == 0) {
        return WTS_ERROR_INVALID_DATA;
    }
    const BYTE *raw = (const BYTE *)buffer;
    DWORD width = bytes >= 8 ? 8 : bytes >= 4 ? 4 : bytes >= 2 ? 2 : 1;
    uint64_t result = 0;
    for (DWORD i = 0; i < width; i++) {
        result |= (uint64_t)raw[i] << (8 * i);
    }
    *value = result;
    return 0;
}

DWORD wts_decode_client_display(const void *buffer, DWORD bytes,
                                DWORD numbers[WTS_CLIENT_DISPLAY_VALUES]) {
    if (buffer == NULL || bytes < sizeof(WTS_CLIENT_DISPLAY)) {
        return WTS_ERROR_INVALID_DATA;
    }
    const WTS_CLIENT_DISPLAY *record = (const WTS_CLIENT_DISPLAY *)buffer;
    WTS_FLAT_CLIENT_DISPLAY(WTS_FLAT_COPY, WTS_CLIENT_DISPLAY_)
    return 0;
}

DWORD wts_decode_client_info(const void *buffer, DWORD bytes,
                             int64_t numbers[WTS_CLIENT_INFO_NUMBERS],
                             wts_text texts[WTS_CLIENT_INFO_TEXTS],
                             BYTE address[WTS_CLIENT_INFO_ADDRESS_BYTES]) {
    if (buffer == NULL || bytes < sizeof(WTSCLIENTW)) {
        return WTS_ERROR_INVALID_DATA;
    }
    const WTSCLIENTW *record = (const WTSCLIENTW *)buffer;
    WTS_FLAT_CLIENT_INFO_NUMBERS(WTS_FLAT_COPY, WTS_CLIENT_INFO_)
    WTS_FLAT_CLIENT_INFO_TEXTS(TEXT_SLOT, WTS_CLIENT_INFO_TEXT_)
    const BYTE *raw = (const BYTE *)record->ClientAddress;
    for (size_t i = 0; i < WTS_CLIENT_INFO_ADDRESS_BYTES; i++) {
        address[i] = raw[i];
    }
    return 0;
}

DWORD wts_decode_config_info(const void *buffer, DWORD bytes,
                             int64_t numbers[WTS_CONFIG_INFO_NUMBERS],
                             wts_text texts[WTS_CONFIG_INFO_TEXTS]) {
    if (buffer == NULL || bytes < sizeof(WTSCONFIGINFOW)) {
        return WTS_ERROR_INVALID_DATA;
    }
    const WTSCONFIGINFOW *record = (const WTSCONFIGINFOW *)buffer;
    WTS_FLAT_CONFIG_INFO_NUMBERS(WTS_FLAT_COPY, WTS_CONFIG_INFO_)
    WTS_FLAT_CONFIG_INFO_TEXTS(TEXT_SLOT, WTS_CONFIG_INFO_TEXT_)
    return 0;
}

DWORD wts_decode_session_info_ex(const void *buffer, DWORD bytes,
                                 int64_t numbers[WTS_SESSION_INFO_EX_NUMBERS],
                                 wts_text texts[WTS_SESSION_INFO_EX_TEXTS]) {
    if (buffer == NULL || bytes < sizeof(WTSINFOEXW)) {
        return WTS_ERROR_INVALID_DATA;
    }
    const WTSINFOEXW *ex = (const WTSINFOEXW *)buffer;
    if (ex->Level != 1) {
        return WTS_ERROR_INVALID_DATA;
    }
    const WTSINFOEX_LEVEL1_W *record = &ex->Data.WTSInfoExLevel1;
    WTS_FLAT_SESSION_INFO_EX_NUMBERS(WTS_FLAT_COPY, WTS_SESSION_INFO_EX_)
    WTS_FLAT_SESSION_INFO_EX_TEXTS(TEXT_SLOT, WTS_SESSION_INFO_EX_TEXT_)
    return 0;
}

void wts_decode_process_ex(const WTS_PROCESS_INFO_EXW *record,
                           int64_t numbers[WTS_PROCESS_EX_VALUES], const WCHAR **name,
                           const void **sid) {
    numbers[WTS_PROCESS_EX_SESSION_ID] = record->SessionId;
    numbers[WTS_PROCESS_EX_PROCESS_ID] = record->ProcessId;
    numbers[WTS_PROCESS_EX_THREADS] = record->NumberOfThreads;
    numbers[WTS_PROCESS_EX_HANDLES] = record->HandleCount;
    numbers[WTS_PROCESS_EX_PAGEFILE_USAGE] = record->PagefileUsage;
    numbers[WTS_PROCESS_EX_PEAK_PAGEFILE_USAGE] = record->PeakPagefileUsage;
    numbers[WTS_PROCESS_EX_WORKING_SET_SIZE] = record->WorkingSetSize;
    numbers[WTS_PROCESS_EX_PEAK_WORKING_SET_SIZE] = record->PeakWorkingSetSize;
    numbers[WTS_PROCESS_EX_USER_TIME] = record->UserTime;
    numbers[WTS_PROCESS_EX_KERNEL_TIME] = record->KernelTime;
    numbers[WTS_PROCESS_EX_SID_LENGTH] = wts_sid_length(record->pUserSid);
    *name = record->pProcessName;
    *sid = record->pUserSid;
}

void wts_decode_session_1(const WTS_SESSION_INFO_1W *record,
                          int64_t numbers[WTS_SESSION_EX_VALUES],
                          const WCHAR *texts[WTS_SESSION_EX_TEXTS]) {
    WTS_FLAT_SESSION_EX_LIST(WTS_FLAT_COPY, WTS_SESSION_EX_)
#define POINTER_SLOT(p, name, member) texts[p##name] = record->member;
    WTS_FLAT_SESSION_EX_LIST_TEXTS(POINTER_SLOT, WTS_SESSION_EX_TEXT_)
#undef POINTER_SLOT
}

DWORD wts_sid_length(const void *sid) {
    if (sid == NULL) {
        return 0;
    }
    const BYTE *raw = (const BYTE *)sid;
    if (raw[0] != 1 || raw[1] > WTS_SID_MAX_SUB_AUTHORITIES) {
        return 0;
    }
    return 8u + 4u * raw[1];
}
