package io.github.wtsbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.wtsbridge.testing.FakeEnumEx;
import io.github.wtsbridge.testing.FakeTestBase;
import io.github.wtsbridge.testing.FakeWts;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Ex enumerations (WTSEnumerateProcessesExW / WTSEnumerateSessionsExW level 1) against the fake. */
class EnumExTest extends FakeTestBase {
    private static final byte[] SYSTEM = FakeWts.sid(5, 18);
    private static final byte[] ALICE = FakeWts.sid(5, 21, 1004336348, 1177238915, 682003330, 1001);

    @Test
    void processesWithCountersTimesAndAccounts() {
        FakeWts.addProcess(0, 4, "System", SYSTEM);
        FakeWts.addProcess(1, 4660, "explorer.exe", ALICE);
        FakeWts.addProcess(2, 0xFFFF_FFFC, "\uD83D\uDE80-rocket.exe", null);
        FakeEnumEx.setProcessDetails(4660, new long[] {42, 1_873, 0xFFFF_FFFFL, 0xFFFF_FFFFL, 104_857_600,
            209_715_200, 15_000_000, 2_500_001});
        FakeEnumEx.setProcessDetails(4, new long[] {190, 4_000, 200_000, 300_000, 150_000, 160_000, 0, 123_456_789_012L});
        FakeEnumEx.addAccount(SYSTEM, "NT AUTHORITY", "SYSTEM", 5);
        FakeEnumEx.addAccount(ALICE, "CONTOSO", "\u00E5sa", 1);

        List<WtsProcessEx> processes = WtsServer.local().processesEx();

        assertEquals(List.of(
                new WtsProcessEx(WtsServer.local(), 0, 4, "System", "S-1-5-18", Optional.of("NT AUTHORITY\\SYSTEM"), 190, 4_000, 200_000,
                        300_000, 150_000, 160_000, Duration.ZERO, Duration.ofSeconds(12_345, 678_901_200)),
                new WtsProcessEx(WtsServer.local(), 1, 4660, "explorer.exe", "S-1-5-21-1004336348-1177238915-682003330-1001",
                        Optional.of("CONTOSO\\\u00E5sa"), 42, 1_873, 0xFFFF_FFFFL, 0xFFFF_FFFFL, 104_857_600,
                        209_715_200, Duration.ofMillis(1_500), Duration.ofNanos(250_000_100)),
                new WtsProcessEx(WtsServer.local(), 2, 0xFFFF_FFFCL, "\uD83D\uDE80-rocket.exe", "", Optional.empty(), 0, 0, 0, 0, 0, 0,
                        Duration.ZERO, Duration.ZERO)), processes);
        assertNull(FakeEnumEx.lastLookupSystem(), "the local machine's accounts");
    }

    @Test
    void theSessionFilterPassesThrough() {
        FakeWts.generateProcesses(30, 3);

        List<WtsProcessEx> processes = WtsServer.local().processesEx(1);

        assertEquals(10, processes.size());
        processes.forEach(p -> assertEquals(1, p.sessionId()));
        assertEquals("proc-1.exe", processes.get(0).imageName());
    }

    @Test
    void eachSidIsLookedUpOnceAndUnmappedOnesStayEmpty() {
        byte[] unknown = FakeWts.sid(5, 21, 9, 9, 9, 500);
        for (int i = 0; i < 5; i++) {
            FakeWts.addProcess(1, 100 + 4 * i, "svchost.exe", SYSTEM);
            FakeWts.addProcess(1, 200 + 4 * i, "orphan.exe", unknown);
        }
        FakeEnumEx.addAccount(SYSTEM, "NT AUTHORITY", "SYSTEM", 5);

        List<WtsProcessEx> processes = WtsServer.local().processesEx();

        // Sizes, then names for the mapped SID; one call shows the other maps to nothing.
        // Without the per-listing cache it would be 15 calls.
        assertEquals(3, FakeEnumEx.lookupCount());
        assertEquals(Optional.of("NT AUTHORITY\\SYSTEM"), processes.get(0).accountName());
        assertEquals(Optional.empty(), processes.get(1).accountName());
        assertEquals("S-1-5-21-9-9-9-500", processes.get(1).userSid());
    }

    @Test
    void aFailingAccountLookupDoesNotFailTheListing() {
        FakeWts.addProcess(1, 4660, "explorer.exe", ALICE);
        FakeEnumEx.addAccount(ALICE, "CONTOSO", "alice", 1);
        FakeWts.injectError("LookupAccountSidW", 1722, -1);

        assertEquals(Optional.empty(), WtsServer.local().processesEx().get(0).accountName());
    }

