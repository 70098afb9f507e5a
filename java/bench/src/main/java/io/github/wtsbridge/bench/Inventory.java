package io.github.wtsbridge.bench;

import io.github.wtsbridge.WtsInventory;
import io.github.wtsbridge.WtsServerResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * An inventory of simulated servers (issue 18): WtsInventory.scan over {@code servers} names
 * that the fake answers after 20–80 ms each (uniform, fixed seed), 5% of them failing after
 * their latency (RPC_S_SERVER_UNAVAILABLE), 1% hanging (the fake's longest delay, 10 s, cut by
 * the scan's timeout). Each server lists 5 sessions. Not JMH: one scan is one measurement; the
 * figure is the median of the rounds, compared with the ideal of servers ÷ parallelism × mean
 * latency, and with the best schedule of this very list: the servers in order on
 * {@code parallelism} slots, each taking its latency (a hang: the timeout), nothing else — the
 * least any scan can take, hangs included (a hang that starts late ends the scan late).
 *
 * <p>Output, one line per parallelism: {@code inventory <servers> <parallelism> <median ms>
 * <ideal ms> <best schedule ms> <scanned> <failed> <timed out>}.
 *
 * <p>Arguments: servers, rounds, timeout ms, parallelisms…
 */
public final class Inventory {
    static final int MIN_MS = 20;
    static final int MAX_MS = 80;
    static final int HANG_MS = 10_000;
    static final int UNAVAILABLE = 1722;

    private Inventory() {
    }

    public static void main(String[] args) {
        int servers = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        Duration timeout = Duration.ofMillis(Integer.parseInt(args[2]));
        int[] parallelisms = Arrays.stream(args, 3, args.length).mapToInt(Integer::parseInt).toArray();

        FakeData.reset();
        FakeData.generateSessions(5);
        Random random = new Random(18);
        List<String> names = new ArrayList<>(servers);
        int[] took = new int[servers]; // each server's time in its slot, in the best schedule (hangs: the timeout)
        for (int i = 0; i < servers; i++) {
            String name = "rdsh" + i + ".contoso.com";
            double kind = random.nextDouble();
            int latency = MIN_MS + random.nextInt(MAX_MS - MIN_MS + 1);
            if (kind < 0.01) {
                FakeData.scriptServer(name, 0, HANG_MS);
                took[i] = (int) timeout.toMillis();
            } else {
                FakeData.scriptServer(name, kind < 0.06 ? UNAVAILABLE : 0, latency);
                took[i] = latency;
            }
            names.add(name);
        }
        double meanLatency = (MIN_MS + MAX_MS) / 2.0;
        for (int parallelism : parallelisms) {
            WtsInventory.Options options = WtsInventory.Options.defaults().withParallelism(parallelism)
                    .withTimeout(timeout);
            WtsInventory.scan(names.subList(0, Math.min(parallelism, names.size())), options); // warm-up
            long[] millis = new long[rounds];
            List<WtsServerResult> results = List.of();
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                results = WtsInventory.scan(names, options);
                millis[r] = (System.nanoTime() - start) / 1_000_000;
            }
            Arrays.sort(millis);
            long scanned = results.stream().filter(r -> r instanceof WtsServerResult.Scanned).count();
            long failed = results.stream().filter(r -> r instanceof WtsServerResult.Failed).count();
            long timedOut = results.stream().filter(r -> r instanceof WtsServerResult.TimedOut).count();
            double ideal = (double) servers / parallelism * meanLatency;
            System.out.printf("inventory %d %d %d %.0f %d %d %d %d%n", servers, parallelism, millis[rounds / 2],
                    ideal, bestSchedule(took, parallelism), scanned, failed, timedOut);
        }
    }

    /** The makespan of the servers in order on {@code slots} slots (each starts when a slot frees). */
    static long bestSchedule(int[] took, int slots) {
        PriorityQueue<Long> free = new PriorityQueue<>();
        for (int i = 0; i < slots; i++) {
            free.add(0L);
        }
        long end = 0;
        for (int t : took) {
            long done = free.remove() + t;
            free.add(done);
            end = Math.max(end, done);
        }
        return end;
    }
}
