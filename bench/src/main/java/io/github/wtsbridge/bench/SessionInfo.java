package io.github.wtsbridge.bench;

import io.github.wtsbridge.WtsInfo;
import io.github.wtsbridge.WtsSessions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/** WTSQuerySessionInformationW(WTSSessionInfo) → a WtsInfo record (names, counters, times). */
@State(Scope.Benchmark)
public class SessionInfo {
    private boolean jna;

    @Setup
    public void setUp(BenchmarkParams params) {
        jna = params.getBenchmark().endsWith(".jna");
        Scenario.sessions(jna, Scenario.INFO_SESSIONS);
        WtsInfo first = jna ? jna() : wtsBridge();
        if (first.sessionId() != Scenario.INFO_SESSION || first.userName().isEmpty()) {
            throw new IllegalStateException("unexpected " + first);
        }
    }

    @TearDown
    public void tearDown() {
        Scenario.checkReleased(jna);
    }

    @Benchmark
    public WtsInfo wtsBridge() {
        // the one line to change when the full WtsSessionInfo snapshot lands
        return WtsSessions.info(Scenario.INFO_SESSION);
    }

    @Benchmark
    public WtsInfo jna() {
        return JnaWts.sessionInfo(Scenario.INFO_SESSION);
    }
}
