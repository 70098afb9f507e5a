/*
 * Decoding of the buffers Windows hands back, kept free of JNI so that the fuzz target
 * (native/fuzz) can drive exactly this code with arbitrary bytes. Each decoder checks the
 * byte count it is given before it reads, and never reads past it.
 */
#ifndef WTS_DECODE_H
#define WTS_DECODE_H

#include "wts_abi.h"

/* A run of UTF-16 text inside a Windows buffer (not necessarily NUL-terminated). */
typedef struct wts_text {
    const WCHAR *units;
    size_t length;
} wts_text;

#define WTS_SESSION_INFO_NUMBERS 13
#define WTS_SID_MAX_SUB_AUTHORITIES 15

/* Text of a string info class: up to the first NUL within bytes/2 units. */
wts_text wts_decode_string(const void *buffer, DWORD bytes);

/* A DWORD, USHORT or BYTE class: the width is what Windows returned (little-endian).
 * Returns 0, or ERROR_INVALID_DATA for an empty reply. */
DWORD wts_decode_uint(const void *buffer, DWORD bytes, DWORD *value);

/* WTS_CLIENT_ADDRESS: the family and the 20 raw bytes. 0 or ERROR_INVALID_DATA. */
DWORD wts_decode_client_address(const void *buffer, DWORD bytes, DWORD *family, BYTE address[20]);

/* WTSUSERCONFIGW (WTSUserConfigUser): the 13 DWORDs in order; texts = initial program,
 * working directory, profile path, home directory, home drive. 0 or ERROR_INVALID_DATA. */
DWORD wts_decode_user_config(const void *buffer, DWORD bytes,
                             DWORD numbers[WTS_USER_CONFIG_NUMBERS], wts_text texts[5]);

/* WTSINFOW: state, id, six counters, connect/disconnect/last input/logon/current FILETIMEs;
 * texts = WinStation name, domain, user name. 0 or ERROR_INVALID_DATA. */
DWORD wts_decode_session_info(const void *buffer, DWORD bytes,
                              int64_t numbers[WTS_SESSION_INFO_NUMBERS], wts_text texts[3]);

/* A 1-, 2-, 4- or 8-byte class (little-endian; the width Windows returned, 8 at most).
 * Returns 0, or ERROR_INVALID_DATA for an empty reply. */
DWORD wts_decode_uint64(const void *buffer, DWORD bytes, uint64_t *value);

/* WTS_CLIENT_DISPLAY: horizontal, vertical resolution, color depth code. */
DWORD wts_decode_client_display(const void *buffer, DWORD bytes, DWORD values[3]);

/* WTSCLIENTW. numbers: encryption level, address family, HRes, VRes, color depth, build
 * number, hardware id, product id, OutBufCountHost, OutBufCountClient, OutBufLength.
 * texts: client name, domain, user name, work directory, initial program, client directory,
 * device id. address: the 62 raw bytes of ClientAddress (text for IPv4, bytes for IPv6). */
#define WTS_CLIENT_INFO_NUMBERS 11
#define WTS_CLIENT_INFO_TEXTS 7
#define WTS_CLIENT_INFO_ADDRESS_BYTES 62
DWORD wts_decode_client_info(const void *buffer, DWORD bytes,
                             int64_t numbers[WTS_CLIENT_INFO_NUMBERS],
                             wts_text texts[WTS_CLIENT_INFO_TEXTS],
                             BYTE address[WTS_CLIENT_INFO_ADDRESS_BYTES]);

/* WTSCONFIGINFOW. numbers: version, connect drives, connect printer, disable printer
 * redirection, disable default main client printer, shadow settings. texts: logon user
 * name, logon domain, work directory, initial program, application name. */
#define WTS_CONFIG_INFO_NUMBERS 6
#define WTS_CONFIG_INFO_TEXTS 5
DWORD wts_decode_config_info(const void *buffer, DWORD bytes,
                             int64_t numbers[WTS_CONFIG_INFO_NUMBERS],
                             wts_text texts[WTS_CONFIG_INFO_TEXTS]);

/* WTSINFOEXW (level 1 only; another level is ERROR_INVALID_DATA). numbers: session id,
 * state, session flags (signed LONG), logon, connect, disconnect, last input, current
 * FILETIMEs, six counters. texts: WinStation name, user name, domain name. */
#define WTS_SESSION_INFO_EX_NUMBERS 14
DWORD wts_decode_session_info_ex(const void *buffer, DWORD bytes,
                                 int64_t numbers[WTS_SESSION_INFO_EX_NUMBERS], wts_text texts[3]);

/* WTS_PROCESS_INFO_EXW (WTSEnumerateProcessesExW level 1), one record: numbers = session,
 * pid, threads, handles, pagefile usage, peak pagefile usage, working set, peak working set
 * (DWORDs, so never negative here), user time, kernel time (100 ns units); *name and *sid
 * point into the Windows buffer (either may be NULL). */
#define WTS_PROCESS_EX_NUMBERS 10
void wts_decode_process_ex(const WTS_PROCESS_INFO_EXW *record,
                           int64_t numbers[WTS_PROCESS_EX_NUMBERS], const WCHAR **name,
                           const void **sid);

/* WTS_SESSION_INFO_1W (WTSEnumerateSessionsExW level 1), one record: numbers = execution
 * environment id, state, session id (DWORDs); texts = session, host, user, domain and farm
 * name, pointing into the Windows buffer (each may be NULL). */
#define WTS_SESSION_1_NUMBERS 3
#define WTS_SESSION_1_TEXTS 5
void wts_decode_session_1(const WTS_SESSION_INFO_1W *record,
                          int64_t numbers[WTS_SESSION_1_NUMBERS],
                          const WCHAR *texts[WTS_SESSION_1_TEXTS]);

/* Bytes of a binary SID (revision 1, at most 15 sub-authorities); 0 for NULL or garbage. */
DWORD wts_sid_length(const void *sid);

/* Length of a NUL-terminated UTF-16 string, looking at no more than max units. */
size_t wts_wcsnlen(const WCHAR *text, size_t max);

#endif /* WTS_DECODE_H */
