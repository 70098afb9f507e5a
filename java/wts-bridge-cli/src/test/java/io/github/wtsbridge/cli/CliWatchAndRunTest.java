package io.github.wtsbridge.cli;

import static io.github.wtsbridge.cli.CliTest.at;
import static io.github.wtsbridge.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.testing.FakeEvents;
import io.github.wtsbridge.testing.FakeLaunch;
import io.github.wtsbridge.testing.FakeTestBase;
import io.github.wtsbridge.testing.FakeWorlds;
import io.github.wtsbridge.testing.FakeWts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CLI's watch (session events) and run-as-user (start a program in a session) against the fake. */
class CliWatchAndRunTest extends FakeTestBase {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d";

    @BeforeEach
    void world() {
        FakeWorlds.rdsh();
        FakeLaunch.logOn(2, FakeLaunch.LIMITED, new String[] {"USERNAME=bob", "USERPROFILE=C:\\Users\\bob"});
    }

    @AfterEach
    void nothingRegistered() {
        assertEquals(0, FakeEvents.registrations(), "the subscription was not closed");
        assertEquals(0, FakeEvents.windows());
    }

    private static CompletableFuture<CliTest.Run> inBackground(String... args) {
        return CompletableFuture.supplyAsync(() -> cli(args));
    }

    @Test
    void watchPrintsEachChangeAndStopsAfterCount() throws Exception {
        CompletableFuture<CliTest.Run> watching = inBackground("watch", "--count", "3");
        assertTrue(FakeEvents.await(() -> FakeEvents.registrations() == 1, WAIT), "watch did not subscribe");
        assertEquals(1, FakeEvents.sessionChange(5, 2));
        assertEquals(1, FakeEvents.sessionChange(7, 1));
        assertEquals(1, FakeEvents.sessionChange(42, 3)); // newer than this library
        CliTest.Run run = watching.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertEquals(0, run.code(), run.err());
        List<String> lines = run.outLines();
        assertEquals("TIME                 EVENT                   SESSION", lines.get(0));
        assertTrue(lines.get(1).matches(TIME + "  SESSION_LOGON           2"), lines.get(1));
        assertTrue(lines.get(2).matches(TIME + "  SESSION_LOCK            1"), lines.get(2));
        assertTrue(lines.get(3).matches(TIME + "  UNKNOWN\\(42\\)             3"), lines.get(3));
        assertEquals(4, lines.size());
    }

    @Test
    void watchJsonLines() throws Exception {
        CompletableFuture<CliTest.Run> watching = inBackground("watch", "--json", "--count=2");
        assertTrue(FakeEvents.await(() -> FakeEvents.registrations() == 1, WAIT));
        Instant before = Instant.now().minusSeconds(1);
        FakeEvents.sessionChange(8, 4);
        FakeEvents.sessionChange(4, 2);
        CliTest.Run run = watching.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertEquals(0, run.code(), run.err());
        List<String> lines = run.outLines();
        assertEquals(2, lines.size(), run.out());
        Map<String, Object> unlock = StrictJson.object(lines.get(0));
        assertEquals("SESSION_UNLOCK", unlock.get("event"));
        assertEquals(8L, unlock.get("eventCode"));
        assertEquals(4L, unlock.get("sessionId"));
        assertFalse(Instant.parse((String) unlock.get("time")).isBefore(before));
        assertEquals("REMOTE_DISCONNECT", StrictJson.object(lines.get(1)).get("event"));
    }

    @Test
    void watchForAWhileAndOnlyTheOwnSession() throws Exception {
        FakeWts.setCurrentProcess(4711, 3);
        long start = System.nanoTime();
        CompletableFuture<CliTest.Run> watching = inBackground("watch", "--own-session", "--for", "0.8");
        assertTrue(FakeEvents.await(() -> FakeEvents.registrations() == 1, WAIT));
        assertEquals(0, FakeEvents.sessionChange(5, 2), "another session's change reached a THIS_SESSION watch");
        assertEquals(1, FakeEvents.sessionChange(7, 3));
        CliTest.Run run = watching.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(0, run.code(), run.err());
        assertEquals(2, run.outLines().size(), run.out());
        assertTrue(run.outLines().get(1).contains("SESSION_LOCK"));
        assertTrue(took.compareTo(Duration.ofMillis(800)) >= 0 && took.compareTo(Duration.ofSeconds(5)) < 0, took.toString());
    }

    @Test
    void runAsUserInASession() {
        CliTest.Run run = cli("run-as-user", "--session", "2", "--dir", "C:\\Users\\bob", "--env", "ACME=1",
                "--window", "hidden", "--", "C:\\Program Files\\Acme\\acme.exe", "--welcome", "two words");
        assertEquals(0, run.code(), run.err());
        long pid = FakeLaunch.startedNumbers(0)[0];
        assertEquals("started process " + pid + " in session 2\n", run.out());
        // Each argument stays one: the path with spaces is quoted, never joined bare (CWE-428).
        assertArrayEquals(new String[] {"\"C:\\Program Files\\Acme\\acme.exe\" --welcome \"two words\"", "winsta0\\default",
            "C:\\Users\\bob", null}, FakeLaunch.startedTexts(0));
        assertArrayEquals(new String[] {"ACME=1", "USERNAME=bob", "USERPROFILE=C:\\Users\\bob"},
                FakeLaunch.startedEnvironment(0));
        assertEquals(0, FakeLaunch.startedNumbers(0)[3], "SW_HIDE");
        assertEquals(0, FakeLaunch.startedNumbers(0)[6], "not elevated");
    }

