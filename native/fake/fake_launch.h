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
} fake_started;

/* All under the launch lock (fake_launch_lock). */
void fake_launch_lock(void);
void fake_launch_unlock(void);

/* Scripts a logged-on user: elevationType 1 default, 2 full, 3 limited (a split token);
 * environment is a double-NUL-terminated block the fake copies (NULL: an empty one). */
void fake_launch_log_on(DWORD session, DWORD elevationType, const WCHAR *environment,
                        size_t units);
/* The processes started so far, oldest first. */
int fake_launch_started_count(void);
fake_started *fake_launch_started(int index);
/* Marks a started process as ended; waiters wake up. 0 if there is no such pid. */
int fake_launch_exit(DWORD pid, DWORD exitCode);

#endif /* WTS_FAKE_LAUNCH_H */
