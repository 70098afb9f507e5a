/* TEST-ONLY: what fake_launch.c shares with its JUnit hooks (fake_launch_jni.c). */
#ifndef WTS_FAKE_LAUNCH_H
#define WTS_FAKE_LAUNCH_H

#include "fake.h"

#define FAKE_LAUNCH_MAX_STARTED 64

/* What CreateProcessAsUserW was given, copied (strings NUL-terminated; NULL when NULL). */
typedef struct fake_started {
    DWORD pid;
    int exited;
    DWORD exitCode;
    WCHAR *application;     /* lpApplicationName; NULL when NULL */
    WCHAR *commandLine;
    WCHAR *desktop;
    WCHAR *workingDirectory;
    WCHAR *environment;     /* the whole block, double-NUL-terminated; NULL if none */
    DWORD creationFlags;
    DWORD startupFlags;
    DWORD showWindow;
    BOOL inheritHandles;
    DWORD tokenSession;
    int tokenElevated;      /* the process got an elevated (linked/full) token */
    int stdHandles;         /* STARTF_USESTDHANDLES: bit 0 stdin, 1 stdout, 2 stderr not NULL */
    int handleListCount;    /* PROC_THREAD_ATTRIBUTE_HANDLE_LIST entries; -1 without a list */
    int stdInList;          /* every non-NULL standard handle is in that list */
    int jobAssigned;        /* AssignProcessToJobObject was called for it */
    int killedByJob;        /* a kill-on-close job ended it */
} fake_started;

/* All under the launch lock (fake_launch_lock). */
void fake_launch_lock(void);
void fake_launch_unlock(void);

/* Scripts a logged-on user's environment: a double-NUL-terminated block the fake copies
 * (NULL: an empty one). The user and the token's elevation are fake_tokens.c's. */
void fake_launch_log_on(DWORD session, const WCHAR *environment, size_t units);
/* The processes started so far, oldest first. */
int fake_launch_started_count(void);
fake_started *fake_launch_started(int index);
/* CloseHandle of fake_tokens.c, for a process or thread handle: 1 if it was one (now
 * closed), 0 if this module does not know it. */
int fake_launch_close(HANDLE handle);
/* Marks a started process as ended; waiters wake up. 0 if there is no such pid. */
int fake_launch_exit(DWORD pid, DWORD exitCode);

#endif /* WTS_FAKE_LAUNCH_H */
