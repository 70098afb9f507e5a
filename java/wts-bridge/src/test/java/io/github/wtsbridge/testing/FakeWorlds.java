package io.github.wtsbridge.testing;

import java.time.Instant;

/** A realistic scripted Terminal Server for the inventory and CLI tests. */
public final class FakeWorlds {
    /** The fake's "now" in the sessions' WTSSessionInfo replies. */
    public static final Instant NOW = Instant.parse("2026-11-25T14:00:00Z");
    /** Session 2's user: a name beyond the BMP (U+1D11E) and a quote and backslash for JSON. */
    public static final String BOB = "bob\uD834\uDD1E\"\\";

    private FakeWorlds() {
    }

    /**
     * Sessions 0 (Services, disconnected, nobody), 1 (Console, active, CORP\alice, idle 5 min),
     * 2 (RDP-Tcp#3, disconnected, CORP\BOB, idle 1 day 2 h 3 min), 65536 (RDP-Tcp, listening);
     * processes: smss.exe (0, pid 4 with SYSTEM's SID), explorer.exe (1, 4242),
     * notepad.exe (2, 5150).
     */
    public static void rdsh() {
        FakeWts.addSession(0, 4, "Services");
        FakeWts.addSession(1, 0, "Console");
        FakeWts.addSession(2, 4, "RDP-Tcp#3");
        FakeWts.addSession(65536, 6, "RDP-Tcp");
        long[] counters = {100, 200, 10, 20, 0, 0};
        FakeWts.setSessionInfo(0, 24, FakeWts.sessionInfo(4, 0, counters, "Services", "", "", null, null, null,
                null, NOW));
        FakeWts.setSessionInfo(1, 24, FakeWts.sessionInfo(0, 1, counters, "Console", "CORP", "alice",
                Instant.parse("2026-11-25T08:00:00Z"), null, NOW.minusSeconds(300),
                Instant.parse("2026-11-25T07:59:00Z"), NOW));
        FakeWts.setSessionInfo(2, 24, FakeWts.sessionInfo(4, 2, counters, "RDP-Tcp#3", "CORP", BOB,
                Instant.parse("2026-11-24T09:00:00Z"), Instant.parse("2026-11-24T11:57:00Z"),
                NOW.minusSeconds(26 * 3600 + 180), Instant.parse("2026-11-24T08:30:00Z"), NOW));
        FakeWts.setSessionInfo(65536, 24, FakeWts.sessionInfo(6, 65536, counters, "RDP-Tcp", "", "", null, null,
                null, null, NOW));
        FakeWts.addProcess(0, 4, "smss.exe", FakeWts.sid(5, 18));
        FakeWts.addProcess(1, 4242, "explorer.exe", FakeWts.sid(5, 21, 1, 2, 3, 1001));
        FakeWts.addProcess(2, 5150, "notepad.exe", FakeWts.sid(5, 21, 1, 2, 3, 1002));
    }
}
