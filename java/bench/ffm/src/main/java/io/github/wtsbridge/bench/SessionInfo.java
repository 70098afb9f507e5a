package io.github.wtsbridge.bench;

import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.WtsSessionInfo;
import io.github.wtsbridge.bench.ffm.FfmWts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/** WTSQuerySessionInformationW(WTSSessionInfo) → a WtsSessionInfo record (names, counters, times). */
@State(Scope.Benchmark)
public class SessionInfo {
    private Peer peer;

    @Setup
    public void setUp(BenchmarkParams params) {
        peer = Peer.of(params);
        peer.sessions(Scenario.INFO_SESSIONS);
        WtsSessionInfo first = switch (peer) {
            case WTS_BRIDGE -> wtsBridge();
            case JNA -> jna();
            case FFM -> ffm();
        };
        if (first.sessionId() != Scenario.INFO_SESSION || first.userName().isEmpty()) {
            throw new IllegalStateException("unexpected " + first);
        }
    }

    @TearDown
    public void tearDown() {
        peer.checkReleased();
    }

    @Benchmark
    public WtsSessionInfo wtsBridge() {
        return WtsServer.local().session(Scenario.INFO_SESSION).info();
    }

    @Benchmark
    public WtsSessionInfo jna() {
        return JnaWts.sessionInfo(Scenario.INFO_SESSION);
    }

    @Benchmark
    public WtsSessionInfo ffm() {
        return FfmWts.sessionInfo(Scenario.INFO_SESSION);
    }
}
