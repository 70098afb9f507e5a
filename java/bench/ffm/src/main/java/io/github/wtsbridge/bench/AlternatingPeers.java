package io.github.wtsbridge.bench;

import io.github.wtsbridge.WtsServer;
import io.github.wtsbridge.bench.ffm.FfmWts;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * wts-bridge and FFM alternating in one JVM, round by round, on the same fake data (both reach
 * the same host library): on a shared machine a burst of load then hits both peers, where
 * JMH's separate forks can each meet a different moment. Not JMH (no forks, no blackhole: the
 * results go to a static field), so read it beside the JMH table, not instead of it. Checks
 * that the two return equal records first; times nothing in any test.
 *
 * <p>Arguments: operation (info, sessions1, processes), rounds, calls per round. Prints the
 * median of the rounds' ns per call for each peer. Run on the bench classpath, e.g. after
 * {@code scripts/bench --smoke}:
 * {@code java --enable-native-access=ALL-UNNAMED -cp bench/ffm/target/classes:$(cat
 * build/bench/ffm-classpath.txt) -Dwtsbridge.library.path=$PWD/build/bench/host/libwtsbridge.so
 * -Dwtsbridge.library.verify=false io.github.wtsbridge.bench.AlternatingPeers info 31 200000} (a JDK
 * 22 or later; the library path must be absolute).
 */
public final class AlternatingPeers {
    private static volatile Object sink;

    private AlternatingPeers() {
    }

    public static void main(String[] args) {
        String operation = args[0];
        int rounds = Integer.parseInt(args[1]);
        int calls = Integer.parseInt(args[2]);
        Supplier<Object> bridge;
        Supplier<Object> ffm;
        switch (operation) {
            case "info" -> {
                Scenario.sessions(false, Scenario.INFO_SESSIONS);
                bridge = () -> WtsServer.local().session(Scenario.INFO_SESSION).info();
                ffm = () -> FfmWts.sessionInfo(Scenario.INFO_SESSION);
            }
            case "sessions1" -> {
                Scenario.sessions(false, 1);
                bridge = () -> WtsServer.local().sessions();
                ffm = FfmWts::listSessions;
            }
            case "processes" -> {
                Scenario.processes(false, 10_000);
                bridge = () -> WtsServer.local().processes();
                ffm = FfmWts::listProcesses;
            }
            default -> throw new IllegalArgumentException("operation: info, sessions1 or processes, not " + operation);
        }
        if (!bridge.get().equals(ffm.get())) {
            throw new IllegalStateException("wts-bridge and FFM return different records for " + operation);
        }
        double[] bridgeNs = new double[rounds];
        double[] ffmNs = new double[rounds];
        for (int round = -3; round < rounds; round++) { // three warm-up rounds
            double b = nsPerCall(bridge, calls);
            double f = nsPerCall(ffm, calls);
            if (round >= 0) {
                bridgeNs[round] = b;
                ffmNs[round] = f;
            }
        }
        Scenario.checkReleased(false);
        Arrays.sort(bridgeNs);
        Arrays.sort(ffmNs);
        System.out.printf("%s: wts-bridge %.1f ns, FFM %.1f ns per call (medians of %d alternating rounds of %d calls)%n",
                operation, bridgeNs[rounds / 2], ffmNs[rounds / 2], rounds, calls);
    }

    private static double nsPerCall(Supplier<Object> call, int calls) {
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            sink = call.get();
        }
        return (System.nanoTime() - start) / (double) calls;
    }
}
