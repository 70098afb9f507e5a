package io.github.wtsbridge.bench;

import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.WtsSessionEntry;
import io.github.wtsbridge.bench.ffm.FfmWts;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/** WTSEnumerateSessionsW → a list of WtsSessionEntry records: a desktop (1), RDS hosts (50, 500). */
@State(Scope.Benchmark)
public class ListSessions {
    @Param({"1", "50", "500"})
    public int size;

    private Peer peer;

    @Setup
    public void setUp(BenchmarkParams params) {
        peer = Peer.of(params);
        peer.sessions(size);
        List<WtsSessionEntry> first = switch (peer) {
            case WTS_BRIDGE -> wtsBridge();
            case JNA -> jna();
            case FFM -> ffm();
        };
        if (first.size() != size) {
            throw new IllegalStateException("listed " + first.size() + " sessions, expected " + size);
        }
    }

    @TearDown
    public void tearDown() {
        peer.checkReleased();
    }

    @Benchmark
    public List<WtsSessionEntry> wtsBridge() {
        return WtsServer.local().sessions();
    }

    @Benchmark
    public List<WtsSessionEntry> jna() {
        return JnaWts.listSessions();
    }

    @Benchmark
    public List<WtsSessionEntry> ffm() {
        return FfmWts.listSessions();
    }
}
