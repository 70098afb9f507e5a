package io.github.wtsbridge.bench;

import io.github.wtsbridge.WtsSessionSnapshot;
import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.WtsSessionInfo;
import io.github.wtsbridge.WtsSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/** WTSQuerySessionInformationW(WTSSessionInfo) → a WtsSessionInfo record (names, counters, times). */
@State(Scope.Benchmark)
public class SessionInfo {
    private boolean jna;

    @Setup
    public void setUp(BenchmarkParams params) {
        jna = params.getBenchmark().endsWith(".jna");
        Scenario.sessions(jna, Scenario.INFO_SESSIONS);
        WtsSessionInfo first = jna ? jna() : wtsBridge();
        if (first.sessionId() != Scenario.INFO_SESSION || first.userName().isEmpty()) {
            throw new IllegalStateException("unexpected " + first);
        }
    }

    @TearDown
    public void tearDown() {
        Scenario.checkReleased(jna);
    }

    @Benchmark
    public WtsSessionInfo wtsBridge() {
        // the one line to change when the full WtsSessionSnapshot snapshot lands
        return WtsServer.local().session(Scenario.INFO_SESSION).info();
    }

    @Benchmark
    public WtsSessionInfo jna() {
        return JnaWts.sessionInfo(Scenario.INFO_SESSION);
    }
}
