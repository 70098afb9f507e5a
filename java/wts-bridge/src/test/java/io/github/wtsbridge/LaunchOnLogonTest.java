package io.github.wtsbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.testing.FakeEvents;
import io.github.wtsbridge.testing.FakeLaunch;
import io.github.wtsbridge.testing.FakeTestBase;
import io.github.wtsbridge.testing.FakeTokens;
import io.github.wtsbridge.testing.FakeWts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WtsLaunchOnLogon against the fake: which logon, reconnect and scan starts the program where. */
class LaunchOnLogonTest extends FakeTestBase {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int CONSOLE_CONNECT = 1;
    private static final int CONSOLE_DISCONNECT = 2;
    private static final int REMOTE_CONNECT = 3;
    private static final int REMOTE_DISCONNECT = 4;
    private static final int LOGON = 5;
    private static final int LOGOFF = 6;
    private static final int LOCK = 7;
    /** A session whose logon the tests use as a marker: everything before it was handled. */
    private static final int MARKER = 99;

    private final List<WtsStartedProcess> started = new CopyOnWriteArrayList<>();

    @BeforeEach
    void sessions() {
        for (int id : new int[] {1, 2, 3, MARKER}) {
            FakeWts.addSession(id, 0, "S" + id);
        }
    }

    @AfterEach
    void closeStarted() {
        started.forEach(WtsStartedProcess::close);
        assertEquals(0, FakeEvents.registrations(), "the subscription was closed");
    }

    private static void logOn(int session, String user) {
        FakeLaunch.logOn(session, FakeLaunch.DEFAULT, new String[] {"USERNAME=" + user});
        FakeWts.setSessionInfo(session, 24, FakeWts.sessionInfo(0, session, new long[6], "S" + session, "CONTOSO",
                user, Instant.EPOCH, null, null, Instant.EPOCH, null));
    }

    /** The sessions of the programs started so far, in order, once everything sent before was handled. */
    private List<Integer> sessionsStarted() {
        int before = FakeLaunch.startedCount();
        logOn(MARKER, "marker");
        FakeEvents.sessionChange(LOGON, MARKER);
        assertTrue(FakeEvents.await(() -> FakeLaunch.startedCount() > before
                && FakeLaunch.startedNumbers(FakeLaunch.startedCount() - 1)[5] == MARKER, WAIT), "the marker's logon");
        FakeEvents.sessionChange(LOGOFF, MARKER);
        FakeTokens.setSessionUser(MARKER, null);
        List<Integer> sessions = new ArrayList<>();
        for (int i = 0; i < FakeLaunch.startedCount(); i++) {
            int session = (int) FakeLaunch.startedNumbers(i)[5];
            if (session != MARKER) {
                sessions.add(session);
            }
        }
        return sessions;
    }

    private WtsLaunchOnLogon open(WtsLaunchOnLogon.Options options) {
        return WtsLaunchOnLogon.open("\"C:\\Program Files\\Acme\\tray.exe\" --quiet", options.withOnStarted(started::add));
    }

    @Test
    void onceForEachLogonAndNotAgainAfterADisconnectAndReconnect() {
        try (WtsLaunchOnLogon launcher = open(WtsLaunchOnLogon.Options.defaults())) {
            assertTrue(launcher.isOpen());
            logOn(2, "alice");
            FakeEvents.sessionChange(REMOTE_CONNECT, 2);
            FakeEvents.sessionChange(LOGON, 2);
            FakeEvents.sessionChange(LOCK, 2);
            FakeEvents.sessionChange(REMOTE_DISCONNECT, 2);
            FakeEvents.sessionChange(REMOTE_CONNECT, 2); // the same logon
            FakeEvents.sessionChange(LOGON, 2); // a duplicate event of the same logon
            assertEquals(List.of(2), sessionsStarted());

            logOn(1, "carol");
            FakeEvents.sessionChange(LOGON, 1);
            assertEquals(List.of(2, 1), sessionsStarted());

            FakeEvents.sessionChange(LOGOFF, 2); // alice logs off, then on again: a new logon
            FakeEvents.sessionChange(LOGON, 2);
            assertEquals(List.of(2, 1, 2), sessionsStarted());
        }
        assertEquals("\"C:\\Program Files\\Acme\\tray.exe\" --quiet", FakeLaunch.startedTexts(0)[0]);
    }

