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

    /** count sessions (Services, Console, RDP-Tcp#N…), each with a WTSSessionInfo reply. */
    public static native void generateSessions(int count);

    public static native void setCurrentProcess(int pid, int session);

    /** Buffers handed out and not given back to WTSFreeMemory. */
    public static native long outstandingBuffers();
}
