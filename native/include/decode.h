/*
 * Decoding of the buffers Windows hands back, kept free of JNI so that the fuzz target
 * (native/fuzz) can drive exactly this code with arbitrary bytes. Each decoder checks the
 * byte count it is given before it reads, and never reads past it.
 */
#ifndef WTS_DECODE_H
#define WTS_DECODE_H

#include "flat_layouts.h"
#include "wts_abi.h"

/* A run of UTF-16 text inside a Windows buffer (not necessarily NUL-terminated). */
typedef struct wts_text {
    const WCHAR *units;
    size_t length;
} wts_text;

#define WTS_SID_MAX_SUB_AUTHORITIES 15

/* Text of a string info class: up to the first NUL within bytes/2 units. */
wts_text wts_decode_string(const void *buffer, DWORD bytes);

/* A DWORD, USHORT or BYTE class: the width is what Windows returned (little-endian).
 * Returns 0, or ERROR_INVALID_DATA for an empty reply. */
DWORD wts_decode_uint(const void *buffer, DWORD bytes, DWORD *value);

/* WTS_CLIENT_ADDRESS: the family and the 20 raw bytes. 0 or ERROR_INVALID_DATA. */
DWORD wts_decode_client_address(const void *buffer, DWORD bytes, DWORD *family, BYTE address[20]);

/*
 * The record decoders fill the slots of a table of flat_layouts.h (numbers[WTS_..._NAME],
 * texts[WTS_..._TEXT_NAME]) and return 0, or ERROR_INVALID_DATA for a reply too short.
 */

/* WTSUSERCONFIGW (WTSUserConfigUser): WTS_FLAT_USER_CONFIG_NUMBERS / _TEXTS. */
DWORD wts_decode_user_config(const void *buffer, DWORD bytes,
                             DWORD numbers[WTS_USER_CONFIG_NUMBERS],
                             wts_text texts[WTS_USER_CONFIG_TEXTS]);

/* WTSINFOW: WTS_FLAT_SESSION_INFO_NUMBERS / _TEXTS. */
DWORD wts_decode_session_info(const void *buffer, DWORD bytes,
                              int64_t numbers[WTS_SESSION_INFO_NUMBERS],
                              wts_text texts[WTS_SESSION_INFO_TEXTS]);

/* A 1-, 2-, 4- or 8-byte class (little-endian; the width Windows returned, 8 at most).
 * Returns 0, or ERROR_INVALID_DATA for an empty reply. */
DWORD wts_decode_uint64(const void *buffer, DWORD bytes, uint64_t *value);

/* WTS_CLIENT_DISPLAY: WTS_FLAT_CLIENT_DISPLAY. */
DWORD wts_decode_client_display(const void *buffer, DWORD bytes,
                                DWORD values[WTS_CLIENT_DISPLAY_VALUES]);

/* WTSCLIENTW: WTS_FLAT_CLIENT_INFO_NUMBERS / _TEXTS; address: the raw bytes of ClientAddress
 * (text for IPv4, bytes for IPv6). */
#define WTS_CLIENT_INFO_ADDRESS_BYTES sizeof(((const WTSCLIENTW *)0)->ClientAddress)
DWORD wts_decode_client_info(const void *buffer, DWORD bytes,
                             int64_t numbers[WTS_CLIENT_INFO_NUMBERS],
                             wts_text texts[WTS_CLIENT_INFO_TEXTS],
                             BYTE address[WTS_CLIENT_INFO_ADDRESS_BYTES]);

/* WTSCONFIGINFOW: WTS_FLAT_CONFIG_INFO_NUMBERS / _TEXTS. */
DWORD wts_decode_config_info(const void *buffer, DWORD bytes,
                             int64_t numbers[WTS_CONFIG_INFO_NUMBERS],
                             wts_text texts[WTS_CONFIG_INFO_TEXTS]);

/* WTSINFOEXW (level 1 only; another level is ERROR_INVALID_DATA):
 * WTS_FLAT_SESSION_INFO_EX_NUMBERS (the session flags are a signed LONG) / _TEXTS. */
DWORD wts_decode_session_info_ex(const void *buffer, DWORD bytes,
                                 int64_t numbers[WTS_SESSION_INFO_EX_NUMBERS],
                                 wts_text texts[WTS_SESSION_INFO_EX_TEXTS]);

/* WTS_PROCESS_INFO_EXW (WTSEnumerateProcessesExW level 1), one record: WTS_FLAT_PROCESS_EX_LIST
 * (the DWORDs never negative here; times in 100 ns units; SID_LENGTH as wts_sid_length);
 * *name and *sid point into the Windows buffer (either may be NULL). */
void wts_decode_process_ex(const WTS_PROCESS_INFO_EXW *record,
                           int64_t numbers[WTS_PROCESS_EX_VALUES], const WCHAR **name,
                           const void **sid);

/* WTS_SESSION_INFO_1W (WTSEnumerateSessionsExW level 1), one record: WTS_FLAT_SESSION_EX_LIST
 * and _TEXTS, the texts pointing into the Windows buffer (each may be NULL). */
void wts_decode_session_1(const WTS_SESSION_INFO_1W *record,
                          int64_t numbers[WTS_SESSION_EX_VALUES],
                          const WCHAR *texts[WTS_SESSION_EX_TEXTS]);

/* Bytes of a binary SID (revision 1, at most 15 sub-authorities); 0 for NULL or garbage. */
DWORD wts_sid_length(const void *sid);

/* Length of a NUL-terminated UTF-16 string, looking at no more than max units. */
size_t wts_wcsnlen(const WCHAR *text, size_t max);

#endif /* WTS_DECODE_H */
