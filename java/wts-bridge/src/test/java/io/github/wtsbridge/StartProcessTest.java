package io.github.wtsbridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.internal.Launcher;
import io.github.wtsbridge.testing.FakeLaunch;
import io.github.wtsbridge.testing.FakeTestBase;
import io.github.wtsbridge.testing.FakeWts;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** WtsSession.startProcess through the real shim against the fake (fake_launch.c). */
class StartProcessTest extends FakeTestBase {
    private static final long CREATE_NEW_CONSOLE = 0x10;
    private static final long CREATE_UNICODE_ENVIRONMENT = 0x400;
    private static final String[] ALICE_ENVIRONMENT = {
        "=C:=C:\\Users\\alice", "ALLUSERSPROFILE=C:\\ProgramData", "Path=C:\\Windows\\system32;C:\\Windows",
        "USERNAME=alice", "USERPROFILE=C:\\Users\\alice"};

    @BeforeEach
    void aliceOnSessionTwo() {
        FakeWts.addSession(0, 4, "Services");
        FakeWts.addSession(1, 0, "Console");
        FakeWts.addSession(2, 0, "RDP-Tcp#4");
        FakeWts.addSession(3, 1, "RDP-Tcp#5"); // connected, nobody logged on
        FakeLaunch.logOn(2, FakeLaunch.LIMITED, ALICE_ENVIRONMENT);
    }

    @Test
    void startsOnTheUsersDesktopWithHerEnvironmentMergedWithOurs() {
        WtsStartOptions options = WtsStartOptions.defaults()
                .withWorkingDirectory("C:\\Users\\alice\\Documents")
                .withEnvironmentVariable("ACME_UPDATED", "1")
                .withEnvironmentVariable("PATH", "C:\\Acme;C:\\Windows"); // replaces her "Path"

        try (WtsStartedProcess p = WtsServer.local().session(2).startProcess("\"C:\\Program Files\\Acme\\acme.exe\" --welcome", options)) {
            assertEquals(7000, p.pid());
            assertEquals(2, p.sessionId());
        }

        assertEquals(1, FakeLaunch.startedCount());
        assertArrayEquals(new String[] {"\"C:\\Program Files\\Acme\\acme.exe\" --welcome", "winsta0\\default",
            "C:\\Users\\alice\\Documents", null}, FakeLaunch.startedTexts(0), "no lpApplicationName");
        assertArrayEquals(new String[] {"=C:=C:\\Users\\alice", "ACME_UPDATED=1", "ALLUSERSPROFILE=C:\\ProgramData",
            "PATH=C:\\Acme;C:\\Windows", "USERNAME=alice", "USERPROFILE=C:\\Users\\alice"},
                FakeLaunch.startedEnvironment(0));
        long[] n = FakeLaunch.startedNumbers(0);
        assertEquals(CREATE_UNICODE_ENVIRONMENT | CREATE_NEW_CONSOLE, n[1], "creation flags");
        assertEquals(1, n[2], "STARTF_USESHOWWINDOW");
        assertEquals(1, n[3], "SW_SHOWNORMAL");
        assertEquals(0, n[4], "handles not inherited");
        assertEquals(2, n[5], "token of session 2");
        assertEquals(0, n[6], "the plain (filtered) token unless elevation is asked for");
    }

    @Test
    void anExplicitApplicationPathIsPassedAsLpApplicationNameAndArgv0() {
        String app = "C:\\Program Files\\Acme\\acme.exe";
        try (WtsStartedProcess p = WtsServer.local().session(2).startApplication(app, List.of("--welcome", "two words", ""), WtsStartOptions.defaults())) {
            assertEquals(2, p.sessionId());
        }
        String[] texts = FakeLaunch.startedTexts(0);
        assertEquals(app, texts[3], "lpApplicationName: Windows runs this file, no search, no C:\\Program.exe");
        assertEquals("\"C:\\Program Files\\Acme\\acme.exe\" --welcome \"two words\" \"\"", texts[0]);
        assertEquals("winsta0\\default", texts[1]);
        // a UNC path and no arguments: the line is the path alone
        WtsServer.local().session(2).startApplication("\\\\fs01\\apps\\tool.cmd", List.of(), WtsStartOptions.defaults()).close();
        assertEquals("\\\\fs01\\apps\\tool.cmd", FakeLaunch.startedTexts(1)[3]);
        assertEquals("\\\\fs01\\apps\\tool.cmd", FakeLaunch.startedTexts(1)[0]);
    }