    @Test
    void onReconnectStartsAgainAtEachReconnectOfALogon() {
        try (WtsLaunchOnLogon launcher = open(WtsLaunchOnLogon.Options.defaults().withOnReconnect(true))) {
            FakeEvents.sessionChange(REMOTE_CONNECT, 2); // a fresh connection: nobody logged on yet
            logOn(2, "alice");
            FakeEvents.sessionChange(LOGON, 2);
            assertEquals(List.of(2), sessionsStarted(), "the connect before the logon started nothing");

            FakeEvents.sessionChange(REMOTE_DISCONNECT, 2);
            FakeEvents.sessionChange(CONSOLE_CONNECT, 2); // alice comes back at the console
            assertEquals(List.of(2, 2), sessionsStarted());

            FakeEvents.sessionChange(CONSOLE_CONNECT, 2); // no disconnect in between: nothing
            assertEquals(List.of(2, 2), sessionsStarted());

            logOn(3, "bob"); // logged on before we opened; he reconnects
            FakeEvents.sessionChange(REMOTE_CONNECT, 3);
            assertEquals(List.of(2, 2, 3), sessionsStarted());
        }
    }

    @Test
    void alreadyActiveSessionsGetTheProgramOnceAtOpen() {
        logOn(1, "carol");
        logOn(2, "alice");
        FakeWts.setSessionInfo(3, 24, FakeWts.sessionInfo(4, 3, new long[6], "S3", "CONTOSO", "dave",
                Instant.EPOCH, null, null, Instant.EPOCH, null)); // disconnected: not active
        try (WtsLaunchOnLogon launcher = open(WtsLaunchOnLogon.Options.defaults().withAlreadyActiveSessions(true))) {
            FakeEvents.sessionChange(LOGON, 2); // a late event of a logon it has seen already
            assertEquals(List.of(1, 2), sessionsStarted());
        }
        try (WtsLaunchOnLogon launcher = open(WtsLaunchOnLogon.Options.defaults())) {
            assertEquals(List.of(1, 2), sessionsStarted(), "without the option: none at open");
        }
    }

    @Test
    void aFailingLaunchIsLoggedAndTheNextOnesStillHappen() {
        try (WtsLaunchOnLogon launcher = open(WtsLaunchOnLogon.Options.defaults())) {
            FakeEvents.sessionChange(LOGON, 1); // the user is already gone: 1008
            FakeWts.injectError("CreateProcessAsUserW", 2, 1); // the program is missing once
            logOn(2, "alice");
            FakeEvents.sessionChange(LOGON, 2);
            logOn(3, "bob");
            FakeEvents.sessionChange(LOGON, 3);
            assertEquals(List.of(3), sessionsStarted());
            assertTrue(launcher.isOpen());
        }
    }

    @Test
    void startOptionsAndCloseApply() {
        WtsLaunchOnLogon launcher = open(WtsLaunchOnLogon.Options.defaults()
                .withStartOptions(WtsStartOptions.defaults().withWindow(WtsShowWindow.HIDDEN)));
        logOn(2, "alice");
        FakeEvents.sessionChange(LOGON, 2);
        assertEquals(List.of(2), sessionsStarted());
        assertEquals(0, FakeLaunch.startedNumbers(0)[3], "SW_HIDE");
        launcher.close();
        launcher.close();
        assertFalse(launcher.isOpen());
        assertTrue(started.get(0).isAlive(), "closing the launcher ends no program");
    }

    @Test
    void badArgumentsAreRejectedBeforeAnyNativeCall() {
        long before = FakeWts.callCount();
        assertThrows(IllegalArgumentException.class, () -> WtsLaunchOnLogon.open("", WtsLaunchOnLogon.Options.defaults()));
        assertThrows(IllegalArgumentException.class, () -> WtsLaunchOnLogon.open("C:\\Program Files\\x.exe --a",
                WtsLaunchOnLogon.Options.defaults()));
        assertThrows(NullPointerException.class, () -> WtsLaunchOnLogon.open("x.exe", null));
        assertThrows(NullPointerException.class, () -> WtsLaunchOnLogon.Options.defaults().withStartOptions(null));
        assertThrows(NullPointerException.class, () -> WtsLaunchOnLogon.Options.defaults().withOnStarted(null));
        assertEquals(before, FakeWts.callCount());
    }
}