    @Test
    void tenThousandProcesses() {
        FakeWts.generateProcesses(10_000, 4);

        List<WtsProcessEx> processes = WtsServer.local().processesEx();

        assertEquals(10_000, processes.size());
        WtsProcessEx last = processes.get(9_999);
        assertEquals("proc-9999.exe", last.imageName());
        assertEquals(1000L + 4L * 9_999, last.pid());
        assertEquals(3, last.sessionId());
        assertEquals("S-1-5-21-1-2-3-" + (1000 + 9_998), processes.get(9_998).userSid());
    }

    @Test
    void processEnumerationFailures() {
        for (int code : new int[] {5, 1722}) {
            FakeWts.injectError("WTSEnumerateProcessesExW", code, 1);
            WtsException e = assertThrows(WtsException.class, WtsServer.local()::processesEx);
            assertEquals(code, e.errorCode());
            assertEquals("WTSEnumerateProcessesExW", e.function());
        }
    }

    @Test
    void recordsOfAnotherLevelAreFreedAsWhatTheyAre() {
        FakeWts.addProcess(1, 4660, "explorer.exe", ALICE);
        FakeEnumEx.forceLevel(true, 0);

        WtsException e = assertThrows(WtsException.class, WtsServer.local()::processesEx);

        assertEquals(13, e.errorCode());
        // FakeTestBase: the level-0 buffer went back with WTSTypeProcessInfoLevel0 and its count.
    }

    @Test
    void withoutWtsFreeMemoryExNothingIsEnumerated() {
        FakeWts.addProcess(1, 4660, "explorer.exe", ALICE);
        FakeWts.removeFunction("WTSFreeMemoryExW");

        WtsException e = assertThrows(WtsException.class, WtsServer.local()::processesEx);
        assertEquals(127, e.errorCode());
        assertEquals("WTSFreeMemoryExW", e.function());
        assertThrows(WtsException.class, WtsServer.local()::sessionsEx);
    }

    @Test
    void sessionsWithHostUserDomainAndFarm() {
        FakeWts.addSession(0, 4, "Services");
        FakeWts.addSession(1, 0, "Console");
        FakeWts.addSession(3, 0, "RDP-Tcp#7");
        FakeWts.addSession(65536, 6, "RDP-Tcp");
        FakeEnumEx.setSessionDetails(1, "RDSH01", "\u00E5sa\uD83D\uDE00", "CONTOSO", null);
        FakeEnumEx.setSessionDetails(3, "RDSH01", "bob", "CONTOSO", "Farm-A");

        List<WtsSessionEx> sessions = WtsServer.local().sessionsEx();

        assertEquals(List.of(
                new WtsSessionEx(WtsServer.local(), 0, WtsConnectState.DISCONNECTED, 4, "Services", "", "", "", ""),
                new WtsSessionEx(WtsServer.local(), 1, WtsConnectState.ACTIVE, 0, "Console", "RDSH01", "\u00E5sa\uD83D\uDE00", "CONTOSO", ""),
                new WtsSessionEx(WtsServer.local(), 3, WtsConnectState.ACTIVE, 0, "RDP-Tcp#7", "RDSH01", "bob", "CONTOSO", "Farm-A"),
                new WtsSessionEx(WtsServer.local(), 65536, WtsConnectState.LISTEN, 6, "RDP-Tcp", "", "", "", "")), sessions);
    }

    @Test
    void sessionEnumerationFailuresAndForeignLevels() {
        FakeWts.addSession(1, 0, "Console");
        FakeWts.injectError("WTSEnumerateSessionsExW", 1722, 1);
        WtsException e = assertThrows(WtsException.class, WtsServer.local()::sessionsEx);
        assertEquals(1722, e.errorCode());
        assertEquals("WTSEnumerateSessionsExW", e.function());

        FakeEnumEx.forceLevel(false, 0);
        assertEquals(13, assertThrows(WtsException.class, WtsServer.local()::sessionsEx).errorCode());
    }

    @Test
    void badInputIsRejectedBeforeAnyNativeCall() {
        long before = FakeWts.callCount();
        assertThrows(IllegalArgumentException.class, () -> WtsServer.local().processesEx(-1));
        assertEquals(before, FakeWts.callCount());
    }
}
