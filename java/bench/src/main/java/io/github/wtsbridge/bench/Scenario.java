package io.github.wtsbridge.bench;

/**
 * The fake's data for each benchmark, identical for wts-bridge, JNA and the C floor
 * (bench/c-floor.c makes the same calls into the same C API).
 */
public final class Scenario {
    /** Processes are spread over this many sessions. */
    public static final int PROCESS_SESSIONS = 10;
    /** Sessions made for the session-info query; it asks for {@link #INFO_SESSION}. */
    public static final int INFO_SESSIONS = 10;
    public static final int INFO_SESSION = 2;
    public static final int CURRENT_PID = 4242;
    public static final int CURRENT_SESSION = 2;

    private Scenario() {
    }

    /** Sets the fake up through JNI (wts-bridge forks) or through JNA (JNA forks). */
    public static void processes(boolean viaJna, int count) {
        if (viaJna) {
            JnaWts.fake().wtsfake_reset();
            JnaWts.fake().wtsfake_generate_processes(count, PROCESS_SESSIONS);
        } else {
            FakeData.reset();
            FakeData.generateProcesses(count, PROCESS_SESSIONS);
        }
    }

    /** Realistic: a SID on every process, distinctSids of them (0: all distinct). */
    public static void processesWithSids(boolean viaJna, int count, int distinctSids) {
        if (viaJna) {
            JnaWts.fake().wtsfake_reset();
            JnaWts.fake().wtsfake_generate_processes_sids(count, PROCESS_SESSIONS, distinctSids);
        } else {
            FakeData.reset();
            FakeData.generateProcessesWithSids(count, PROCESS_SESSIONS, distinctSids);
        }
    }

    public static void sessions(boolean viaJna, int count) {
        if (viaJna) {
            JnaWts.fake().wtsfake_reset();
            JnaWts.fake().wtsfake_generate_sessions(count);
        } else {
            FakeData.reset();
            FakeData.generateSessions(count);
        }
    }

    public static void currentProcess(boolean viaJna) {
        if (viaJna) {
            JnaWts.fake().wtsfake_reset();
            JnaWts.fake().wtsfake_set_current_process(CURRENT_PID, CURRENT_SESSION);
        } else {
            FakeData.reset();
            FakeData.setCurrentProcess(CURRENT_PID, CURRENT_SESSION);
        }
    }

    /** After a trial: every buffer the benchmark got must have gone back to WTSFreeMemory. */
    public static void checkReleased(boolean viaJna) {
        long outstanding = viaJna ? JnaWts.fake().wtsfake_outstanding_buffers() : FakeData.outstandingBuffers();
        if (outstanding != 0) {
            throw new IllegalStateException(outstanding + " WTS buffers were not freed");
        }
    }
}
