package io.github.wtsbridge.bench;

import io.github.wtsbridge.WtsProcess;
import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.bench.ffm.FfmWts;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * 10,000 processes as an administrator lists them on a busy RDS host: a Windows host's image
 * names and a SID on every process, either 20 distinct SIDs (SYSTEM, LOCAL SERVICE, NETWORK
 * SERVICE and 17 users) or all distinct (native/fake/fake_bench_data.c).
 */
@State(Scope.Benchmark)
public class ListProcessesRealistic {
    @Param({"10000"})
    public int size;

    /** Distinct SIDs among the processes; 0 = every process its own. */
    @Param({"20", "0"})
    public int sids;

    private Peer peer;

    @Setup
    public void setUp(BenchmarkParams params) {
        peer = Peer.of(params);
        peer.processesWithSids(size, sids);
        List<WtsProcess> first = switch (peer) {
            case WTS_BRIDGE -> wtsBridge();
            case JNA -> jna();
            case FFM -> ffm();
        };
        if (first.size() != size) {
            throw new IllegalStateException("listed " + first.size() + " processes, expected " + size);
        }
    }

    @TearDown
    public void tearDown() {
        peer.checkReleased();
    }

    @Benchmark
    public List<WtsProcess> wtsBridge() {
        return WtsServer.local().processes();
    }

    @Benchmark
    public List<WtsProcess> jna() {
        return JnaWts.listProcesses();
    }

    @Benchmark
    public List<WtsProcess> ffm() {
        return FfmWts.listProcesses();
    }
}
