package io.github.wtsbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wtsbridge.testing.FakeTestBase;
import io.github.wtsbridge.testing.FakeWts;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The listings' flat layout (all names in one byte[] Latin-1 or char[] UTF-16 array, cut by
 * lengths): names of every length next to each other, missing ones, Latin-1 above ASCII,
 * Unicode beyond Latin-1 and beyond the BMP, on both listings.
 */
class ListingsTest extends FakeTestBase {
    private static final String ROCKET = "\uD83D\uDE80";

    @Test
    void processNamesOfMixedLengthsStayApart() {
        FakeWts.addProcess(0, 4, "", null);
        FakeWts.addProcess(0, 8, null, FakeWts.sid(5, 18));
        FakeWts.addProcess(1, 12, "a", null);
        FakeWts.addProcess(1, 16, ROCKET + "-" + ROCKET + ".exe", FakeWts.sid(5, 19));
        String longName = "x".repeat(260) + ".exe";
        FakeWts.addProcess(2, 20, longName, FakeWts.sid(5, 21, 1, 2, 3, 500));

        assertEquals(List.of(
                new WtsProcess(WtsServer.local(), 0, 4, "", ""),
                new WtsProcess(WtsServer.local(), 0, 8, "", "S-1-5-18"),
                new WtsProcess(WtsServer.local(), 1, 12, "a", ""),
                new WtsProcess(WtsServer.local(), 1, 16, ROCKET + "-" + ROCKET + ".exe", "S-1-5-19"),
                new WtsProcess(WtsServer.local(), 2, 20, longName, "S-1-5-21-1-2-3-500")), WtsServer.local().processes());
    }

    @Test
    void sessionNamesOfMixedLengthsStayApart() {
        FakeWts.addSession(0, 4, "Services");
        FakeWts.addSession(1, 0, null);
        FakeWts.addSession(2, 0, "");
        FakeWts.addSession(3, 1, "RDP-Tcp#" + ROCKET);
        FakeWts.addSession(65536, 99, "z");

        assertEquals(List.of(
                new WtsSessionEntry(WtsServer.local(), 0, "Services", WtsConnectState.DISCONNECTED, 4),
                new WtsSessionEntry(WtsServer.local(), 1, "", WtsConnectState.ACTIVE, 0),
                new WtsSessionEntry(WtsServer.local(), 2, "", WtsConnectState.ACTIVE, 0),
                new WtsSessionEntry(WtsServer.local(), 3, "RDP-Tcp#" + ROCKET, WtsConnectState.of(1), 1),
                new WtsSessionEntry(WtsServer.local(), 65536, "z", WtsConnectState.UNKNOWN, 99)), WtsServer.local().sessions());
    }

    @Test
    void latin1NamesAboveAscii() {
        FakeWts.addProcess(0, 4, "caf\u00E9-\u00FF-\u00A0.exe", null);
        FakeWts.addProcess(0, 8, "plain.exe", null);
        FakeWts.addSession(7, 0, "\u00C5sa");

        assertEquals("caf\u00E9-\u00FF-\u00A0.exe", WtsServer.local().processes().get(0).imageName());
        assertEquals("plain.exe", WtsServer.local().processes().get(1).imageName());
        assertEquals("\u00C5sa", WtsServer.local().sessions().get(0).winStationName());
    }

    @Test
    void oneNameBeyondLatin1KeepsEveryNameIntact() {
        FakeWts.addProcess(0, 4, "caf\u00E9.exe", null);
        FakeWts.addProcess(0, 8, "\u0100.exe", null);
        FakeWts.addSession(1, 0, "caf\u00E9");
        FakeWts.addSession(2, 0, "\u4E2D\u6587");

        List<WtsProcess> processes = WtsServer.local().processes();
        assertEquals("caf\u00E9.exe", processes.get(0).imageName());
        assertEquals("\u0100.exe", processes.get(1).imageName());
        List<WtsSessionEntry> sessions = WtsServer.local().sessions();
        assertEquals("caf\u00E9", sessions.get(0).winStationName());
        assertEquals("\u4E2D\u6587", sessions.get(1).winStationName());
    }

    @Test
    void aThousandSessions() {
        for (int id = 0; id < 1000; id++) {
            FakeWts.addSession(id, id % 10, "RDP-Tcp#" + id);
        }
        List<WtsSessionEntry> sessions = WtsServer.local().sessions();
        assertEquals(1000, sessions.size());
        for (int id : new int[] {0, 9, 10, 999}) {
            assertEquals("RDP-Tcp#" + id, sessions.get(id).winStationName());
            assertEquals(id % 10, sessions.get(id).rawState());
        }
    }
}