    @Test
    void anApplicationPathWindowsWouldResolveOrGuessIsRefusedBeforeAnyCall() {
        long calls = FakeWts.callCount();
        WtsStartOptions defaults = WtsStartOptions.defaults();
        for (String bad : new String[] {"acme.exe", "Acme\\acme.exe", "\\Acme\\acme.exe", "C:acme.exe",
                                        "C:\\Acme\\acme", "C:\\Acme\\acme.", "C:\\Acme\\.exe", "C:\\Ac\"me\\a.exe",
                                        "C:\\Acme\\a\0.exe", "", "1:\\a.exe"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> WtsServer.local().session(2).startApplication(bad, List.of(), defaults), bad);
            assertTrue(e.getMessage().contains("application path"), e.getMessage());
        }
        assertThrows(NullPointerException.class, () -> WtsServer.local().session(2).startApplication(null, List.of(), defaults));
        assertThrows(NullPointerException.class, () -> WtsServer.local().session(2).startApplication("C:\\a.exe", null, defaults));
        assertThrows(NullPointerException.class,
                () -> WtsServer.local().session(2).startApplication("C:\\a.exe", java.util.Arrays.asList("x", null), defaults));
        assertThrows(NullPointerException.class, () -> WtsServer.local().session(2).startApplication("C:\\a.exe", List.of(), null));
        assertThrows(IllegalArgumentException.class,
                () -> WtsServer.local().session(2).startApplication("C:\\a.exe", List.of("a\0b"), defaults));
        assertThrows(IllegalArgumentException.class,
                () -> WtsServer.local().session(2).startApplication("C:\\a.exe", List.of("x".repeat(32_760)), defaults));
        assertThrows(IllegalArgumentException.class,
                () -> WtsServer.local().session(-1).startApplication("C:\\a.exe", List.of(), defaults));
        assertEquals(calls, FakeWts.callCount());
        assertEquals(0, FakeLaunch.startedCount());
    }

    @Test
    void defaultsUseTheUsersOwnEnvironmentAndTheCallersDirectory() {
        try (WtsStartedProcess p = WtsServer.local().session(2).startProcess("notepad.exe", WtsStartOptions.defaults())) {
            assertTrue(p.isAlive());
        }
        assertArrayEquals(ALICE_ENVIRONMENT, FakeLaunch.startedEnvironment(0));
        assertNull(FakeLaunch.startedTexts(0)[2], "NULL working directory");
    }

    @Test
    void hiddenAndProgramDefaultWindows() {
        WtsServer.local().session(2).startProcess("helper.exe", WtsStartOptions.defaults().withWindow(WtsShowWindow.HIDDEN)).close();
        WtsServer.local().session(2).startProcess("helper.exe", WtsStartOptions.defaults()
                .withWindow(WtsShowWindow.PROGRAM_DEFAULT).withDesktop("winsta0\\winlogon")).close();

        assertEquals(1, FakeLaunch.startedNumbers(0)[2]);
        assertEquals(0, FakeLaunch.startedNumbers(0)[3], "SW_HIDE");
        assertEquals(0, FakeLaunch.startedNumbers(1)[2], "no STARTF_USESHOWWINDOW");
        assertEquals("winsta0\\winlogon", FakeLaunch.startedTexts(1)[1]);
    }

    @Test
    void elevatedUsesTheLinkedTokenWhereUacSplitsIt() {
        WtsServer.local().session(2).startProcess("setup.exe", WtsStartOptions.defaults().withElevated(true)).close();
        assertEquals(1, FakeLaunch.startedNumbers(0)[6], "linked, elevated token");
    }

    @Test
    void elevatedOnAUserWithoutASplitTokenUsesHerTokenAsItIs() {
        FakeWts.addSession(4, 0, "RDP-Tcp#6");
        FakeLaunch.logOn(4, FakeLaunch.DEFAULT, new String[] {"USERNAME=bob"});

        WtsServer.local().session(4).startProcess("setup.exe", WtsStartOptions.defaults().withElevated(true)).close();

        assertEquals(0, FakeLaunch.startedNumbers(0)[6]);
        assertEquals(4, FakeLaunch.startedNumbers(0)[5]);
    }