    @Test
    void runAsUserInTheConsoleSessionAndWait() throws Exception {
        FakeWts.setConsoleSession(2);
        CompletableFuture<CliTest.Run> running = inBackground("run-as-user", "--json", "--wait", "notepad.exe");
        assertTrue(FakeEvents.await(() -> FakeLaunch.startedCount() == 1, WAIT));
        long pid = FakeLaunch.startedNumbers(0)[0];
        assertTrue(FakeLaunch.exitProcess(pid, 3));
        CliTest.Run run = running.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertEquals(0, run.code(), run.err());
        Map<String, Object> result = at(run.json(), "results", 0);
        assertTrue(result.containsKey("server"));
        assertNull(result.get("server"), "this machine");
        assertEquals("ok", result.get("status"));
        assertEquals(2L, result.get("sessionId"));
        assertEquals(pid, result.get("pid"));
        assertEquals(3L, result.get("exitCode"));
        assertEquals("notepad.exe", FakeLaunch.startedTexts(0)[0]);
    }

    @Test
    void runAsUserWhereNobodyIsLoggedOn() {
        CliTest.Run run = cli("run-as-user", "--session", "1", "notepad.exe"); // Console: nobody logged on
        assertEquals(ExitCode.FAILED, run.code());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("wts-bridge: "), run.err());
        assertTrue(run.err().contains("1008"), run.err());

        FakeWts.setConsoleSession(-1);
        CliTest.Run json = cli("run-as-user", "--json", "notepad.exe");
        assertEquals(ExitCode.FAILED, json.code());
        Map<String, Object> error = at(json.json(), "results", 0, "error");
        assertEquals(1008L, error.get("code"));
        // no console session: the active remote user is chosen, CORP\\alice on session 1, who has no token here
        assertEquals("WTSQueryUserToken", error.get("function"));
        assertEquals(0, FakeLaunch.startedCount());
    }

    @Test
    void runAsUserCapturePrintsTheOutputAndExitsWithTheProgramsCode() {
        CliTest.Run run = cli("run-as-user", "--session", "2", "--capture", "spew.exe", "30", "5", "42");
        assertEquals(42, run.code(), run.err());
        assertEquals("abcdefghijklmnopqrstuvwxyzabcd", run.out(), "the program's stdout, nothing else");
        assertEquals("abcde", run.err());
        assertEquals(0b111, FakeLaunch.startedNumbers(0)[7], "stdin (NUL), stdout, stderr");

        CliTest.Run json = cli("run-as-user", "--json", "--session", "2", "--capture", "spew.exe", "3", "2", "0");
        assertEquals(0, json.code(), json.err());
        Map<String, Object> result = at(json.json(), "results", 0);
        assertEquals("abc", result.get("stdout"));
        assertEquals("ab", result.get("stderr"));
        assertEquals(0L, result.get("exitCode"));
    }

    @Test
    void runAsUserByUserNameAndByChoice() {
        // FakeWorlds.rdsh: CORP\alice on the console (session 1, active), CORP\BOB on session 2 (disconnected)
        FakeLaunch.logOn(1, FakeLaunch.DEFAULT, new String[] {"USERNAME=alice"});
        FakeWts.setConsoleSession(1);
        CliTest.Run byUser = cli("run-as-user", "--user", "ALICE@corp.example", "notepad.exe");
        assertEquals(0, byUser.code(), byUser.err());
        assertTrue(byUser.out().endsWith(" in session 1\n"), byUser.out());
        assertEquals(ExitCode.USAGE, cli("run-as-user", "--user", "corp\\" + FakeWorlds.BOB, "x.exe").code(),
                "a name with a backslash of its own cannot be written DOMAIN\\name");

        CliTest.Run console = cli("run-as-user", "--choose", "console", "notepad.exe");
        assertEquals(0, console.code(), console.err());
        assertTrue(console.out().endsWith(" in session 1\n"), console.out());

        CliTest.Run remote = cli("run-as-user", "--choose", "remote", "notepad.exe");
        assertEquals(ExitCode.FAILED, remote.code(), "bob's session is disconnected: no active remote user");
        assertTrue(remote.err().contains("no remote session is active"), remote.err());

        CliTest.Run nobody = cli("run-as-user", "--user", "mallory", "notepad.exe");
        assertEquals(ExitCode.FAILED, nobody.code());
        assertTrue(nobody.err().contains("mallory"), nobody.err());
        assertEquals(2, FakeLaunch.startedCount());
    }

    @Test
    void runAsUserUsageErrors() {
        assertEquals(ExitCode.USAGE, cli("run-as-user", "--choose", "nearest", "x.exe").code());
        assertEquals(ExitCode.USAGE, cli("run-as-user", "--session", "2", "--user", "bob", "x.exe").code());
        assertEquals(ExitCode.USAGE, cli("run-as-user", "--user", "a\\b\\c", "x.exe").code());
        assertEquals(ExitCode.USAGE, cli("run-as-user", "--capture").code());
        assertEquals(0, FakeLaunch.startedCount());
    }
}
