/* TEST-ONLY: the fake's virtual channels (fake_channels.c) and their JUnit hooks. */
#ifndef WTS_FAKE_CHANNELS_H
#define WTS_FAKE_CHANNELS_H

#include "fake.h"

#define FAKE_CHANNEL_NAME_CAPACITY 261
#define FAKE_CHANNEL_CHUNK 1600 /* CHANNEL_CHUNK_LENGTH */

/* The client end of a channel: offered (re-opened after a close), driven by the test. */
int fake_channels_offer(DWORD session, const char *name, int dynamic);
/* A message from the client, split into chunks (headers on a dynamic channel); raw: one
 * chunk exactly as given. 0 if no such channel was offered. */
int fake_channels_client_write(DWORD session, const char *name, int dynamic, const uint8_t *data,
                               DWORD size, int raw);
int64_t fake_channels_client_read(DWORD session, const char *name, int dynamic, uint8_t *out,
                                  DWORD capacity);
void fake_channels_client_close(DWORD session, const char *name, int dynamic);
void fake_channels_client_data(DWORD session, const char *name, const uint8_t *data, DWORD size);
void fake_channels_write_limit(DWORD session, const char *name, DWORD limit);
void fake_channels_timeout_returns_true(int enabled);
void fake_channels_state(DWORD session, const char *name, int dynamic, int64_t out[4]);
int64_t fake_channels_misuse(void);

/* CloseHandle of this module's objects: 1 closed, 0 not ours, -1 a handle CloseHandle must not
 * close (a channel, or the file handle its channel owns; counted as misuse). */
int fake_channels_close(HANDLE handle);
/* WaitForSingleObject on this module's events: 1 with *outcome set, 0 not ours. */
int fake_channels_wait(HANDLE handle, DWORD milliseconds, DWORD *outcome);

#endif /* WTS_FAKE_CHANNELS_H */