    @Test
    void unicodeBeyondTheBmpReachesWindowsIntact() {
        String dir = "C:\\Users\\\u00E5sa\\\uD83D\uDCC1";
        String command = "\"C:\\T\u00E9st\\\uD83D\uDE80.exe\" \u4E2D\u6587";
        WtsServer.local().session(2).startProcess(command, WtsStartOptions.defaults().withWorkingDirectory(dir)
                .withEnvironmentVariable("GR\u00DC\u00DF", "\uD83C\uDF89")).close();

        assertEquals(command, FakeLaunch.startedTexts(0)[0]);
        assertEquals(dir, FakeLaunch.startedTexts(0)[2]);
        assertTrue(java.util.List.of(FakeLaunch.startedEnvironment(0)).contains("GR\u00DC\u00DF=\uD83C\uDF89"));
    }

    @Test
    void waitsForExitAndReadsTheExitCodeUnsigned() throws Exception {
        try (WtsStartedProcess p = WtsServer.local().session(2).startProcess("job.exe", WtsStartOptions.defaults())) {
            assertEquals(OptionalLong.empty(), p.exitCode());
            assertFalse(p.waitFor(Duration.ofMillis(20)));
            CompletableFuture<Long> waiter = CompletableFuture.supplyAsync(p::waitFor);
            Thread.sleep(50);
            assertFalse(waiter.isDone());

            assertTrue(FakeLaunch.exitProcess(p.pid(), 0xC000_0005));

            assertEquals(0xC000_0005L, waiter.get(5, TimeUnit.SECONDS));
            assertTrue(p.waitFor(Duration.ZERO));
            assertFalse(p.isAlive());
            assertEquals(OptionalLong.of(0xC000_0005L), p.exitCode());
        }
    }

    @Test
    void closeIsIdempotentAndUseAfterCloseThrows() {
        WtsStartedProcess p = WtsServer.local().session(2).startProcess("job.exe", WtsStartOptions.defaults());
        assertEquals(1, FakeWts.openHandles(), "the process handle, nothing else");
        p.close();
        p.close();
        assertEquals(0, FakeWts.openHandles());
        assertEquals(7000, p.pid(), "the pid stays readable");
        assertThrows(IllegalStateException.class, p::exitCode);
        assertThrows(IllegalStateException.class, () -> p.waitFor(Duration.ZERO));
        assertThrows(IllegalStateException.class, p::waitFor);
    }

    @Test
    void closeDuringAWaitTakesEffectWhenTheWaitReturns() throws Exception {
        WtsStartedProcess p = WtsServer.local().session(2).startProcess("job.exe", WtsStartOptions.defaults());
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> p.waitFor(Duration.ofSeconds(30)));
        Thread.sleep(50);

        p.close();
        assertEquals(1, FakeWts.openHandles(), "not closed under the waiting thread");
        FakeLaunch.exitProcess(p.pid(), 0);

