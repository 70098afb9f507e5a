package io.github.wtsbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.testing.FakeEvents;
import io.github.wtsbridge.testing.FakeServers;
import io.github.wtsbridge.testing.FakeTestBase;
import io.github.wtsbridge.testing.FakeTokens;
import io.github.wtsbridge.testing.FakeWts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every handle type (server, user token, system-event waiter, session subscription) against
 * the four ways handles kill JVMs: use after close, double close, close from another thread
 * while a call is in flight, and finalisation by the Cleaner. Nothing may crash (the suite
 * also runs under ASan), nothing may leak (FakeTestBase: zero open handles/buffers after each
 * test), and the fake must never see a closed or foreign server handle.
 */
class HandleHardeningTest extends FakeTestBase {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @AfterEach
    void noBadHandleUse() {
        assertEquals(0, FakeServers.badHandleUses(), "a closed or foreign server handle reached Windows");
    }

    private static boolean eventually(java.util.function.BooleanSupplier condition) {
        return FakeEvents.await(() -> {
            System.gc();
            return condition.getAsBoolean();
        }, WAIT);
    }

    // ---- servers ----

    @Test
    void serverUseAfterCloseAndDoubleCloseOnEveryServerCall() {
        FakeServers.reachable("srv");
        FakeWts.addSession(1, 0, "RDP-Tcp#1");
        WtsServer server = WtsServer.open("srv");
        server.close();
        server.close();
        long calls = FakeWts.callCount();
        List<Runnable> uses = List.of(
                () -> server.sessions(), () -> server.processes(),
                () -> server.session(1).userName(), () -> server.session(1).info(),
                () -> server.session(1).clientAddress(), () -> server.session(1).connectState(),
                () -> WtsSystemEventWaiter.open(server),
                () -> WtsSessionNotifications.register(server, 0x1234, WtsSessionScope.ALL_SESSIONS),
                () -> WtsSessionNotifications.unregister(server, 0x1234));
        for (Runnable use : uses) {
            IllegalStateException e = assertThrows(IllegalStateException.class, use::run);
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
        }
        assertEquals(calls, FakeWts.callCount(), "no call reached Windows");
        assertFalse(server.isOpen());
    }

