/* TEST-ONLY: what the fake servers and session-control modules expose to their test hooks. */
#ifndef WTS_FAKE_SERVERS_H
#define WTS_FAKE_SERVERS_H

#include "fake.h"

/* Scripts a server name: useError 0 = reachable, else the code every call with its handle
 * fails with (5 = denies, 1722 = unreachable). Unscripted names behave as 1722. */
void fake_servers_script(const WCHAR *name, DWORD useError);
/* Makes every call with a handle to `name` (opened after this) sleep `millis` first, outside
 * the world lock: a slow or hanging server. Capped at FAKE_MAX_DELAY_MILLIS. */
#define FAKE_MAX_DELAY_MILLIS 10000u
void fake_servers_delay(const WCHAR *name, DWORD millis);
/* A server WTSEnumerateServersW lists for domain (NULL = the caller's own domain). */
void fake_servers_add_listed(const WCHAR *domain, const WCHAR *name);
/* Copies (lock held by the caller) the server name of the last checked call ("" = local),
 * that call's function, and the domain of the last WTSEnumerateServersW ("<null>" if NULL). */
void fake_servers_last(WCHAR *server, size_t serverUnits, char *function, size_t functionBytes,
                       WCHAR *domain, size_t domainUnits);
/* Handles opened and not closed; uses of closed or foreign handles (both 0 in a good test). */
int64_t fake_servers_bad_handle_uses(void);

/* Session control: the response WTSSendMessageW gives when waiting (IDOK by default). */
void fake_control_set_response(DWORD response);
/* The last control call: numbers = session, wait, style, timeout, titleBytes, messageBytes,
 * pid, exitCode, shutdown flags; texts: function, title, message (lock held by the caller). */
#define FAKE_CONTROL_NUMBERS 9
void fake_control_last(int64_t numbers[FAKE_CONTROL_NUMBERS], char *function, size_t functionBytes,
                       const WCHAR **title, size_t *titleUnits, const WCHAR **message,
                       size_t *messageUnits);

#endif /* WTS_FAKE_SERVERS_H */
