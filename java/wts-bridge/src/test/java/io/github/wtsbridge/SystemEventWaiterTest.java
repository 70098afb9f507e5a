package io.github.wtsbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.testing.FakeEvents;
import io.github.wtsbridge.testing.FakeServers;
import io.github.wtsbridge.testing.FakeTestBase;
import io.github.wtsbridge.testing.FakeWts;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** WtsSystemEventWaiter (WTSWaitSystemEvent) against the fake. */
class SystemEventWaiterTest extends FakeTestBase {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static CompletableFuture<Set<WtsSystemEvent>> waitIn(WtsSystemEventWaiter waiter, Set<WtsSystemEvent> mask) {
        CompletableFuture<Set<WtsSystemEvent>> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(waiter.await(mask));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        t.setDaemon(true);
        t.start();
        return result;
    }

    @Test
    void returnsTheEventsThatHappenedWithinTheMask() throws Exception {
        try (WtsSystemEventWaiter waiter = WtsSystemEventWaiter.open(WtsServer.local())) {
            var result = waitIn(waiter, EnumSet.of(WtsSystemEvent.LOGON, WtsSystemEvent.LOGOFF));
            assertTrue(FakeEvents.await(() -> FakeEvents.blockedWaits() == 1, WAIT));
            assertEquals(0, FakeEvents.systemEvent(0x8), "CONNECT is outside the mask");
            assertEquals(1, FakeEvents.systemEvent(0x20 | 0x8 | 0x80));
            assertEquals(Set.of(WtsSystemEvent.LOGON), result.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void anyEventAndUnknownBits() throws Exception {
        try (WtsSystemEventWaiter waiter = WtsSystemEventWaiter.open(WtsServer.local())) {
            var result = CompletableFuture.supplyAsync(waiter::awaitAny);
            assertTrue(FakeEvents.await(() -> FakeEvents.blockedWaits() == 1, WAIT));
            FakeEvents.systemEvent(0x100 | 0x4 | 0x1000);
            assertEquals(Set.of(WtsSystemEvent.LICENSE, WtsSystemEvent.RENAME, WtsSystemEvent.UNKNOWN),
                    result.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void flushReleasesEveryWaiterWithAnEmptySet() throws Exception {
        try (WtsSystemEventWaiter waiter = WtsSystemEventWaiter.open(WtsServer.local())) {
            var first = waitIn(waiter, WtsSystemEvent.all());
            var second = waitIn(waiter, EnumSet.of(WtsSystemEvent.CREATE));
            assertTrue(FakeEvents.await(() -> FakeEvents.blockedWaits() == 2, WAIT));
            waiter.flush();
            assertEquals(Set.of(), first.get(10, TimeUnit.SECONDS));
            assertEquals(Set.of(), second.get(10, TimeUnit.SECONDS));
            assertEquals(0, waiter.waitingThreads());
        }
    }

    @Test
    void closingTheServerDuringAWaitKeepsItsHandleOpenUntilTheWaitReturns() throws Exception {
        FakeServers.reachable("rdsh01");
        WtsServer server = WtsServer.open("rdsh01");
        WtsSystemEventWaiter waiter = WtsSystemEventWaiter.open(server);
        var result = waitIn(waiter, WtsSystemEvent.all());
        assertTrue(FakeEvents.await(() -> FakeEvents.blockedWaits() == 1, WAIT));

        server.close();
        assertEquals(1, FakeWts.openHandles(), "WTSCloseServer ran while WTSWaitSystemEvent used the handle");
        assertThrows(IllegalStateException.class, waiter::flush, "a closed server takes no new calls");

        waiter.close(); // flushes the handle the wait still holds
        assertEquals(Set.of(), result.get(10, TimeUnit.SECONDS));
        assertEquals(0, FakeWts.openHandles());
        assertEquals(0, FakeServers.badHandleUses());
        assertThrows(IllegalStateException.class, () -> WtsSystemEventWaiter.open(server));
    }

    @Test
    void closeReleasesWaitersAndWaitsForThem() throws Exception {
        WtsSystemEventWaiter waiter = WtsSystemEventWaiter.open(WtsServer.local());
        var result = waitIn(waiter, WtsSystemEvent.all());
        assertTrue(FakeEvents.await(() -> FakeEvents.blockedWaits() == 1, WAIT));

        waiter.close();

        assertEquals(0, waiter.waitingThreads(), "close returned before the waiter did");
        assertEquals(Set.of(), result.get(10, TimeUnit.SECONDS));
        assertEquals(0, FakeEvents.blockedWaits());
        waiter.close(); // idempotent
        long calls = FakeWts.callCount();
        assertThrows(IllegalStateException.class, waiter::awaitAny);
        assertEquals(calls, FakeWts.callCount());
    }

    @Test
    void closeWithManyWaitersRacingIn() throws Exception {
        for (int round = 0; round < 20; round++) {
            WtsSystemEventWaiter waiter = WtsSystemEventWaiter.open(WtsServer.local());
            CompletableFuture<?>[] results = new CompletableFuture<?>[8];
            for (int i = 0; i < results.length; i++) {
                results[i] = waitIn(waiter, WtsSystemEvent.all()).exceptionally(e -> {
                    if (!(e instanceof IllegalStateException || e.getCause() instanceof IllegalStateException)) {
                        throw new AssertionError(e);
                    }
                    return Set.of(); // arrived after close: refused, as documented
                });
            }
            waiter.close();
            CompletableFuture.allOf(results).get(10, TimeUnit.SECONDS);
            assertEquals(0, waiter.waitingThreads());
        }
        assertEquals(0, FakeEvents.blockedWaits());
    }

    @Test
    void failuresReachJavaWithTheFunctionName() {
        try (WtsSystemEventWaiter waiter = WtsSystemEventWaiter.open(WtsServer.local())) {
            for (int code : new int[] {5, 1722}) {
                FakeWts.injectError("WTSWaitSystemEvent", code, 1);
                WtsException e = assertThrows(WtsException.class, waiter::awaitAny);
                assertEquals(code, e.errorCode());
                assertEquals("WTSWaitSystemEvent", e.function());
            }
            assertEquals(0, waiter.waitingThreads());
        }
    }

    @Test
    void badMasksMakeNoNativeCall() {
        try (WtsSystemEventWaiter waiter = WtsSystemEventWaiter.open(WtsServer.local())) {
            long calls = FakeWts.callCount();
            assertThrows(IllegalArgumentException.class, () -> waiter.await(Set.of()));
            assertThrows(IllegalArgumentException.class, () -> waiter.await(EnumSet.of(WtsSystemEvent.UNKNOWN)));
            assertThrows(NullPointerException.class, () -> waiter.await(null));
            assertThrows(NullPointerException.class, () -> WtsSystemEventWaiter.open(null));
            assertEquals(calls, FakeWts.callCount());
        }
    }
}