    @Test
    void serverClosedWhileASlowListingIsInFlight() throws Exception {
        FakeServers.reachable("slow");
        FakeWts.generateProcesses(200_000, 4);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            int observedInFlight = 0;
            for (int round = 0; round < 20 && observedInFlight < 3; round++) {
                WtsServer server = WtsServer.open("slow");
                java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
                Future<Integer> listing = pool.submit(() -> {
                    started.countDown();
                    return server.processes().size();
                });
                assertTrue(started.await(30, TimeUnit.SECONDS));
                Thread.sleep(ThreadLocalRandom.current().nextInt(0, 15));
                server.close();
                boolean inFlight = FakeWts.openHandles() == 1; /* WTSCloseServer deferred */
                try {
                    assertEquals(200_000, (int) listing.get(30, TimeUnit.SECONDS), "the call in flight completes");
                } catch (java.util.concurrent.ExecutionException e) {
                    /* the close came between the task's start and its native call: refused, not crashed */
                    assertTrue(e.getCause() instanceof IllegalStateException && !inFlight, String.valueOf(e.getCause()));
                }
                assertEquals(0, FakeWts.openHandles(), "closed once the call returned");
                if (inFlight) {
                    observedInFlight++;
                }
                assertThrows(IllegalStateException.class, () -> server.processes());
            }
            assertTrue(observedInFlight > 0, "never caught a listing in flight");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void serversDroppedWithoutCloseAreClosedByTheCleaner() {
        FakeServers.reachable("dropped");
        for (int i = 0; i < 500; i++) {
            WtsServer.open("dropped");
        }
        assertTrue(eventually(() -> FakeWts.openHandles() == 0), "open: " + FakeWts.openHandles());
    }

    @Test
    void manyThreadsOpeningUsingAndClosingServers() throws Exception {
        FakeServers.reachable("a");
        FakeServers.reachable("b");
        FakeWts.addSession(1, 0, "RDP-Tcp#1");
        FakeWts.generateProcesses(50, 2);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger refused = new AtomicInteger();
        try {
            List<WtsServer> shared = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                shared.add(WtsServer.open(i % 2 == 0 ? "a" : "b"));
            }
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                work.add(pool.submit(() -> {
                    ThreadLocalRandom r = ThreadLocalRandom.current();
                    for (int i = 0; i < 2_000; i++) {
                        WtsServer s = shared.get(r.nextInt(shared.size()));
                        try {
                            switch (r.nextInt(6)) {
                                case 0 -> s.close();
                                case 1 -> s.processes();
                                case 2 -> s.session(1).winStationName();
                                case 3 -> {
                                    try (WtsServer own = WtsServer.open("a")) {
                                        own.sessions();
                                    }
                                }
                                default -> s.sessions();
                            }
                        } catch (IllegalStateException closed) {
                            refused.incrementAndGet();
                        } catch (WtsException e) {
                            if (e.errorCode() != 7022) {
                                throw e;
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
            shared.forEach(WtsServer::close);
        } finally {
            pool.shutdownNow();
        }
        assertTrue(refused.get() > 0, "some calls should have met a closed server");
    }

    // ---- user tokens ----

    @Test
    void tokenUseAfterCloseDoubleCloseAndCleaner() {
        FakeWts.addSession(2, 0, "RDP-Tcp#2");
        FakeTokens.setSessionUser(2, FakeWts.sid(5, 21, 1, 2, 3, 1001));
        WtsUserToken token = WtsServer.local().session(2).userToken();
        token.close();
        token.close();
        assertThrows(IllegalStateException.class, token::userSid);
        assertThrows(IllegalStateException.class, token::tokenSessionId);
        for (int i = 0; i < 300; i++) {
            WtsServer.local().session(2).userToken(); /* dropped */
        }
        assertTrue(eventually(() -> FakeWts.openHandles() == 0), "open: " + FakeWts.openHandles());
        assertEquals(0, FakeTokens.counts()[2], "no bad CloseHandle");
    }

    // ---- system-event waiters ----

    @Test
    void waiterUseAfterCloseAndDoubleClose() {
        WtsSystemEventWaiter waiter = WtsSystemEventWaiter.open(WtsServer.local());
        waiter.close();
        waiter.close();
        assertThrows(IllegalStateException.class, waiter::awaitAny);
        assertThrows(IllegalStateException.class, () -> waiter.await(Set.of(WtsSystemEvent.LOGON)));
    }

    @Test
    void serverClosedWhileAWaitOnItIsInFlight() throws Exception {
        FakeServers.reachable("events");
        WtsServer server = WtsServer.open("events");
        WtsSystemEventWaiter waiter = WtsSystemEventWaiter.open(server);
        CompletableFuture<Set<WtsSystemEvent>> waiting = CompletableFuture.supplyAsync(waiter::awaitAny);
        assertTrue(FakeEvents.await(() -> FakeEvents.blockedWaits() == 1, WAIT));

        server.close(); /* the wait still uses the handle: WTSCloseServer must wait for it */
        assertEquals(1, FakeWts.openHandles(), "the server handle stays open under the waiter");

        CompletableFuture.runAsync(waiter::close).get(10, TimeUnit.SECONDS);
        assertEquals(Set.of(), waiting.get(10, TimeUnit.SECONDS));
        assertEquals(0, FakeWts.openHandles(), "closed after the waiter let go");
        assertThrows(IllegalStateException.class, waiter::awaitAny);
    }

    @Test
    void serverAndWaiterClosedWhileAWaitIsStarting() throws Exception {
        FakeServers.reachable("events");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 300; round++) {
                WtsServer server = WtsServer.open("events");
                WtsSystemEventWaiter waiter = WtsSystemEventWaiter.open(server);
                /* one wait that ends, so that the waiter has used the handle before */
                Future<Set<WtsSystemEvent>> first = pool.submit(waiter::awaitAny);
                assertTrue(FakeEvents.await(() -> FakeEvents.blockedWaits() == 1, WAIT));
                waiter.flush();
                first.get(10, TimeUnit.SECONDS);
                /* a second wait starting while both are closed */
                Future<?> starting = pool.submit(() -> {
                    try {
                        waiter.awaitAny();
                    } catch (IllegalStateException closed) {
                        return null;
                    }
                    return null;
                });
                if (round % 2 == 0) {
                    Thread.onSpinWait();
                }
                server.close();
                waiter.close();
                starting.get(10, TimeUnit.SECONDS);
                assertEquals(0, FakeWts.openHandles(), "round " + round);
                assertEquals(0, FakeServers.badHandleUses(), "round " + round + ": a closed handle was flushed");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void droppedWaiterDoesNotKeepItsServerOpenForever() {
        FakeServers.reachable("events");
        WtsServer server = WtsServer.open("events");
        WtsSystemEventWaiter.open(server); /* dropped without close */
        server.close();
        assertTrue(eventually(() -> FakeWts.openHandles() == 0), "open: " + FakeWts.openHandles());
    }

    // ---- session subscriptions ----

    @Test
    void subscriptionDoubleCloseAndCloseFromAnotherThreadWhileAnEventIsDelivered() throws Exception {
        AtomicInteger delivered = new AtomicInteger();
        java.util.concurrent.CountDownLatch inListener = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        WtsSessionSubscription subscription = WtsSessionSubscription.open(WtsSessionScope.ALL_SESSIONS, change -> {
            delivered.incrementAndGet();
            inListener.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        FakeEvents.sessionChange(5, 2);
        assertTrue(inListener.await(10, TimeUnit.SECONDS));
        CompletableFuture<Void> closing = CompletableFuture.runAsync(subscription::close);
        release.countDown();
        closing.get(10, TimeUnit.SECONDS);
        subscription.close();
        assertFalse(subscription.isOpen());
        assertEquals(1, delivered.get());
        assertEquals(0, FakeEvents.registrations());
        assertEquals(0, FakeEvents.windows());
    }
}
