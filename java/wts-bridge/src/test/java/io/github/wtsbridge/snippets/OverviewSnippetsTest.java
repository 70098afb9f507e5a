package io.github.wtsbridge.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.testing.FakeEnumEx;
import io.github.wtsbridge.testing.FakeEvents;
import io.github.wtsbridge.testing.FakeLaunch;
import io.github.wtsbridge.testing.FakeServers;
import io.github.wtsbridge.testing.FakeTestBase;
import io.github.wtsbridge.testing.FakeWorlds;
import io.github.wtsbridge.testing.FakeWts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs each example of the overview page ({@link OverviewSnippets}) against the fake and checks
 * what it printed: the page shows code that compiles and does what the text says.
 */
class OverviewSnippetsTest extends FakeTestBase {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PrintStream realOut;

    @BeforeEach
    void capturePrinting() {
        realOut = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restorePrinting() {
        System.setOut(realOut);
    }

    private List<String> lines() {
        System.out.flush();
        String text = printed.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\\R"));
    }

    /** Session 1's WTSUserName reply (alice: the world's class-24 reply is not used for it), and session 1 on the console. */
    private static void aliceOnConsoleSessionOne() {
        FakeWts.setSessionInfo(1, 5, FakeWts.utf16z("alice"));
        FakeWts.setConsoleSession(1);
    }

    @Test
    void listsEverySessionWithItsUserAndTheConsole() {
        FakeWorlds.rdsh();
        FakeEnumEx.setSessionDetails(1, "RDSH01", "alice", "CORP", "");
        FakeEnumEx.setSessionDetails(2, "RDSH01", "bob", "CORP", "");
        aliceOnConsoleSessionOne();

        OverviewSnippets.listSessionsAndUsers();

        assertEquals(List.of(
                "0      Services   DISCONNECTED (nobody)",
                "1      Console    ACTIVE       CORP\\alice",
                "2      RDP-Tcp#3  DISCONNECTED CORP\\bob",
                "65536  RDP-Tcp    LISTEN       (nobody)",
                "console: session 1, alice"), lines());
    }

    @Test
    void noConsoleSessionPrintsNoConsoleLine() {
        FakeWts.addSession(0, 4, "Services");
        FakeWts.setConsoleSession(-1);

        OverviewSnippets.listSessionsAndUsers();

        assertEquals(List.of("0      Services   DISCONNECTED (nobody)"), lines());
    }

    @Test
    void watchesLogonLockUnlockAndLogoffUntilTheServiceStops() throws Exception {
        FakeWorlds.rdsh();
        FakeWts.setSessionInfo(2, 5, FakeWts.utf16z("bob"));
        CountDownLatch stopping = new CountDownLatch(1);
        CompletableFuture<Void> service = CompletableFuture.runAsync(() -> {
            try {
                OverviewSnippets.watchLockAndLogon(stopping);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            assertTrue(FakeEvents.await(() -> FakeEvents.registrations() == 1, WAIT), "subscribed");
            FakeEvents.sessionChange(5, 2); // WTS_SESSION_LOGON
            FakeEvents.sessionChange(3, 2); // WTS_REMOTE_CONNECT: not printed
            FakeEvents.sessionChange(7, 2); // WTS_SESSION_LOCK
            FakeEvents.sessionChange(8, 2); // WTS_SESSION_UNLOCK
            FakeEvents.sessionChange(6, 2); // WTS_SESSION_LOGOFF
            assertTrue(FakeEvents.await(() -> lines().size() == 4, WAIT), "printed: " + lines());
        } finally {
            stopping.countDown();
            service.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        assertEquals(List.of("logon: bob in session 2", "locked: session 2", "unlocked: session 2",
                "logoff: session 2"), lines());
        assertEquals(0, FakeEvents.registrations(), "the try-with-resources closed the subscription");
        assertEquals(0, FakeEvents.windows());
    }

    @Test
    void startsTheUpdaterOnTheConsoleUsersDesktopAndWaitsForIt() throws Exception {
        FakeWts.addSession(0, 4, "Services");
        FakeWts.addSession(1, 0, "Console");
        FakeWts.setConsoleSession(1);
        // The session choice asks who is on the console (WTSSessionInfo): alice.
        Instant logon = Instant.parse("2026-12-07T08:00:00Z");
        FakeWts.setSessionInfo(1, 24, FakeWts.sessionInfo(0, 1, new long[6], "Console", "CORP", "alice",
                logon, null, null, logon, logon.plusSeconds(3600)));
        FakeLaunch.logOn(1, FakeLaunch.LIMITED, new String[] {"USERNAME=alice", "USERPROFILE=C:\\Users\\alice"});
        CompletableFuture<Void> ends = CompletableFuture.runAsync(() -> {
            FakeEvents.await(() -> FakeLaunch.startedCount() == 1, WAIT);
            FakeLaunch.exitProcess(FakeLaunch.startedNumbers(0)[0], 3);
        });

        OverviewSnippets.runOnTheUsersDesktop();

        ends.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(List.of("updater exited with 3"), lines());
        String[] texts = FakeLaunch.startedTexts(0);
        assertEquals("\"C:\\Program Files\\Acme\\updater.exe\" --notify", texts[0], "the quoted command line");
        assertEquals("winsta0\\default", texts[1], "the user's desktop");
        assertEquals(List.of("ACME_UPDATED=1", "USERNAME=alice", "USERPROFILE=C:\\Users\\alice"),
                List.of(FakeLaunch.startedEnvironment(0)));
        assertEquals(1, FakeLaunch.startedNumbers(0)[5], "the token of the console's session");
    }

    @Test
    void nobodyOnTheMachineIsOneLineAndNothingStarts() {
        FakeWts.addSession(1, 1, "Console"); // connected, nobody logged on; no RDP session
        FakeWts.setConsoleSession(1);

        OverviewSnippets.runOnTheUsersDesktop();

        assertEquals(List.of("nobody is using this machine: try again at the next logon"), lines());
        assertEquals(0, FakeLaunch.startedCount());
    }

    @Test
    void queriesManyServersOneLinePerUserOrFailure() throws InterruptedException {
        FakeWorlds.rdsh(); // every reachable fake server has this world
        FakeServers.reachable("rdsh01");
        FakeServers.script("rdsh02", FakeServers.DENIES);
        // rdsh03 is not scripted: unreachable (1722)

        OverviewSnippets.queryManyServers();

        assertEquals(List.of(
                "rdsh01: alice in session 1 (ACTIVE)",
                "rdsh01: " + FakeWorlds.BOB + " in session 2 (DISCONNECTED)",
                "rdsh02: WTSEnumerateSessionsW failed with error 5: Access is denied.",
                "rdsh03: WTSEnumerateSessionsW failed with error 1722: The RPC server is unavailable."
                        + " (the server is not reachable or its Remote Desktop Services are not running)"),
                lines());
    }

    @Test
    void printsTheUserOrWhatWentWrong() {
        FakeWts.addSession(1, 0, "Console");
        FakeWts.setSessionInfo(1, 5, FakeWts.utf16z("alice"));

        OverviewSnippets.handleWtsException(1);
        OverviewSnippets.handleWtsException(9); // no such session: 7022
        FakeWts.injectError("WTSQuerySessionInformationW", 5, 1);
        OverviewSnippets.handleWtsException(1);
        FakeWts.injectError("WTSQuerySessionInformationW", 50, 1);
        OverviewSnippets.handleWtsException(1);

        assertEquals(List.of(
                "user: alice",
                "session 9 has ended",
                "not allowed to look at session 1",
                "WTSQuerySessionInformationW failed with 50: The request is not supported."), lines());
    }
}
