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
 * WTSEnumerateProcessesW → a list of WtsProcess records (name, pid, session, SID text).
 * scripts/bench runs it twice: the scaling rows, 100 to 100,000 processes of the synthetic data
 * of issue 7 (proc-N.exe, a distinct SID on every other process: {@code sids = -1}); and the
 * realistic rows, 10,000 processes as an administrator lists them on a busy RDS host (a Windows
 * host's image names, a SID on every process: 20 distinct ones, SYSTEM, LOCAL SERVICE, NETWORK
 * SERVICE and 17 users, or all distinct: {@code sids = 20, 0}; native/fake/fake_bench_data.c).
 */
@State(Scope.Benchmark)
public class ListProcesses {
    @Param({"100", "1000", "10000", "100000"})
    public int size;

    /** Distinct SIDs among the processes: -1 the synthetic data, 0 every process its own. */
    @Param({"-1"})
    public int sids;

    private Peer peer;

    @Setup
    public void setUp(BenchmarkParams params) {
        peer = Peer.of(params);
        if (sids < 0) {
            peer.processes(size);
        } else {
            peer.processesWithSids(size, sids);
        }
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
