package io.github.wtsbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.testing.FakeLaunch;
import io.github.wtsbridge.testing.FakeTestBase;
import io.github.wtsbridge.testing.FakeTokens;
import io.github.wtsbridge.testing.FakeWts;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which session startProcessInActiveSession / startProcessForUser pick, against the fake: the
 * console with nobody and a user on RDP, two users, one user in two sessions, and sequences of
 * logon, logoff, disconnect and reconnect.
 */
class SessionChoiceTest extends FakeTestBase {
    private static final int ACTIVE = 0;
    private static final int CONNECTED = 1;
    private static final int DISCONNECTED = 4;
    private static final int LISTEN = 6;
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    @BeforeEach
    void anRdpHost() {
        FakeWts.addSession(0, DISCONNECTED, "Services");
        FakeWts.addSession(65536, LISTEN, "RDP-Tcp");
        session(1, CONNECTED, "Console", "", "", null); // the console: the logon screen, nobody
        FakeWts.setConsoleSession(1);
    }

    /** (Re)scripts a session: its state, its WTSSessionInfo, and its token (nobody: none). */
    private static void session(int id, int state, String station, String domain, String user, Instant logon) {
        FakeWts.removeSession(id);
        FakeWts.addSession(id, state, station);
        FakeWts.setSessionInfo(id, 24, FakeWts.sessionInfo(state, id, new long[6], station, domain, user,
                logon, null, null, logon, T0.plusSeconds(86_400)));
        if (user.isEmpty()) {
            FakeTokens.setSessionUser(id, null);
        } else {
            FakeLaunch.logOn(id, FakeLaunch.DEFAULT, new String[] {"USERNAME=" + user});
        }
    }

    private static OptionalInt picks(WtsSessionChoice choice) {
        return WtsSession.activeUserSession(choice).map(s -> OptionalInt.of(s.id())).orElse(OptionalInt.empty());
    }

    private static OptionalInt userSession(String user) {
        return WtsSession.sessionOfUser(user).map(s -> OptionalInt.of(s.id())).orElse(OptionalInt.empty());
    }

    /** Starts a program with the default choice and returns the session of the token it got. */
    private static int startedIn() {
        int before = FakeLaunch.startedCount();
        try (WtsStartedProcess p = WtsSession.startProcessInActiveSession("updater.exe /ui", WtsStartOptions.defaults())) {
            assertEquals(before + 1, FakeLaunch.startedCount());
            assertEquals(p.sessionId(), FakeLaunch.startedNumbers(before)[5], "the token is of the chosen session");
            return p.sessionId();
        }
    }

    @Test
    void nobodyOnTheConsoleAndAUserOnRdpStartsInTheRdpSession() {
        session(2, ACTIVE, "RDP-Tcp#7", "CONTOSO", "alice", T0);

        assertEquals(2, startedIn(), "the bug of murrayju/CreateProcessAsUser #3: the console only");
        assertEquals(OptionalInt.of(2), picks(WtsSessionChoice.CONSOLE_THEN_REMOTE));
        assertEquals(OptionalInt.of(2), picks(WtsSessionChoice.REMOTE));
        assertEquals(OptionalInt.of(2), picks(WtsSessionChoice.ANY_ACTIVE));
        assertEquals(OptionalInt.of(2), picks(WtsSessionChoice.LATEST_LOGON));
        assertEquals(OptionalInt.empty(), picks(WtsSessionChoice.CONSOLE));
        WtsNoUserException e = assertThrows(WtsNoUserException.class, () -> WtsSession.startProcessInActiveSession(
                "updater.exe", WtsStartOptions.defaults(), WtsSessionChoice.CONSOLE));
        assertEquals(OptionalInt.empty(), e.sessionId());
        assertTrue(e.getMessage().contains("nobody is logged on to the console"), e.getMessage());
        assertEquals(1, FakeLaunch.startedCount(), "nothing more started");
    }

