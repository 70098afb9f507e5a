package io.github.wtsbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.testing.FakeServers;
import io.github.wtsbridge.testing.FakeSlowServers;
import io.github.wtsbridge.testing.FakeTestBase;
import io.github.wtsbridge.testing.FakeWorlds;
import io.github.wtsbridge.testing.FakeWts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** WtsInventory: many servers at once, one result per server, dead and slow servers contained. */
class InventoryTest extends FakeTestBase {
    private static final WtsInventory.Options FAST = WtsInventory.Options.defaults().withTimeout(Duration.ofSeconds(5));

    @AfterEach
    void handlesClosedEventually() throws InterruptedException {
        // a timed-out call still runs on its thread: its handle must be closed once it returns
        long deadline = System.nanoTime() + Duration.ofSeconds(FakeSlowServers.MAX_DELAY_MILLIS / 1000 + 5).toNanos();
        while (FakeWts.openHandles() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, FakeWts.openHandles(), "server handles still open long after the scan");
        assertEquals(0, FakeServers.badHandleUses(), "a closed or foreign server handle reached Windows");
    }

    @Test
    void oneResultPerServerInOrderDataOrError() {
        FakeWorlds.rdsh();
        FakeServers.reachable("rdsh01");
        FakeServers.script("locked-down", FakeServers.DENIES);
        // "gone.example" is not scripted: it does not resolve (1722 on the first call)

        List<WtsServerResult> results = WtsInventory.scan(List.of("rdsh01", "gone.example", "locked-down"), FAST);

        assertEquals(List.of("rdsh01", "gone.example", "locked-down"), results.stream().map(WtsServerResult::server).toList());
        WtsServerResult.Scanned ok = assertInstanceOf(WtsServerResult.Scanned.class, results.get(0));
        assertTrue(ok.isOk());
        assertEquals("rdsh01", ok.inventory().server());
        assertEquals(List.of(0, 1, 2, 65536), ok.inventory().sessions().stream().map(s -> s.session().id()).toList());
        assertEquals(WtsConnectState.LISTEN, ok.inventory().sessions().get(3).session().state());
        assertTrue(ok.inventory().sessions().get(1).info().isEmpty(), "session info was not asked for");
        assertTrue(ok.inventory().processes().isEmpty(), "processes were not asked for");
        assertTrue(ok.failure().isEmpty());

        assertWindowsFailure(results.get(1), WtsException.RPC_S_SERVER_UNAVAILABLE);
        assertWindowsFailure(results.get(2), WtsException.ERROR_ACCESS_DENIED);
    }

    private static void assertWindowsFailure(WtsServerResult result, int code) {
        WtsServerResult.Failed failed = assertInstanceOf(WtsServerResult.Failed.class, result);
        assertFalse(failed.isOk());
        assertTrue(failed.data().isEmpty());
        WtsException e = assertInstanceOf(WtsException.class, failed.error());
        assertEquals(code, e.errorCode());
        assertEquals("WTSEnumerateSessionsW", e.function());
        assertEquals(e, failed.failure().orElseThrow());
    }

    @Test
    void sessionInfoAndProcessesWhenAskedFor() {
        FakeWorlds.rdsh();
        FakeServers.reachable("rdsh01");

        WtsServerInventory inv = WtsInventory.scan(List.of("rdsh01"),
                FAST.withSessionInfo(true).withProcesses(true)).get(0).data().orElseThrow();

        WtsInventorySession bob = inv.sessions().get(2);
        assertEquals(FakeWorlds.BOB, bob.userName());
        assertEquals("CORP", bob.info().orElseThrow().domainName());
        assertEquals(Duration.ofHours(26).plusMinutes(3), bob.info().orElseThrow().times().idle().orElseThrow());
        assertEquals("", inv.sessions().get(0).userName());
        assertEquals(List.of("smss.exe", "explorer.exe", "notepad.exe"),
                inv.processes().orElseThrow().stream().map(WtsProcess::imageName).toList());
        assertEquals("S-1-5-18", inv.processes().orElseThrow().get(0).userSid());
    }

    @Test
    void aSessionWhoseInfoFailsIsKeptWithoutInfo() {
        FakeWorlds.rdsh();
        FakeServers.reachable("rdsh01");
        FakeWts.setSessionInfo(1, 24, null); // as if session 1 ended between the listing and the query

        WtsServerResult result = WtsInventory.scan(List.of("rdsh01"), FAST.withSessionInfo(true)).get(0);

        List<WtsInventorySession> sessions = result.data().orElseThrow().sessions();
        assertEquals(4, sessions.size());
        assertTrue(sessions.get(1).info().isEmpty());
        assertEquals(FakeWorlds.BOB, sessions.get(2).userName());
    }

    @Test
    void aProcessListingFailureFailsThatServerOnly() {
        FakeWorlds.rdsh();
        FakeServers.reachable("a");
        FakeServers.reachable("b");
        FakeWts.injectError("WTSEnumerateProcessesW", WtsException.ERROR_ACCESS_DENIED, 1);

        List<WtsServerResult> results = WtsInventory.scan(List.of("a", "b"), FAST.withParallelism(1).withProcesses(true));

        WtsException e = assertInstanceOf(WtsException.class, results.get(0).failure().orElseThrow());
        assertEquals("WTSEnumerateProcessesW", e.function());
        assertEquals(3, results.get(1).data().orElseThrow().processes().orElseThrow().size());
    }

