/* TEST-ONLY: the fake's anonymous pipes, files, standard handles, attribute lists and the
 * emulated children that use them (fake_pipes.c), as fake_launch.c and the owners of
 * ReadFile/WriteFile/DuplicateHandle/CloseHandle ask for them. */
#ifndef WTS_FAKE_PIPES_H
#define WTS_FAKE_PIPES_H

#include "fake.h"

/* ReadFile/WriteFile on a handle of this module (synchronous only); 0 if not one of ours. */
int fake_pipes_io(HANDLE handle, void *buffer, DWORD length, DWORD *moved, void *overlapped,
                  int write, BOOL *result);
/* DuplicateHandle of a standard handle or one of ours; 0 if not ours. */
int fake_pipes_duplicate(HANDLE source, HANDLE *target, BOOL inherit, BOOL *result);
/* CloseHandle: 1 if it was ours (now closed). */
int fake_pipes_close(HANDLE handle);
/* 1 if the handle is ours and inheritable. */
int fake_pipes_inheritable(HANDLE handle);
/* An attribute list of InitializeProcThreadAttributeList: its HANDLE_LIST (count; 0 if none,
 * -1 if `list` is no live attribute list). */
int fake_pipes_handle_list(void *list, HANDLE **handles);
/* Starts the emulated child of pid (by the command line's program: spew.exe, cat.exe,
 * early.exe; any other only holds its handles until it is ended) with its own copies of the
 * standard handles. 1 if it runs a thread now. `suspended`: it waits for fake_pipes_resume. */
int fake_pipes_spawn(DWORD pid, const WCHAR *commandLine, HANDLE in, HANDLE out, HANDLE err,
                     int suspended);
void fake_pipes_resume(DWORD pid);
/* Ends the emulated child of pid with exitCode and waits until it has ended (its handles
 * closed, the process marked ended); 0 if pid has no emulated child. Call with no lock held. */
int fake_pipes_kill(DWORD pid, DWORD exitCode);

#endif /* WTS_FAKE_PIPES_H */
