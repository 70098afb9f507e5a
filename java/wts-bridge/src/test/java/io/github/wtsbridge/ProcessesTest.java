package io.github.wtsbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.wtsbridge.testing.FakeTestBase;
import io.github.wtsbridge.testing.FakeWts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WtsProcesses through the real shim against the fake. */
class ProcessesTest extends FakeTestBase {
    @Test
    void listsProcessesWithSids() {
        FakeWts.addProcess(0, 4, "System", FakeWts.sid(5, 18));
        FakeWts.addProcess(1, 4660, "explorer.exe", FakeWts.sid(5, 21, 1004336348, 1177238915, 682003330, 1001));
        FakeWts.addProcess(2, 0xFFFF_FFFC, "high-pid.exe", null);

        List<WtsProcess> processes = WtsServer.local().processes();

        assertEquals(List.of(
                new WtsProcess(WtsServer.local(), 0, 4, "System", "S-1-5-18"),
                new WtsProcess(WtsServer.local(), 1, 4660, "explorer.exe", "S-1-5-21-1004336348-1177238915-682003330-1001"),
                new WtsProcess(WtsServer.local(), 2, 0xFFFF_FFFCL, "high-pid.exe", "")), processes);
    }

    @Test
    void unicodeImageNames() {
        String name = "\u30C6\u30B9\u30C8-\uD83D\uDE80.exe";
        FakeWts.addProcess(1, 8, name, null);
        assertEquals(name, WtsServer.local().processes().get(0).imageName());
    }

    @Test
    void tenThousandProcesses() {
        FakeWts.generateProcesses(10_000, 3);

        List<WtsProcess> processes = WtsServer.local().processes();

        assertEquals(10_000, processes.size());
        for (int n : new int[] {0, 1, 4_999, 9_999}) {
            WtsProcess p = processes.get(n);
            assertEquals("proc-" + n + ".exe", p.imageName());
            assertEquals(1000L + 4L * n, p.pid());
            assertEquals(n % 3, p.sessionId());
            assertEquals(n % 2 == 0 ? "S-1-5-21-1-2-3-" + (1000 + n) : "", p.userSid());
        }
    }

    @Test
    void enumerationFailure() {
        FakeWts.injectError("WTSEnumerateProcessesW", 1722, 1);

        WtsException e = assertThrows(WtsException.class, WtsServer.local()::processes);

        assertEquals(1722, e.errorCode());
        assertEquals("WTSEnumerateProcessesW", e.function());
        assertEquals("The RPC server is unavailable.", e.systemMessage());
    }

    @Test
    void sessionOfAProcess() {
        FakeWts.addProcess(3, 4660, "explorer.exe", null);
        assertEquals(3, WtsSession.ofProcess(4660).id());
    }

    @Test
    void sessionOfAGoneProcessIs87() {
        WtsException e = assertThrows(WtsException.class, () -> WtsSession.ofProcess(99_999).id());
        assertEquals(87, e.errorCode());
        assertEquals("ProcessIdToSessionId", e.function());
    }

    @Test
    void pidsOutsideTheDwordRangeAreRejectedBeforeAnyNativeCall() {
        long before = FakeWts.callCount();
        assertThrows(IllegalArgumentException.class, () -> WtsSession.ofProcess(-1).id());
        assertThrows(IllegalArgumentException.class, () -> WtsSession.ofProcess(0x1_0000_0000L).id());
        assertEquals(before, FakeWts.callCount());
    }
}
