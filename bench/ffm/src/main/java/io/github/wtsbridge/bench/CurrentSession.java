package io.github.wtsbridge.bench;

import io.github.wtsbridge.WtsSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/** ProcessIdToSessionId(GetCurrentProcessId()): the session this JVM runs in. */
@State(Scope.Benchmark)
public class CurrentSession {
    private boolean jna;

    @Setup
    public void setUp(BenchmarkParams params) {
        jna = params.getBenchmark().endsWith(".jna");
        Scenario.currentProcess(jna);
        int first = jna ? jna() : wtsBridge();
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
}
