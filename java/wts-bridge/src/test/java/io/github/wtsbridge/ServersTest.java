package io.github.wtsbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.testing.FakeServers;
import io.github.wtsbridge.testing.FakeTestBase;
import io.github.wtsbridge.testing.FakeWts;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** WtsServer: open/close, enumeration, and calls that go through a remote server's handle. */
class ServersTest extends FakeTestBase {
    @AfterEach
    void noBadHandleUse() {
        assertEquals(0, FakeServers.badHandleUses(), "a closed or foreign server handle reached Windows");
    }

    @Test
    void openCallAndCloseAnHandle() {
        FakeServers.reachable("rdsh01.corp.example");
        FakeWts.addSession(2, 0, "RDP-Tcp#3");

        try (WtsServer server = WtsServer.open("rdsh01.corp.example")) {
            assertEquals(1, FakeWts.openHandles());
            assertFalse(server.isLocal());
            assertTrue(server.isOpen());
            assertEquals("rdsh01.corp.example", server.name().orElseThrow());
            assertEquals("WtsServer[rdsh01.corp.example]", server.toString());

            assertEquals(List.of(new WtsSessionEntry(server, 2, "RDP-Tcp#3", WtsConnectState.ACTIVE, 0)), server.sessions());
            assertEquals("rdsh01.corp.example", FakeServers.lastServer());
            assertEquals("WTSEnumerateSessionsW", FakeServers.lastFunction());
        }
        assertEquals(0, FakeWts.openHandles());
    }

    @Test
    void everyServerCallGoesThroughItsHandle() {
        FakeServers.reachable("alpha");
        FakeServers.reachable("beta");
        FakeWts.addSession(2, 0, "RDP-Tcp#3");
        FakeWts.setSessionInfo(2, 5, FakeWts.utf16z("alice"));
        FakeWts.addProcess(2, 4242, "notepad.exe", null);
        try (WtsServer alpha = WtsServer.open("alpha"); WtsServer beta = WtsServer.open("beta")) {
            assertEquals("alice", beta.session(2).userName());
            assertEquals("beta", FakeServers.lastServer());
            WtsException e = assertThrows(WtsException.class, () -> alpha.session(2).clientDisplay());
            assertEquals(WtsException.ERROR_NOT_SUPPORTED, e.errorCode()); // not scripted for session 2
            assertEquals("alpha", FakeServers.lastServer());
            assertEquals(2, FakeWts.openHandles());
        }
        try (WtsServer alpha = WtsServer.open("alpha")) {
            alpha.processes();
            assertEquals("alpha", FakeServers.lastServer());
            alpha.terminateProcess(4242, 1);
            assertEquals("alpha", FakeServers.lastServer());
            assertEquals("WTSTerminateProcess", FakeServers.lastFunction());
            alpha.session(2).disconnect(false);
            assertEquals("WTSDisconnectSession", FakeServers.lastFunction());
            assertEquals("alpha", FakeServers.lastServer());
            WtsServer.local().sessions();
            assertEquals("", FakeServers.lastServer(), "the local server is NULL, not a handle");
        }
    }

    @Test
    void unresolvableNameOpensButFailsOnFirstUse() {
        try (WtsServer server = WtsServer.open("no-such-host.invalid")) {
            WtsException e = assertThrows(WtsException.class, () -> server.sessions());
            assertEquals(WtsException.RPC_S_SERVER_UNAVAILABLE, e.errorCode());
            assertEquals("WTSEnumerateSessionsW", e.function());
            assertTrue(e.getMessage().contains("The RPC server is unavailable."), e.getMessage());
            WtsException q = assertThrows(WtsException.class, () -> server.session(1).userName());
            assertEquals(1722, q.errorCode());
            assertEquals("WTSQuerySessionInformationW", q.function());
        }
    }

    @Test
    void serverThatDeniesGivesAccessDenied() {
        FakeServers.script("locked-down", FakeServers.DENIES);
        FakeWts.addSession(2, 0, "RDP-Tcp#3");
        try (WtsServer server = WtsServer.open("locked-down")) {
            WtsException e = assertThrows(WtsException.class, () -> server.session(2).logoff(true));
            assertEquals(WtsException.ERROR_ACCESS_DENIED, e.errorCode());
            assertEquals("WTSLogoffSession", e.function());
            assertEquals(1, WtsServer.local().sessions().size(), "nothing was logged off");
        }
    }

    @Test
    void openFailureReachesJava() {
        FakeWts.injectError("WTSOpenServerW", 5, 1);

        WtsException e = assertThrows(WtsException.class, () -> WtsServer.open("rdsh01"));

        assertEquals(5, e.errorCode());
        assertEquals("WTSOpenServerW", e.function());
        assertEquals(0, FakeWts.openHandles());
    }

