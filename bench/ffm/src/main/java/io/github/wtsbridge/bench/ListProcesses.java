package io.github.wtsbridge.bench;

import io.github.wtsbridge.WtsProcess;
import io.github.wtsbridge.WtsServer;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/** WTSEnumerateProcessesW → a list of WtsProcess records (name, pid, session, SID text). */
@State(Scope.Benchmark)
public class ListProcesses {
    @Param({"10", "1000", "10000"})
    public int size;

    private boolean jna;

    @Setup
    public void setUp(BenchmarkParams params) {
        jna = params.getBenchmark().endsWith(".jna");
        Scenario.processes(jna, size);
        List<WtsProcess> first = jna ? jna() : wtsBridge();
        if (first.size() != size) {
            throw new IllegalStateException("listed " + first.size() + " processes, expected " + size);
        }
    }

    @TearDown
    public void tearDown() {
        Scenario.checkReleased(jna);
    }

    @Benchmark
    public List<WtsProcess> wtsBridge() {
        return WtsServer.local().processes();
    }

    @Benchmark
    public List<WtsProcess> jna() {
        return JnaWts.listProcesses();
    }
}
