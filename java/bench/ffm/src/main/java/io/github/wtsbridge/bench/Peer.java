package io.github.wtsbridge.bench;

import io.github.wtsbridge.bench.ffm.FfmWts;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The three Java peers of a JMH benchmark, told apart by the benchmark method's name. Each
 * fork scripts the fake through its own peer's binding (JNI, JNA or FFM), so a wts-bridge fork
 * never loads JNA and a JNA or FFM fork sets its data up without wts-bridge's natives.
 */
public enum Peer {
    WTS_BRIDGE, JNA, FFM;

    public static Peer of(BenchmarkParams params) {
        String benchmark = params.getBenchmark();
        return benchmark.endsWith(".jna") ? JNA : benchmark.endsWith(".ffm") ? FFM : WTS_BRIDGE;
    }

    public void processes(int count) {
        if (this == FFM) {
            FfmWts.Fake.processes(count, Scenario.PROCESS_SESSIONS);
        } else {
            Scenario.processes(this == JNA, count);
        }
    }

    public void processesWithSids(int count, int distinctSids) {
        if (this == FFM) {
            FfmWts.Fake.processesWithSids(count, Scenario.PROCESS_SESSIONS, distinctSids);
        } else {
            Scenario.processesWithSids(this == JNA, count, distinctSids);
        }
    }

    public void sessions(int count) {
        if (this == FFM) {
            FfmWts.Fake.sessions(count);
        } else {
            Scenario.sessions(this == JNA, count);
        }
    }

    public void currentProcess() {
        if (this == FFM) {
            FfmWts.Fake.currentProcess(Scenario.CURRENT_PID, Scenario.CURRENT_SESSION);
        } else {
            Scenario.currentProcess(this == JNA);
        }
    }

    /** After a trial: every buffer the benchmark got must have gone back to WTSFreeMemory. */
    public void checkReleased() {
        if (this == FFM) {
            long outstanding = FfmWts.Fake.outstandingBuffers();
            if (outstanding != 0) {
                throw new IllegalStateException(outstanding + " WTS buffers were not freed");
            }
        } else {
            Scenario.checkReleased(this == JNA);
        }
    }
}
