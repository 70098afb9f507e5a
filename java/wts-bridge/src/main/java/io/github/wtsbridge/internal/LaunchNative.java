package io.github.wtsbridge.internal;

/**
 * The natives that start a program in a user's session (native/src/jni_launch.c), one per
 * Windows call. Handles are raw jlong values that stay inside this package and
 * {@link Launcher}; callers check arguments and load the library first.
 */
public final class LaunchNative {
    /** TokenElevationType: a split (UAC-filtered) token whose linked token is elevated. */
    public static final int ELEVATION_TYPE_LIMITED = 3;
    /** WaitForSingleObject: the process has ended. */
    public static final int WAIT_OBJECT_0 = 0;
    /** WaitForSingleObject: the time ran out. */
    public static final int WAIT_TIMEOUT = 258;
    /** WaitForSingleObject's INFINITE, as the int JNI passes. */
    public static final int INFINITE = 0xFFFF_FFFF;

    private LaunchNative() {
    }

    // WTSQueryUserToken itself is TokensNative.queryUserToken.

    /** GetTokenInformation(TokenElevationType): 1 default, 2 full, 3 limited. */
    public static native int tokenElevationType(long token);

    /** GetTokenInformation(TokenLinkedToken): the other half of a split token; close it. */
    public static native long linkedToken(long token);

    /** DuplicateTokenEx(MAXIMUM_ALLOWED, SecurityImpersonation, TokenPrimary); close it. */
    public static native long duplicatePrimaryToken(long token);

    /** CreateEnvironmentBlock(token, no inheritance) as "NAME=value" entries; destroyed inside. */
    public static native String[] environmentBlock(long token);

    /** CreationFlags bit: the child starts suspended (jobs are assigned before it runs). */
    public static final int CREATE_SUSPENDED = 0x4;
    /** CreationFlags bit: the child leaves the caller's job (if the job allows it). */
    public static final int CREATE_BREAKAWAY_FROM_JOB = 0x0100_0000;

    /**
     * CreateProcessAsUserW with CREATE_UNICODE_ENVIRONMENT | CREATE_NEW_CONSOLE | extraFlags,
     * lpDesktop, the working directory (null: the caller's), a complete environment block, and
     * STARTF_USESHOWWINDOW when showWindow >= 0; application is lpApplicationName (null: the
     * command line's first token). stdHandles (null: none) is {stdin, stdout, stderr}, 0 for
     * none: STARTF_USESTDHANDLES, inheriting exactly those (PROC_THREAD_ATTRIBUTE_HANDLE_LIST).
     * Returns {pid, process handle, thread handle (only with CREATE_SUSPENDED, else 0)}.
     */
    public static native long[] createProcessAsUser(long token, String application, String commandLine, String desktop,
            String workingDirectory, char[] environment, int showWindow, long[] stdHandles, int extraFlags);

    /** TerminateProcess. */
    public static native void terminateProcess(long process, int exitCode);

    /** ResumeThread. */
    public static native void resumeThread(long thread);

    /** CreateJobObjectW with JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE; close it. */
    public static native long createKillOnCloseJob();

    /** AssignProcessToJobObject. */
    public static native void assignToJob(long job, long process);

    /** WaitForSingleObject: {@link #WAIT_OBJECT_0} or {@link #WAIT_TIMEOUT}. */
    public static native int waitForProcess(long process, int milliseconds);

    /** GetExitCodeProcess (259 STILL_ACTIVE while running). */
    public static native int exitCodeProcess(long process);

    /** CloseHandle; false if Windows refused (0 is ignored). */
    public static native boolean closeHandle(long handle);
}