        assertTrue(waiter.get(5, TimeUnit.SECONDS));
        assertEquals(0, FakeWts.openHandles());
        assertThrows(IllegalStateException.class, p::exitCode);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"WTSQueryUserToken", "GetTokenInformation", "GetTokenInformation:TokenLinkedToken",
        "DuplicateTokenEx", "CreateEnvironmentBlock", "CreateProcessAsUserW"})
    void aFailureAtAnyStepReleasesEveryTokenAndBlock(String step) {
        FakeWts.injectError(step, 5, 1);

        WtsException e = assertThrows(WtsException.class, () -> WtsServer.local().session(2).startProcess("setup.exe", WtsStartOptions.defaults().withElevated(true)));

        assertEquals(5, e.errorCode());
        assertEquals(step.replace(":TokenLinkedToken", ""), e.function());
        assertEquals("Access is denied.", e.systemMessage());
        assertEquals(0, FakeLaunch.startedCount());
        assertEquals(0, FakeWts.openHandles(), "tokens and environment blocks left open");
    }

    @ParameterizedTest(name = "{0} missing")
    @ValueSource(strings = {"WTSQueryUserToken", "GetTokenInformation", "DuplicateTokenEx", "CreateEnvironmentBlock",
        "CreateProcessAsUserW"})
    void aMissingFunctionIs127AndLeaksNothing(String function) {
        FakeWts.removeFunction(function);

        WtsException e = assertThrows(WtsException.class, () -> WtsServer.local().session(2).startProcess("setup.exe", WtsStartOptions.defaults().withElevated(true)));

        assertEquals(127, e.errorCode());
        assertEquals(function, e.function());
        assertEquals(0, FakeWts.openHandles());
    }

    @Test
    void notLocalSystemIs1314WithTheHint() {
        FakeWts.injectError("WTSQueryUserToken", 1314, 1);

        WtsException e = assertThrows(WtsException.class, () -> WtsServer.local().session(2).startProcess("notepad.exe", WtsStartOptions.defaults()));

        assertEquals(1314, e.errorCode());
        assertEquals("WTSQueryUserToken", e.function());
        assertTrue(e.getMessage().contains("LocalSystem"), e.getMessage());
    }

    @Test
    void aSessionWithoutAUserIsWtsNoUserException() {
        WtsNoUserException e = assertThrows(WtsNoUserException.class, () -> WtsServer.local().session(3).startProcess("x.exe", WtsStartOptions.defaults()));

        assertEquals(1008, e.errorCode());
        assertEquals("WTSQueryUserToken", e.function());
        assertEquals(OptionalInt.of(3), e.sessionId());
        assertTrue(e.getMessage().contains("nobody is logged on to session 3"), e.getMessage());
        assertFalse(e.getMessage().contains("that session"), "the hint twice: " + e.getMessage());
        assertInstanceOf(WtsException.class, e.getCause());
    }

    @Test
    void aSessionThatDoesNotExistIsNoSuchSession() {
        WtsException e = assertThrows(WtsException.class, () -> WtsServer.local().session(9).startProcess("x.exe", WtsStartOptions.defaults()));
        assertEquals(WtsException.ERROR_FILE_NOT_FOUND, e.errorCode()); // as WTSQueryUserToken documents it
        assertEquals("WTSQueryUserToken", e.function());
        assertTrue(e.isNoSuchSession());
        assertFalse(e instanceof WtsNoUserException);
    }

    @Test
    void activeSessionIsTheConsoleSession() {
        FakeLaunch.logOn(1, FakeLaunch.DEFAULT, new String[] {"USERNAME=carol"});
        FakeWts.setSessionInfo(1, 24, FakeWts.sessionInfo(0, 1, new long[6], "Console", "CONTOSO", "carol",
                null, null, null, null, null));
        FakeWts.setConsoleSession(1);

        try (WtsStartedProcess p = WtsSession.startProcessInActiveSession("updater.exe /ui", WtsStartOptions.defaults())) {
            assertEquals(1, p.sessionId());
        }
        assertEquals(1, FakeLaunch.startedNumbers(0)[5]);
    }

    @Test
    void noConsoleSessionIsAClearException() {
        FakeWts.setConsoleSession(-1);

        WtsNoUserException e = assertThrows(WtsNoUserException.class,
                () -> WtsSession.startProcessInActiveSession("updater.exe", WtsStartOptions.defaults()));

        assertEquals(OptionalInt.empty(), e.sessionId());
        assertEquals("WTSEnumerateSessionsW", e.function());
        assertTrue(e.getMessage().contains("nobody is logged on to the console"), e.getMessage());
    }

    @Test
    void nobodyOnTheConsoleIsAClearException() {
        FakeWts.setConsoleSession(1); // the console session exists, nobody logged on

        WtsNoUserException e = assertThrows(WtsNoUserException.class,
                () -> WtsSession.startProcessInActiveSession("updater.exe", WtsStartOptions.defaults()));

        assertEquals(OptionalInt.empty(), e.sessionId(), "nothing was started: no session qualified");
        assertEquals(0, FakeLaunch.startedCount());
    }

    @Test
    void badWaitsAreRejectedBeforeAnyNativeCall() {
        try (WtsStartedProcess p = WtsServer.local().session(2).startProcess("job.exe", WtsStartOptions.defaults())) {
            long before = FakeWts.callCount();
            assertThrows(IllegalArgumentException.class, () -> p.waitFor(Duration.ofMillis(-1)));
            assertThrows(NullPointerException.class, () -> p.waitFor(null));
            assertEquals(before, FakeWts.callCount());
        }
    }

    @Test
    void theLongestCommandLineIsAccepted() {
        String longest = "x".repeat(WtsSession.MAX_COMMAND_LINE_CHARS);
        WtsServer.local().session(2).startProcess(longest, WtsStartOptions.defaults()).close();
        assertEquals(longest, FakeLaunch.startedTexts(0)[0]);
    }

    @Test
    void badInputIsRejectedBeforeAnyNativeCall() {
        long before = FakeWts.callCount();
        WtsStartOptions options = WtsStartOptions.defaults();

        assertThrows(IllegalArgumentException.class, () -> WtsServer.local().session(-1).startProcess("x.exe", options));
        assertThrows(IllegalArgumentException.class, () -> WtsServer.local().session(2).startProcess("", options));
        assertThrows(IllegalArgumentException.class, () -> WtsServer.local().session(2).startProcess("   ", options));
        assertThrows(IllegalArgumentException.class, () -> WtsServer.local().session(2).startProcess("x.exe\0evil", options));
        assertThrows(IllegalArgumentException.class,
                () -> WtsServer.local().session(2).startProcess("x".repeat(WtsSession.MAX_COMMAND_LINE_CHARS + 1), options));
        assertThrows(NullPointerException.class, () -> WtsServer.local().session(2).startProcess(null, options));
        assertThrows(NullPointerException.class, () -> WtsServer.local().session(2).startProcess("x.exe", null));
        assertThrows(IllegalArgumentException.class, () -> WtsSession.startProcessInActiveSession("", options));
        assertThrows(NullPointerException.class, () -> WtsSession.startProcessInActiveSession("x.exe", null));

        assertThrows(IllegalArgumentException.class, () -> options.withEnvironmentVariable("", "v"));
        assertThrows(IllegalArgumentException.class, () -> options.withEnvironmentVariable("A=B", "v"));
        assertThrows(IllegalArgumentException.class, () -> options.withEnvironmentVariable("A\0", "v"));
        assertThrows(IllegalArgumentException.class, () -> options.withEnvironmentVariable("A", "v\0"));
        assertThrows(IllegalArgumentException.class, () -> options.withEnvironmentVariable("A", "v".repeat(32_768)));
        assertThrows(NullPointerException.class, () -> options.withEnvironmentVariable(null, "v"));
        assertThrows(NullPointerException.class, () -> options.withEnvironmentVariable("A", null));
        assertThrows(IllegalArgumentException.class, () -> options.withWorkingDirectory(""));
        assertThrows(IllegalArgumentException.class, () -> options.withWorkingDirectory("C:\\\0"));
        assertThrows(IllegalArgumentException.class, () -> options.withDesktop(""));
        assertThrows(IllegalArgumentException.class, () -> options.withDesktop("winsta0\0"));
        assertThrows(NullPointerException.class, () -> options.withWindow(null));

        assertEquals(before, FakeWts.callCount());
    }

    @Test
    void optionsAreImmutableAndNamesCompareWithoutCase() {
        WtsStartOptions base = WtsStartOptions.defaults();
        WtsStartOptions changed = base.withEnvironmentVariable("Path", "a").withEnvironmentVariable("PATH", "b");

        assertEquals(Map.of(), base.environment());
        assertEquals(Map.of("PATH", "b"), changed.environment());
        assertEquals(WtsStartOptions.DEFAULT_DESKTOP, base.desktop());
        assertEquals(WtsShowWindow.NORMAL, base.window());
        assertFalse(base.elevated());
    }

    @Test
    void anEmptyEnvironmentIsTwoNuls() {
        assertArrayEquals(new char[] {0, 0}, Launcher.environmentBlock(new String[0], Map.of()));
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("b", "2");
        extra.put("A", "1");
        assertEquals("A=1\0b=2\0\0", new String(Launcher.environmentBlock(new String[0], extra)));
    }
}
