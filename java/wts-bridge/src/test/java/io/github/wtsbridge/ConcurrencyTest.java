package io.github.wtsbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wtsbridge.internal.InfoClass;
import io.github.wtsbridge.testing.FakeTestBase;
import io.github.wtsbridge.testing.FakeWts;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Eight threads calling at once: right answers, per-thread errors, nothing leaked. */
class ConcurrencyTest extends FakeTestBase {
    private static final int THREADS = 8;
    private static final int ROUNDS = 300;

    @Test
    void eightThreadsCallingAtOnce() throws Exception {
        FakeWts.generateProcesses(500, 4);
        FakeWts.addSession(1, 0, "Console");
        FakeWts.addSession(2, 4, "RDP-Tcp#1");
        FakeWts.setSessionInfo(1, InfoClass.USER_NAME, FakeWts.utf16z("alice"));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                start.await();
                int checks = 0;
                for (int round = 0; round < ROUNDS; round++) {
                    switch ((thread + round) % 4) {
                        case 0 -> assertEquals(500, WtsServer.local().processes().size());
                        case 1 -> assertEquals(2, WtsServer.local().sessions().size());
                        case 2 -> assertEquals("alice", WtsServer.local().session(1).userName());
                        default -> assertEquals(7022, org.junit.jupiter.api.Assertions.assertThrows(
                                WtsException.class, () -> WtsServer.local().session(99).userName()).errorCode());
                    }
                    checks++;
                }
                return checks;
            }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> result : results) {
            total += result.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(THREADS * ROUNDS, total);
    }
}
