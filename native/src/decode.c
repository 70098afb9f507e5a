/* Pure decoders of Windows buffers (see decode.h); no JNI, no allocation. */
#include "decode.h"

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
    for (int i = 0; i < 20; i++) {
        address[i] = client->Address[i];
    }
    return 0;
}

DWORD wts_decode_session_info(const void *buffer, DWORD bytes,
                              int64_t numbers[WTS_SESSION_INFO_NUMBERS], wts_text texts[3]) {
    if (buffer == NULL || bytes < sizeof(WTSINFOW)) {
        return WTS_ERROR_INVALID_DATA;
    }
    const WTSINFOW *info = (const WTSINFOW *)buffer;
    const int64_t values[WTS_SESSION_INFO_NUMBERS] = {
        info->State, info->SessionId, info->IncomingBytes, info->OutgoingBytes,
        info->IncomingFrames, info->OutgoingFrames, info->IncomingCompressedBytes,
        info->OutgoingCompressedBytes, info->ConnectTime, info->DisconnectTime,
        info->LastInputTime, info->LogonTime, info->CurrentTime};
    for (int i = 0; i < WTS_SESSION_INFO_NUMBERS; i++) {
        numbers[i] = values[i];
    }
    texts[0] = field_text(info->WinStationName, 32);
    texts[1] = field_text(info->Domain, 17);
    texts[2] = field_text(info->UserName, 21);
    return 0;
}

void wts_decode_process_ex(const WTS_PROCESS_INFO_EXW *record,
                           int64_t numbers[WTS_PROCESS_EX_NUMBERS], const WCHAR **name,
                           const void **sid) {
    const int64_t values[WTS_PROCESS_EX_NUMBERS] = {
        record->SessionId, record->ProcessId, record->NumberOfThreads, record->HandleCount,
        record->PagefileUsage, record->PeakPagefileUsage, record->WorkingSetSize,
        record->PeakWorkingSetSize, record->UserTime, record->KernelTime};
    for (int i = 0; i < WTS_PROCESS_EX_NUMBERS; i++) {
        numbers[i] = values[i];
    }
    *name = record->pProcessName;
    *sid = record->pUserSid;
}

void wts_decode_session_1(const WTS_SESSION_INFO_1W *record,
                          int64_t numbers[WTS_SESSION_1_NUMBERS],
                          const WCHAR *texts[WTS_SESSION_1_TEXTS]) {
    numbers[0] = record->ExecEnvId;
    numbers[1] = record->State;
    numbers[2] = record->SessionId;
    texts[0] = record->pSessionName;
    texts[1] = record->pHostName;
    texts[2] = record->pUserName;
    texts[3] = record->pDomainName;
    texts[4] = record->pFarmName;
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
