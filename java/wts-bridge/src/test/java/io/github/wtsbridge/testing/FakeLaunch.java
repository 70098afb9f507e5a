package io.github.wtsbridge.testing;

import io.github.wtsbridge.internal.NativeLibrary;

/**
 * Scripts fake_launch.c: users logged on to sessions (with their token's elevation type and
 * environment), and what CreateProcessAsUserW was given, read back per started process.
 */
public final class FakeLaunch {
    /** TokenElevationType values. */
    public static final int DEFAULT = 1;
    public static final int FULL = 2;
    public static final int LIMITED = 3;

    static {
        NativeLibrary.ensureLoaded();
    }

    private FakeLaunch() {
    }

    /** A user on session (which must also exist: FakeWts.addSession) with this environment. */
    public static native void logOn(int session, int elevationType, String[] environment);

    public static native int startedCount();

    /** {command line, desktop, working directory, application name} of the index-th started process (null when NULL). */
    public static native String[] startedTexts(int index);

    /** The environment block the index-th process got, entry by entry (null if none). */
    public static native String[] startedEnvironment(int index);

    /**
     * {pid, creation flags, STARTUPINFO flags, wShowWindow, inherit handles, token session, token elevated,
     * standard handles (bits: 1 stdin, 2 stdout, 4 stderr), handle list entries (-1: no list), standard handles
     * all in the list (0/1), assigned to a job (0/1), ended by its job (0/1), ended (0/1)}.
     */
    public static native long[] startedNumbers(int index);

    /** The started process ends with this code; false if the fake started no such pid. */
    public static native boolean exitProcess(long pid, int exitCode);
}
