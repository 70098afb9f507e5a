/* Pure decoders of Windows buffers (see decode.h); no JNI, no allocation. */
#include "decode.h"

#define WTS_WINSTATIONNAME_UNITS 33

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

DWORD wts_decode_client_display(const void *buffer, DWORD bytes, DWORD values[3]) {
    if (buffer == NULL || bytes < sizeof(WTS_CLIENT_DISPLAY)) {
        return WTS_ERROR_INVALID_DATA;
    }
    const WTS_CLIENT_DISPLAY *display = (const WTS_CLIENT_DISPLAY *)buffer;
    values[0] = display->HorizontalResolution;
    values[1] = display->VerticalResolution;
    values[2] = display->ColorDepth;
    return 0;
}

DWORD wts_decode_client_info(const void *buffer, DWORD bytes,
                             int64_t numbers[WTS_CLIENT_INFO_NUMBERS],
                             wts_text texts[WTS_CLIENT_INFO_TEXTS],
                             BYTE address[WTS_CLIENT_INFO_ADDRESS_BYTES]) {
    if (buffer == NULL || bytes < sizeof(WTSCLIENTW)) {
        return WTS_ERROR_INVALID_DATA;
    }
    const WTSCLIENTW *client = (const WTSCLIENTW *)buffer;
    const int64_t values[WTS_CLIENT_INFO_NUMBERS] = {
        client->EncryptionLevel, client->ClientAddressFamily, client->HRes, client->VRes,
        client->ColorDepth, client->ClientBuildNumber, client->ClientHardwareId,
        client->ClientProductId, client->OutBufCountHost, client->OutBufCountClient,
        client->OutBufLength};
    for (int i = 0; i < WTS_CLIENT_INFO_NUMBERS; i++) {
        numbers[i] = values[i];
    }
    texts[0] = field_text(client->ClientName, WTS_CLIENTNAME_LENGTH + 1);
    texts[1] = field_text(client->Domain, WTS_DOMAIN_LENGTH + 1);
    texts[2] = field_text(client->UserName, WTS_USERNAME_LENGTH + 1);
    texts[3] = field_text(client->WorkDirectory, WTS_MAX_PATH + 1);
    texts[4] = field_text(client->InitialProgram, WTS_MAX_PATH + 1);
    texts[5] = field_text(client->ClientDirectory, WTS_MAX_PATH + 1);
    texts[6] = field_text(client->DeviceId, WTS_MAX_PATH + 1);
    const BYTE *raw = (const BYTE *)client->ClientAddress;
    for (int i = 0; i < WTS_CLIENT_INFO_ADDRESS_BYTES; i++) {
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
    const WTSCONFIGINFOW *config = (const WTSCONFIGINFOW *)buffer;
    numbers[0] = config->version;
    numbers[1] = config->fConnectClientDrivesAtLogon;
    numbers[2] = config->fConnectPrinterAtLogon;
    numbers[3] = config->fDisablePrinterRedirection;
    numbers[4] = config->fDisableDefaultMainClientPrinter;
    numbers[5] = config->ShadowSettings;
    texts[0] = field_text(config->LogonUserName, WTS_USERNAME_LENGTH + 1);
    texts[1] = field_text(config->LogonDomain, WTS_DOMAIN_LENGTH + 1);
    texts[2] = field_text(config->WorkDirectory, WTS_MAX_PATH + 1);
    texts[3] = field_text(config->InitialProgram, WTS_MAX_PATH + 1);
    texts[4] = field_text(config->ApplicationName, WTS_MAX_PATH + 1);
    return 0;
}

DWORD wts_decode_session_info_ex(const void *buffer, DWORD bytes,
                                 int64_t numbers[WTS_SESSION_INFO_EX_NUMBERS], wts_text texts[3]) {
    if (buffer == NULL || bytes < sizeof(WTSINFOEXW)) {
        return WTS_ERROR_INVALID_DATA;
    }
    const WTSINFOEXW *ex = (const WTSINFOEXW *)buffer;
    if (ex->Level != 1) {
        return WTS_ERROR_INVALID_DATA;
    }
    const WTSINFOEX_LEVEL1_W *info = &ex->Data.WTSInfoExLevel1;
    const int64_t values[WTS_SESSION_INFO_EX_NUMBERS] = {
        info->SessionId, info->SessionState, info->SessionFlags, info->LogonTime,
        info->ConnectTime, info->DisconnectTime, info->LastInputTime, info->CurrentTime,
        info->IncomingBytes, info->OutgoingBytes, info->IncomingFrames, info->OutgoingFrames,
        info->IncomingCompressedBytes, info->OutgoingCompressedBytes};
    for (int i = 0; i < WTS_SESSION_INFO_EX_NUMBERS; i++) {
        numbers[i] = values[i];
    }
    texts[0] = field_text(info->WinStationName, WTS_WINSTATIONNAME_UNITS);
    texts[1] = field_text(info->UserName, WTS_USERNAME_LENGTH + 1);
    texts[2] = field_text(info->DomainName, WTS_DOMAIN_LENGTH + 1);
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
