package io.github.wtsbridge.bench;

import io.github.wtsbridge.WtsSession;
import io.github.wtsbridge.bench.ffm.FfmWts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/** ProcessIdToSessionId(GetCurrentProcessId()): the session this JVM runs in. */
@State(Scope.Benchmark)
public class CurrentSession {
    private Peer peer;

    @Setup
    public void setUp(BenchmarkParams params) {
        peer = Peer.of(params);
        peer.currentProcess();
        int first = switch (peer) {
            case WTS_BRIDGE -> wtsBridge();
            case JNA -> jna();
            case FFM -> ffm();
        };
        if (first != Scenario.CURRENT_SESSION) {
            throw new IllegalStateException("session " + first + ", expected " + Scenario.CURRENT_SESSION);
        }
    }

    @Benchmark
    public int wtsBridge() {
        return WtsSession.current().id();
    }

    @Benchmark
    public int jna() {
        return JnaWts.currentSessionId();
    }

    @Benchmark
    public int ffm() {
        return FfmWts.currentSessionId();
    }
}