    @Test
    void closeIsIdempotentAndUseAfterCloseFailsBeforeWindows() {
        FakeServers.reachable("rdsh01");
        WtsServer server = WtsServer.open("rdsh01");
        server.close();
        server.close();
        assertFalse(server.isOpen());
        assertEquals("WtsServer[rdsh01, closed]", server.toString());
        long calls = FakeWts.callCount();

        for (Executable use : List.<Executable>of(
                () -> server.sessions(),
                () -> server.session(1).userName(),
                () -> server.session(1).snapshot(),
                () -> server.session(1).sendMessage("t", "m", WtsMessageStyle.OK, java.time.Duration.ZERO, true),
                () -> server.session(1).logoff(false),
                () -> server.processes(),
                () -> server.terminateProcess(42, 0),
                () -> server.shutdown(java.util.Set.of(WtsShutdownFlag.REBOOT)))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, use);
            assertTrue(e.getMessage().contains("rdsh01"), e.getMessage());
        }
        assertEquals(calls, FakeWts.callCount(), "no native call after close");
        assertEquals(0, FakeWts.openHandles());
    }

    @Test
    void localServerCloseDoesNothing() {
        WtsServer.local().close();
        WtsServer.local().close();
        assertTrue(WtsServer.local().isOpen());
        assertTrue(WtsServer.local().isLocal());
        assertEquals(List.of(), WtsServer.local().sessions());
    }

    @Test
    void badNamesFailBeforeWindows() {
        long calls = FakeWts.callCount();
        assertThrows(NullPointerException.class, () -> WtsServer.open(null));
        assertThrows(IllegalArgumentException.class, () -> WtsServer.open(""));
        assertThrows(IllegalArgumentException.class, () -> WtsServer.open("rdsh\0evil"));
        assertThrows(IllegalArgumentException.class, () -> WtsServer.open("x".repeat(WtsServer.MAX_NAME_LENGTH + 1)));
        assertThrows(NullPointerException.class, () -> WtsServer.enumerate(null));
        assertThrows(IllegalArgumentException.class, () -> WtsServer.enumerate(""));
        assertThrows(IllegalArgumentException.class, () -> WtsServer.enumerate("CORP\0"));
        assertThrows(IllegalArgumentException.class, () -> WtsServer.enumerate("d".repeat(256)));
        assertEquals(calls, FakeWts.callCount());
    }

    @Test
    void longestAcceptedNameAndUnicodeNameReachWindowsIntact() {
        String name = "s".repeat(WtsServer.MAX_NAME_LENGTH - 3) + "\uD83D\uDDA5";
        FakeServers.reachable(name);
        try (WtsServer server = WtsServer.open(name)) {
            server.sessions();
            assertEquals(name, FakeServers.lastServer());
        }
    }

    @Test
    void enumeratesServersOfADomain() {
        FakeServers.addListed("CORP", "RDSH01");
        FakeServers.addListed("CORP", "RDSH02-\uD83D\uDE80");
        FakeServers.addListed("LAB", "LABHOST");
        FakeServers.addListed(null, "HOMEHOST");

        assertEquals(List.of("RDSH01", "RDSH02-\uD83D\uDE80"), WtsServer.enumerate("CORP"));
        assertEquals("CORP", FakeServers.lastDomain());
        assertEquals(List.of("HOMEHOST"), WtsServer.enumerate());
        assertEquals("<null>", FakeServers.lastDomain());
        assertEquals(List.of(), WtsServer.enumerate("EMPTY"));
    }

    @Test
    void enumerationFailuresReachJava() {
        for (int code : new int[] {5, 1722}) {
            FakeWts.injectError("WTSEnumerateServersW", code, 1);
            WtsException e = assertThrows(WtsException.class, () -> WtsServer.enumerate("CORP"));
            assertEquals(code, e.errorCode());
            assertEquals("WTSEnumerateServersW", e.function());
        }
        assertTrue(FakeWts.removeFunction("WTSEnumerateServersW"));
        assertEquals(127, assertThrows(WtsException.class, WtsServer::enumerate).errorCode());
    }

    @Test
    void cleanerClosesAForgottenServer() throws InterruptedException {
        FakeServers.reachable("forgotten");
        WeakReference<WtsServer> ref = new WeakReference<>(WtsServer.open("forgotten"));
        assertEquals(1, FakeWts.openHandles());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (FakeWts.openHandles() != 0 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(10);
        }
        assertEquals(null, ref.get());
        assertEquals(0, FakeWts.openHandles(), "the Cleaner closed the handle");
    }

    @Test
    void closeRacingCallsNeverPullsTheHandleFromUnderThem() throws Exception {
        FakeServers.reachable("busy");
        FakeWts.addSession(1, 0, "Console");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 200; round++) {
                WtsServer server = WtsServer.open("busy");
                CountDownLatch start = new CountDownLatch(1);
                AtomicInteger ok = new AtomicInteger();
                AtomicInteger closed = new AtomicInteger();
                List<Future<?>> calls = new ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    calls.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < 20; i++) {
                            try {
                                server.sessions();
                                ok.incrementAndGet();
                            } catch (IllegalStateException e) {
                                closed.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                calls.add(pool.submit(() -> {
                    start.await();
                    server.close();
                    return null;
                }));
                start.countDown();
                for (Future<?> f : calls) {
                    f.get(10, TimeUnit.SECONDS);
                }
                assertEquals(60, ok.get() + closed.get());
                assertEquals(0, FakeWts.openHandles(), "closed exactly once, after the last call");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