    @Test
    void aHangingServerTimesOutAndTheScanReturnsOnTime() {
        FakeWorlds.rdsh();
        for (String name : List.of("hung", "fast1", "fast2")) {
            FakeServers.reachable(name);
        }
        FakeSlowServers.delay("hung", 3000);
        // one thread: the fast servers get their turn only because the hung one gives its slot up
        WtsInventory.Options options = FAST.withParallelism(1).withTimeout(Duration.ofMillis(300));

        long start = System.nanoTime();
        List<WtsServerResult> results = WtsInventory.scan(List.of("hung", "fast1", "fast2"), options);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(took.compareTo(Duration.ofMillis(2000)) < 0, "the scan waited for the hung server: " + took);
        WtsServerResult.TimedOut timedOut = assertInstanceOf(WtsServerResult.TimedOut.class, results.get(0));
        assertEquals(Duration.ofMillis(300), timedOut.timeout());
        assertInstanceOf(TimeoutException.class, timedOut.failure().orElseThrow());
        assertTrue(timedOut.data().isEmpty());
        assertTrue(results.get(1).isOk());
        assertTrue(results.get(2).isOk());
        assertEquals(1, FakeWts.openHandles(), "the hung call still holds its handle while Windows has not returned");
        // @AfterEach: the handle is closed once the hung call returns
    }

    @Test
    void aSlowServerWithinTheTimeoutAnswers() {
        FakeWorlds.rdsh();
        FakeServers.reachable("slow");
        FakeSlowServers.delay("slow", 250);

        WtsServerResult.Scanned result = assertInstanceOf(WtsServerResult.Scanned.class,
                WtsInventory.scan(List.of("slow"), FAST).get(0));

        assertEquals(4, result.inventory().sessions().size());
        assertTrue(result.elapsed().compareTo(Duration.ofMillis(250)) >= 0, result.elapsed().toString());
    }

    @Test
    void aTimeoutOfForeverIsNoOverflow() {
        FakeWorlds.rdsh();
        FakeServers.reachable("rdsh01");
        WtsInventory.Options forever = WtsInventory.Options.defaults()
                .withTimeout(java.time.temporal.ChronoUnit.FOREVER.getDuration());

        assertInstanceOf(WtsServerResult.Scanned.class, WtsInventory.scan(List.of("rdsh01"), forever).get(0));
    }

    @Test
    void serversAreQueriedInParallelUpToTheBound() {
        FakeWts.addSession(1, 0, "Console");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            names.add("s" + i);
            FakeServers.reachable("s" + i);
            FakeSlowServers.delay("s" + i, 500);
        }

        long start = System.nanoTime();
        List<WtsServerResult> parallel = WtsInventory.scan(names, FAST.withParallelism(4));
        Duration parallelTook = Duration.ofNanos(System.nanoTime() - start);
        start = System.nanoTime();
        List<WtsServerResult> twoAtATime = WtsInventory.scan(names, FAST.withParallelism(2));
        Duration twoTook = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(parallel.stream().allMatch(WtsServerResult::isOk));
        assertTrue(twoAtATime.stream().allMatch(WtsServerResult::isOk));
        assertTrue(parallelTook.compareTo(Duration.ofMillis(1500)) < 0, "4 × 500 ms at once took " + parallelTook);
        assertTrue(twoTook.compareTo(Duration.ofMillis(1000)) >= 0, "2 at a time must take two rounds: " + twoTook);
    }

    @Test
    void unicodeServerNames() {
        String name = "сервер-\uD834\uDD1E";
        FakeWts.addSession(1, 0, "Console");
        FakeServers.reachable(name);

        WtsServerResult result = WtsInventory.scan(List.of(name), FAST).get(0);

        assertTrue(result.isOk(), () -> result.failure().toString());
        assertEquals(name, result.server());
    }

    @Test
    void theLocalMachine() {
        FakeWorlds.rdsh();
        WtsServerResult result = WtsInventory.scanLocal(FAST.withSessionInfo(true));
        assertEquals("", result.server());
        assertEquals("alice", result.data().orElseThrow().sessions().get(1).userName());
        assertEquals("", FakeServers.lastServer());

        FakeWts.injectError("WTSEnumerateSessionsW", 5, 1);
        assertEquals(5, ((WtsException) WtsInventory.scanLocal(FAST).failure().orElseThrow()).errorCode());
    }

    @Test
    void badInputIsRejectedBeforeAnyCall() {
        assertThrows(NullPointerException.class, () -> WtsInventory.scan(null, FAST));
        assertThrows(NullPointerException.class, () -> WtsInventory.scan(List.of("a"), null));
        assertThrows(NullPointerException.class, () -> WtsInventory.scan(Arrays.asList("a", null), FAST));
        assertThrows(IllegalArgumentException.class, () -> WtsInventory.scan(List.of("a", ""), FAST));
        assertThrows(IllegalArgumentException.class, () -> WtsInventory.scan(List.of("a\0b"), FAST));
        assertThrows(IllegalArgumentException.class, () -> WtsInventory.scan(List.of("x".repeat(258)), FAST));
        assertThrows(IllegalArgumentException.class, () -> FAST.withParallelism(0));
        assertThrows(IllegalArgumentException.class, () -> FAST.withParallelism(257));
        assertThrows(IllegalArgumentException.class, () -> FAST.withTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> FAST.withTimeout(Duration.ofSeconds(-1)));
        assertThrows(NullPointerException.class, () -> FAST.withTimeout(null));
        assertEquals(List.of(), WtsInventory.scan(List.of(), FAST));
        assertEquals(0, FakeWts.callCount());
    }
}
