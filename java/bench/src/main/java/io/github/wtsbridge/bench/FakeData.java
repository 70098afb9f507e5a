package io.github.wtsbridge.bench;

import io.github.wtsbridge.internal.NativeLibrary;

/**
 * Scripts the host library's test-only fake from the wts-bridge benchmarks, through JNI
 * (native/fake/fake_bench_jni.c → the C API in native/fake/fake_exports.c), so that a
 * wts-bridge fork never loads JNA. The JNA forks use the same C API through {@link JnaWts}.
 */
public final class FakeData {
    static {
        NativeLibrary.ensureLoaded();
    }

    private FakeData() {
    }

    public static native void reset();

    /** count processes proc-N.exe, pid 1000+4N, session N % sessions, a SID on even N. */
    public static native void generateProcesses(int count, int sessions);

    /**
     * count processes with a Windows host's image names and a SID on every one: distinctSids
     * of them (S-1-5-18/19/20, then domain users), or all distinct for 0
     * (native/fake/fake_bench_data.c).
     */
    public static native void generateProcessesWithSids(int count, int sessions, int distinctSids);

    /** A simulated remote server: useError 0 = answers, else fails with it; after delayMillis. */
    public static native void scriptServer(String name, int useError, int delayMillis);

    /** count sessions (Services, Console, RDP-Tcp#N…), each with a WTSSessionInfo reply. */
    public static native void generateSessions(int count);

    public static native void setCurrentProcess(int pid, int session);

    /** Buffers handed out and not given back to WTSFreeMemory. */
    public static native long outstandingBuffers();
}
