/* TEST-ONLY: what the events fake (fake_events.c) offers its JNI test hooks. */
#ifndef WTS_FAKE_EVENTS_H
#define WTS_FAKE_EVENTS_H

#include "fake.h"

/* classes, windows, registrations, blocked WTSWaitSystemEvent calls, threads blocked in
 * GetMessageW, registrations dropped by DestroyWindow (not unregistered first) */
#define FAKE_EVENTS_COUNTS 6

/* Posts WM_WTSSESSION_CHANGE(event, session) to every registered window whose scope covers
 * the session (callerSession: the session NOTIFY_FOR_THIS_SESSION windows live in).
 * Returns how many windows it was posted to. */
int fake_events_session_change(DWORD event, DWORD session, DWORD callerSession);

/* Ends every WTSWaitSystemEvent whose mask has one of flags; returns how many. */
int fake_events_system_event(DWORD flags);

void fake_events_counts(int64_t counts[FAKE_EVENTS_COUNTS]);

#endif /* WTS_FAKE_EVENTS_H */
