package io.github.wtsbridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.testing.FakeLaunch;
import io.github.wtsbridge.testing.FakeTestBase;
import io.github.wtsbridge.testing.FakeWts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redirected standard streams and process control of started programs, against the fake's
 * emulated children (native/fake/fake_pipes.c): spew.exe OUT ERR CODE writes ERR bytes to
 * stderr, then OUT bytes to stdout, through pipes of 4 KiB; cat.exe copies stdin to stdout;
 * early.exe CODE ends at once; any other program runs until it is ended.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProcessIoTest extends FakeTestBase {
    private static final long CREATE_SUSPENDED = 0x4;
    private static final long CREATE_BREAKAWAY_FROM_JOB = 0x0100_0000;
    private static final long EXTENDED_STARTUPINFO_PRESENT = 0x0008_0000;
    private static final long STARTF_USESTDHANDLES = 0x100;
    private static final WtsStartOptions CAPTURE = WtsStartOptions.defaults()
            .withStdout(WtsRedirect.PIPE).withStderr(WtsRedirect.PIPE);

    @BeforeEach
    void aliceOnSessionTwo() {
        FakeWts.addSession(2, 0, "RDP-Tcp#4");
        FakeLaunch.logOn(2, FakeLaunch.DEFAULT, new String[] {"USERNAME=alice"});
    }

    private static WtsStartedProcess start(String commandLine, WtsStartOptions options) {
        return WtsServer.local().session(2).startProcess(commandLine, options);
    }

    private static byte[] pattern(int count) {
        byte[] bytes = new byte[count];
        for (int i = 0; i < count; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        return bytes;
    }

    @Test
    void largeOutputOnBothStreamsIsReadWithoutDeadlock() {
        // 1 MiB on stderr first, then 3 MiB on stdout, through 4 KiB pipes: reading stdout alone
        // first would block both sides for ever.
        try (WtsStartedProcess p = start("\"C:\\Tools\\spew.exe\" 3145728 1048576 7", CAPTURE)) {
            WtsProcessOutput output = p.readOutput();
            assertEquals(7, output.exitCode());
            assertArrayEquals(pattern(3_145_728), output.stdout());
            assertArrayEquals(pattern(1_048_576), output.stderr());
            assertEquals(7, p.exitValue());
        }
        long[] n = FakeLaunch.startedNumbers(0);
        assertEquals(STARTF_USESTDHANDLES, n[2] & STARTF_USESTDHANDLES);
        assertEquals(EXTENDED_STARTUPINFO_PRESENT, n[1] & EXTENDED_STARTUPINFO_PRESENT);
        assertEquals(1, n[4], "bInheritHandles, for the listed handles only");
        assertEquals(0b111, n[7], "stdin (NUL), stdout and stderr");
        assertEquals(3, n[8], "PROC_THREAD_ATTRIBUTE_HANDLE_LIST: exactly the three child ends");
        assertEquals(1, n[9], "each standard handle is in the list");
    }

    @Test
    void errorToOutputMergesTheStreamsIntoOnePipe() throws IOException {
        WtsStartOptions merged = WtsStartOptions.defaults().withStdout(WtsRedirect.PIPE).withErrorToOutput(true);
        try (WtsStartedProcess p = start("spew.exe 100 50 0", merged)) {
            byte[] all = p.stdout().readAllBytes();
            assertEquals(150, all.length);
            assertThrows(IllegalStateException.class, p::stderr);
            assertEquals(0, p.waitFor());
        }
        assertEquals(2, FakeLaunch.startedNumbers(0)[8], "stdin (NUL) and the one output pipe");
    }

    @Test
    void stdinIsFedThroughAPipeAndClosingItEndsTheInput() throws IOException {
        WtsStartOptions options = CAPTURE.withStdin(WtsRedirect.PIPE);
        try (WtsStartedProcess p = start("cat.exe", options)) {
            byte[] input = pattern(100_000);
            Thread feeder = new Thread(() -> {
                try (OutputStream in = p.stdin()) {
                    in.write(input);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            feeder.start();
            byte[] echoed = p.stdout().readAllBytes(); // ends because the feeder closed stdin
            assertArrayEquals(input, echoed);
            assertEquals(0, p.waitFor());
        }
    }

    @Test
    void aChildThatExitsEarlyGivesTheEndOfItsOutputAndAFailingStdin() throws IOException {
        WtsStartOptions options = CAPTURE.withStdin(WtsRedirect.PIPE);
        try (WtsStartedProcess p = start("early.exe 3", options)) {
            assertEquals(-1, p.stdout().read(), "its end of the pipe is closed");
            assertEquals(3, p.waitFor());
            OutputStream in = p.stdin();
            IOException e = assertThrows(IOException.class, () -> in.write(new byte[10]));
            assertTrue(e.getMessage().contains("232") || String.valueOf(e.getCause()).contains("232"), e.toString());
            assertEquals(0, p.readOutput().stdout().length);
        }
    }

    @Test
    void aClosedStdinIsTheEndOfInputAtOnce() throws IOException {
        WtsStartOptions options = CAPTURE.withStdin(WtsRedirect.PIPE);
        try (WtsStartedProcess p = start("cat.exe", options)) {
            p.stdin().close();
            p.stdin().close(); // idempotent
            assertEquals(0, p.readOutput().stdout().length);
            assertEquals(0, p.exitValue());
            assertThrows(IOException.class, () -> p.stdin().write(1), "written after close");
        }
    }

    @Test
    void stdinDefaultsToNulWhenOnlyTheOutputIsRedirected() {
        try (WtsStartedProcess p = start("cat.exe", CAPTURE)) {
            assertEquals(0, p.readOutput().stdout().length, "NUL gives the end at once");
            assertThrows(IllegalStateException.class, p::stdin);
        }
    }

    @Test
    void filesAreReadWrittenAndAppended(@TempDir Path dir) throws IOException {
        Path input = dir.resolve("in.txt");
        Files.writeString(input, "hello from a file\n");
        Path output = dir.resolve("out.txt");
        Files.writeString(output, "old content that is replaced");
        WtsStartOptions options = WtsStartOptions.defaults().withStdin(WtsRedirect.from(input.toString()))
                .withStdout(WtsRedirect.to(output.toString()));
        try (WtsStartedProcess p = start("cat.exe", options)) {
            assertEquals(0, p.waitFor());
            assertThrows(IllegalStateException.class, p::stdout);
            assertThrows(IllegalStateException.class, p::readOutput);
        }
        assertEquals("hello from a file\n", Files.readString(output));

        Path log = dir.resolve("log.txt");
        Files.writeString(log, "first\n");
        try (WtsStartedProcess p = start("spew.exe 3 2 0", WtsStartOptions.defaults()
                .withStdout(WtsRedirect.appendTo(log.toString())).withStderr(WtsRedirect.DISCARD))) {
            assertEquals(0, p.waitFor());
        }
        assertEquals("first\nabc", Files.readString(log));
    }

    @Test
    void aMissingInputFileFailsBeforeTheProgramStartsAndLeaksNothing(@TempDir Path dir) {
        WtsStartOptions options = CAPTURE.withStdin(WtsRedirect.from(dir.resolve("missing.txt").toString()));
        WtsException e = assertThrows(WtsException.class, () -> start("cat.exe", options));
        assertEquals("CreateFileW", e.function());
        assertEquals(2, e.errorCode());
        assertEquals(0, FakeLaunch.startedCount());
        // FakeTestBase checks that the pipes opened before the failure were closed
    }

    @Test
    void aFailingCreateProcessClosesEveryPipeAndTheAttributeList() {
        FakeWts.injectError("CreateProcessAsUserW", 2, 1);
        WtsException e = assertThrows(WtsException.class, () -> start("spew.exe 1 1 0", CAPTURE.withStdin(WtsRedirect.PIPE)));
        assertEquals("CreateProcessAsUserW", e.function());
        assertEquals(0, FakeWts.openHandles(), "pipes and attribute list released");
    }

    @Test
    void inheritPassesAnInheritableDuplicateOfOurOwnStream() {
        try (WtsStartedProcess p = start("spew.exe 0 0 0", WtsStartOptions.defaults().withStdout(WtsRedirect.INHERIT))) {
            assertEquals(0, p.waitFor());
            assertThrows(IllegalStateException.class, p::stdout);
        }
        long[] n = FakeLaunch.startedNumbers(0);
        assertEquals(0b111, n[7], "stdin and stderr NUL, stdout our own stdout's duplicate");
        assertEquals(3, n[8]);
        assertEquals(1, n[9]);
        // FakeTestBase: the duplicate was closed after CreateProcessAsUserW
    }

    @Test
    void withoutRedirectsNothingIsInherited() {
        try (WtsStartedProcess p = start("updater.exe", WtsStartOptions.defaults())) {
            assertThrows(IllegalStateException.class, p::stdout);
        }
        long[] n = FakeLaunch.startedNumbers(0);
        assertEquals(0, n[2] & STARTF_USESTDHANDLES);
        assertEquals(0, n[4], "bInheritHandles FALSE");
        assertEquals(-1, n[8], "no attribute list");
    }

    @Test
    void closingNeverEndsTheProgramButDestroyDoes() throws Exception {
        WtsStartedProcess first = start("updater.exe", CAPTURE);
        long pid = first.pid();
        first.close();
        first.close();
        assertThrows(IllegalStateException.class, first::exitValue);
        try (WtsStartedProcess again = start("updater.exe", WtsStartOptions.defaults())) {
            assertTrue(again.isAlive());
            assertThrows(IllegalThreadStateException.class, again::exitValue);
            var exit = again.onExit();
            assertSame(exit, again.onExit());
            assertFalse(exit.isDone());
            again.destroy();
            assertSame(again, exit.get(30, TimeUnit.SECONDS));
            assertEquals(1, again.exitValue(), "TerminateProcess's exit code");
            again.destroy(); // ended already: nothing happens
        }
        assertEquals(0, FakeLaunch.startedNumbers(0)[12], "the first one still runs after close()");
        assertTrue(FakeLaunch.exitProcess(pid, 0));
    }

    @Test
    void destroyEndsAProgramBlockedOnAFullPipe() throws IOException {
        try (WtsStartedProcess p = start("spew.exe 1000000 0 0", CAPTURE)) {
            assertEquals('a', p.stdout().read());
            p.destroy();
            assertEquals(1, p.waitFor());
            p.stdout().readAllBytes(); // what it wrote before, then the end
            assertEquals(-1, p.stdout().read());
        }
    }

    @Test
    void onExitFailsWhenClosedFirst() {
        WtsStartedProcess p = start("updater.exe", WtsStartOptions.defaults());
        var exit = p.onExit();
        p.close();
        ExecutionException e = assertThrows(ExecutionException.class, () -> exit.get(30, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof IllegalStateException, e.toString());
        FakeLaunch.exitProcess(p.pid(), 0);
    }

    @Test
    void killOnCloseRunsTheProgramInAJobThatEndsItOnClose() {
        WtsStartOptions options = WtsStartOptions.defaults().withKillOnClose(true);
        long pid;
        try (WtsStartedProcess p = start("updater.exe", options)) {
            pid = p.pid();
            assertTrue(p.isAlive());
        }
        long[] n = FakeLaunch.startedNumbers(0);
        assertEquals(CREATE_SUSPENDED, n[1] & CREATE_SUSPENDED, "assigned before it runs");
        assertEquals(1, n[10], "in the job");
        assertEquals(1, n[11], "ended when the job's handle closed");
        assertEquals(1, n[12]);
        assertEquals(pid, n[0]);
    }

    @Test
    void aSuspendedChildRunsOnlyOnceInItsJob() {
        WtsStartOptions options = CAPTURE.withKillOnClose(true);
        try (WtsStartedProcess p = start("spew.exe 10 0 4", options)) {
            WtsProcessOutput out = p.readOutput();
            assertEquals(4, out.exitCode());
            assertEquals("abcdefghij", out.stdoutText(StandardCharsets.US_ASCII));
        }
        assertEquals(0, FakeLaunch.startedNumbers(0)[11], "it had ended before the job closed");
    }

    @Test
    void aFailingJobAssignmentEndsTheSuspendedChildAndLeaksNothing() {
        FakeWts.injectError("AssignProcessToJobObject", 5, 1);
        WtsException e = assertThrows(WtsException.class, () -> start("updater.exe",
                WtsStartOptions.defaults().withKillOnClose(true)));
        assertEquals("AssignProcessToJobObject", e.function());
        assertEquals(1, FakeLaunch.startedCount());
        assertEquals(1, FakeLaunch.startedNumbers(0)[12], "the suspended child was ended, never ran");
    }

    @Test
    void breakawayFromJobIsACreationFlag() {
        try (WtsStartedProcess p = start("updater.exe", WtsStartOptions.defaults().withBreakawayFromJob(true))) {
            assertEquals(CREATE_BREAKAWAY_FROM_JOB, FakeLaunch.startedNumbers(0)[1] & CREATE_BREAKAWAY_FROM_JOB);
            FakeLaunch.exitProcess(p.pid(), 0);
        }
    }

    @Test
    void theStreamsFailCleanlyAfterClose() throws IOException {
        WtsStartedProcess p = start("spew.exe 10 0 0", CAPTURE);
        InputStream out = p.stdout();
        p.close();
        assertThrows(IOException.class, out::read);
        assertThrows(IllegalStateException.class, () -> p.waitFor(Duration.ZERO));
        assertThrows(IllegalStateException.class, p::readOutput);
        assertThrows(IllegalStateException.class, p::destroy);
    }

    @Test
    void badRedirectsAreRejectedBeforeAnyNativeCall() {
        long before = FakeWts.callCount();
        assertThrows(IllegalArgumentException.class, () -> WtsStartOptions.defaults().withStdin(WtsRedirect.to("C:\\x")));
        assertThrows(IllegalArgumentException.class, () -> WtsStartOptions.defaults().withStdin(WtsRedirect.appendTo("C:\\x")));
        assertThrows(IllegalArgumentException.class, () -> WtsStartOptions.defaults().withStdout(WtsRedirect.from("C:\\x")));
        assertThrows(IllegalArgumentException.class, () -> WtsStartOptions.defaults().withStderr(WtsRedirect.from("C:\\x")));
        assertThrows(IllegalArgumentException.class, () -> WtsRedirect.to(""));
        assertThrows(IllegalArgumentException.class, () -> WtsRedirect.from("a\0b"));
        assertThrows(IllegalArgumentException.class, () -> WtsRedirect.appendTo("x".repeat(40_000)));
        assertThrows(NullPointerException.class, () -> WtsRedirect.to(null));
        assertThrows(NullPointerException.class, () -> WtsStartOptions.defaults().withStdout(null));
        assertEquals(before, FakeWts.callCount());
    }
}