    @Test
    void aUserOnTheConsoleComesFirstUnlessRemoteIsAskedFor() {
        session(1, ACTIVE, "Console", "CONTOSO", "carol", T0);
        session(2, ACTIVE, "RDP-Tcp#7", "CONTOSO", "alice", T0.plusSeconds(60));

        assertEquals(1, startedIn());
        assertEquals(OptionalInt.of(1), picks(WtsSessionChoice.CONSOLE));
        assertEquals(OptionalInt.of(1), picks(WtsSessionChoice.ANY_ACTIVE));
        assertEquals(OptionalInt.of(2), picks(WtsSessionChoice.REMOTE));
        assertEquals(OptionalInt.of(2), picks(WtsSessionChoice.LATEST_LOGON), "alice came a minute later");
        try (WtsStartedProcess p = WtsSession.startProcessInActiveSession("x.exe", WtsStartOptions.defaults(),
                WtsSessionChoice.REMOTE)) {
            assertEquals(2, p.sessionId());
        }
    }

    @Test
    void twoRemoteUsersTheLatestLogonWinsThenTheLowestId() {
        session(2, ACTIVE, "RDP-Tcp#7", "CONTOSO", "alice", T0);
        session(3, ACTIVE, "RDP-Tcp#8", "CONTOSO", "bob", T0.plusSeconds(3600));
        session(4, DISCONNECTED, "", "CONTOSO", "dave", T0.plusSeconds(7200)); // disconnected: not a candidate

        assertEquals(3, startedIn());
        assertEquals(OptionalInt.of(3), picks(WtsSessionChoice.ANY_ACTIVE));

        session(5, ACTIVE, "RDP-Tcp#9", "CONTOSO", "erin", T0.plusSeconds(3600)); // same logon time as bob
        assertEquals(OptionalInt.of(3), picks(WtsSessionChoice.LATEST_LOGON), "a tie goes to the lowest id");
    }

    @Test
    void oneUserInTwoSessionsIsFoundByEveryWayOfWritingTheName() {
        session(2, DISCONNECTED, "", "CONTOSO", "alice", T0);
        session(3, ACTIVE, "RDP-Tcp#8", "CONTOSO", "alice", T0.plusSeconds(60));
        session(4, ACTIVE, "RDP-Tcp#9", "FABRIKAM", "bob", T0);

        for (String name : List.of("alice", "ALICE", "contoso\\Alice", "alice@contoso.com", "Alice@CONTOSO")) {
            assertEquals(OptionalInt.of(3), userSession(name), name + ": the active one");
        }
        assertEquals(OptionalInt.empty(), userSession("FABRIKAM\\alice"));
        assertEquals(OptionalInt.empty(), userSession("alice@fabrikam.com"));
        assertEquals(OptionalInt.empty(), userSession("alic"));
        assertEquals(OptionalInt.of(4), userSession("bob@fabrikam.com"));

        try (WtsStartedProcess p = WtsSession.startProcessForUser("CONTOSO\\alice", "notify.exe", WtsStartOptions.defaults())) {
            assertEquals(3, p.sessionId());
        }
        session(3, DISCONNECTED, "", "CONTOSO", "alice", T0.plusSeconds(60));
        assertEquals(OptionalInt.of(3), userSession("alice"), "both disconnected: the latest logon");

        WtsNoUserException e = assertThrows(WtsNoUserException.class,
                () -> WtsSession.startProcessForUser("mallory", "notify.exe", WtsStartOptions.defaults()));
        assertTrue(e.getMessage().contains("mallory"), e.getMessage());
        assertEquals(1, FakeLaunch.startedCount());
    }

    @Test
    void theConsoleWinsForAUserOnTheConsoleAndOnRdp() {
        session(1, ACTIVE, "Console", "CONTOSO", "alice", T0);
        session(2, ACTIVE, "RDP-Tcp#7", "CONTOSO", "alice", T0.plusSeconds(60));

        assertEquals(OptionalInt.of(1), userSession("alice"));
    }

