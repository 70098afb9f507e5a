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

DWORD wts_decode_user_config(const void *buffer, DWORD bytes,
                             DWORD numbers[WTS_USER_CONFIG_NUMBERS], wts_text texts[5]) {
    if (buffer == NULL || bytes < sizeof(WTSUSERCONFIGW)) {
        return WTS_ERROR_INVALID_DATA;
    }
    const WTSUSERCONFIGW *config = (const WTSUSERCONFIGW *)buffer;
    for (int i = 0; i < WTS_USER_CONFIG_NUMBERS; i++) {
        numbers[i] = config->Numbers[i];
    }
    texts[0] = field_text(config->InitialProgram, WTS_USER_CONFIG_PATH);
    texts[1] = field_text(config->WorkDirectory, WTS_USER_CONFIG_PATH);
    texts[2] = field_text(config->TerminalServerProfilePath, WTS_USER_CONFIG_PATH);
    texts[3] = field_text(config->TerminalServerHomeDir, WTS_USER_CONFIG_PATH);
    texts[4] = field_text(config->TerminalServerHomeDirDrive, WTS_USER_CONFIG_DRIVE);
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
