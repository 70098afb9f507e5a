package io.github.wtsbridge.bench;

import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.WtsSessionEntry;
import io.github.wtsbridge.WtsSession;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/** WTSEnumerateSessionsW → a list of WtsSessionEntry records. */
@State(Scope.Benchmark)
public class ListSessions {
    @Param({"10", "1000"})
    public int size;

    private boolean jna;

    @Setup
    public void setUp(BenchmarkParams params) {
        jna = params.getBenchmark().endsWith(".jna");
        Scenario.sessions(jna, size);
        List<WtsSessionEntry> first = jna ? jna() : wtsBridge();
        if (first.size() != size) {
            throw new IllegalStateException("listed " + first.size() + " sessions, expected " + size);
        }
    }

    @TearDown
    public void tearDown() {
        Scenario.checkReleased(jna);
    }

    @Benchmark
    public List<WtsSessionEntry> wtsBridge() {
        return WtsServer.local().sessions();
    }

    @Benchmark
    public List<WtsSessionEntry> jna() {
        return JnaWts.listSessions();
    }
}