    @Test
    void logonLogoffDisconnectReconnectSequence() {
        assertThrows(WtsNoUserException.class, SessionChoiceTest::startedIn, "nobody anywhere");

        session(2, ACTIVE, "RDP-Tcp#7", "CONTOSO", "alice", T0); // alice logs on over RDP
        assertEquals(2, startedIn());

        session(1, ACTIVE, "Console", "CONTOSO", "carol", T0.plusSeconds(60)); // carol logs on at the console
        assertEquals(1, startedIn());

        // carol disconnects: her session 1 stays, disconnected; the console gets session 6 (logon screen)
        session(1, DISCONNECTED, "", "CONTOSO", "carol", T0.plusSeconds(60));
        session(6, CONNECTED, "Console", "", "", null);
        FakeWts.setConsoleSession(6);
        assertEquals(2, startedIn());
        assertEquals(OptionalInt.of(1), userSession("carol"), "her disconnected session is still hers");

        session(2, DISCONNECTED, "", "CONTOSO", "alice", T0); // alice disconnects too
        assertThrows(WtsNoUserException.class, SessionChoiceTest::startedIn);

        session(2, ACTIVE, "RDP-Tcp#9", "CONTOSO", "alice", T0); // alice reconnects
        assertEquals(2, startedIn());

        FakeWts.setConsoleSession(1); // carol reconnects at the console
        session(1, ACTIVE, "Console", "CONTOSO", "carol", T0.plusSeconds(60));
        FakeWts.removeSession(6);
        assertEquals(1, startedIn());

        session(1, CONNECTED, "Console", "", "", null); // carol logs off
        assertEquals(2, startedIn());
        session(2, DISCONNECTED, "", "", "", null); // alice logs off (the session is going away)
        FakeWts.removeSession(2);
        assertThrows(WtsNoUserException.class, SessionChoiceTest::startedIn);
        assertEquals(6, FakeLaunch.startedCount());
    }

    @Test
    void noSessionAtAllAttachedToTheConsole() {
        FakeWts.setConsoleSession(-1);
        assertEquals(OptionalInt.empty(), picks(WtsSessionChoice.CONSOLE));
        session(2, ACTIVE, "RDP-Tcp#7", "CONTOSO", "alice", T0);
        assertEquals(OptionalInt.of(2), picks(WtsSessionChoice.CONSOLE_THEN_REMOTE));
    }

    @Test
    void aSessionThatVanishesBetweenEnumerationAndQueryIsLeftOut() {
        session(2, ACTIVE, "RDP-Tcp#7", "CONTOSO", "alice", T0);
        session(3, ACTIVE, "RDP-Tcp#8", "CONTOSO", "bob", T0.plusSeconds(60));
        FakeWts.setSessionInfo(3, 24, null); // its query fails as for a session that ended
        assertEquals(OptionalInt.of(2), picks(WtsSessionChoice.REMOTE));
    }

    @Test
    void badUserNamesAreRejectedBeforeAnyNativeCall() {
        long before = FakeWts.callCount();
        for (String bad : new String[] {"", " ", "\\alice", "CONTOSO\\", "a\\b\\c", "alice@", "@contoso.com",
            "al\0ice", "x".repeat(257)}) {
            assertThrows(IllegalArgumentException.class, () -> WtsSession.sessionOfUser(bad), bad);
            assertThrows(IllegalArgumentException.class,
                    () -> WtsSession.startProcessForUser(bad, "x.exe", WtsStartOptions.defaults()), bad);
        }
        assertThrows(NullPointerException.class, () -> WtsSession.sessionOfUser(null));
        assertThrows(NullPointerException.class, () -> WtsSession.activeUserSession(null));
        assertThrows(NullPointerException.class, () -> WtsSession.startProcessInActiveSession("x.exe",
                WtsStartOptions.defaults(), null));
        assertThrows(IllegalArgumentException.class, () -> WtsSession.startProcessForUser("alice", "",
                WtsStartOptions.defaults()));
        assertEquals(before, FakeWts.callCount());
        assertFalse(Optional.empty().isPresent());
    }
}
