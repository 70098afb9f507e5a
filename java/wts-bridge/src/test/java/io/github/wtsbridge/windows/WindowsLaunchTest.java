package io.github.wtsbridge.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.WtsProcessOutput;
import io.github.wtsbridge.WtsRedirect;
import io.github.wtsbridge.WtsSession;
import io.github.wtsbridge.WtsSessionChoice;
import io.github.wtsbridge.WtsShowWindow;
import io.github.wtsbridge.WtsStartOptions;
import io.github.wtsbridge.WtsStartedProcess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Real children with redirected streams, started through WTSQueryUserToken and
 * CreateProcessAsUserW with STARTF_USESTDHANDLES and a PROC_THREAD_ATTRIBUTE_HANDLE_LIST. Under
 * Wine (8.0) WTSQueryUserToken copies the caller's token, so the chain really runs; the
 * session is the console's (WTSEnumerateSessionsW lists none there, the console session is
 * asked for directly).
 */
@Tag("windows")
class WindowsLaunchTest {
    private static final WtsStartOptions CAPTURE = WtsStartOptions.defaults().withWindow(WtsShowWindow.HIDDEN)
            .withStdout(WtsRedirect.PIPE).withStderr(WtsRedirect.PIPE);

    private static String cmd() {
        return System.getenv().getOrDefault("SystemRoot", "C:\\windows") + "\\system32\\cmd.exe";
    }

    @Test
    void aRealChildsStdoutStderrAndExitCodeAreRead() {
        String line = "\"" + cmd() + "\" /c \"echo hello-from-the-user's-session& echo oops 1>&2& exit /b 5\"";
        try (WtsStartedProcess p = WtsSession.startProcessInActiveSession(line, CAPTURE,
                WtsSessionChoice.CONSOLE_THEN_REMOTE)) {
            WtsProcessOutput out = p.readOutput();
            assertEquals(5, out.exitCode());
            assertEquals("hello-from-the-user's-session\r\n", out.stdoutText(StandardCharsets.US_ASCII));
            assertEquals("oops \r\n", out.stderrText(StandardCharsets.US_ASCII));
            assertEquals(5, p.exitValue());
            assertEquals(WtsSession.activeConsole().orElseThrow().id(), p.sessionId());
        }
    }

    @Test
    void muchOutputOnBothStreamsDoesNotDeadlock() {
        // 3000 lines on stderr first, then 3000 on stdout: far more than a pipe buffer holds, so
        // reading stdout to its end before stderr would block both sides.
        String line = "\"" + cmd() + "\" /c \"(for /L %i in (1,1,3000) do @echo err-%i 1>&2)"
                + " & (for /L %i in (1,1,3000) do @echo out-%i)\"";
        try (WtsStartedProcess p = WtsSession.startProcessInActiveSession(line, CAPTURE)) {
            WtsProcessOutput out = p.readOutput();
            assertEquals(0, out.exitCode());
            String stdout = out.stdoutText(StandardCharsets.US_ASCII);
            String stderr = out.stderrText(StandardCharsets.US_ASCII);
            assertTrue(stdout.startsWith("out-1\r\nout-2\r\n"), "[" + stdout.substring(0, Math.min(40, stdout.length())) + "]");
            assertTrue(stdout.endsWith("out-3000\r\n"));
            assertEquals(3000, stdout.split("\r\n").length);
            assertEquals(3000, stderr.split("\r\n").length);
            assertTrue(stderr.length() > 30_000, "well over a pipe buffer: " + stderr.length());
        }
    }

    @Test
    void byUserNameAndMergedStreams() {
        String user = System.getProperty("user.name");
        String line = "\"" + cmd() + "\" /c \"echo one& echo two 1>&2\"";
        WtsStartOptions merged = WtsStartOptions.defaults().withWindow(WtsShowWindow.HIDDEN)
                .withStdout(WtsRedirect.PIPE).withErrorToOutput(true);
        try (WtsStartedProcess p = WtsSession.startProcessForUser(user, line, merged)) {
            WtsProcessOutput out = p.readOutput();
            assertEquals("one\r\ntwo \r\n", out.stdoutText(StandardCharsets.US_ASCII));
            assertEquals(0, out.stderr().length);
        }
    }

    @Test
    void destroyEndsAChildBlockedOnItsInputAndOnExitCompletes() throws Exception {
        // set /p waits for a line on stdin, a pipe nobody writes: the child blocks until ended.
        String line = "\"" + cmd() + "\" /c \"set /p LINE=\"";
        WtsStartOptions options = CAPTURE.withStdin(WtsRedirect.PIPE);
        try (WtsStartedProcess p = WtsSession.startProcessInActiveSession(line, options)) {
            assertTrue(p.isAlive(), "blocked on its stdin");
            Optional<ProcessHandle> handle = p.toHandle();
            assertTrue(handle.isPresent(), "the JDK sees the child");
            p.destroy();
            assertTrue(p.onExit().get(60, TimeUnit.SECONDS) == p);
            assertEquals(1, p.exitValue());
        }
    }

    @Test
    void closingTheStdinPipeIsTheEndOfTheChildsInput() throws Exception {
        String line = "\"" + cmd() + "\" /c \"set /p LINE=& echo done\"";
        try (WtsStartedProcess p = WtsSession.startProcessInActiveSession(line, CAPTURE.withStdin(WtsRedirect.PIPE))) {
            p.stdin().close();
            WtsProcessOutput out = p.readOutput();
            assertTrue(out.stdoutText(StandardCharsets.US_ASCII).contains("done"), out.stdoutText(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void killOnCloseEndsTheChildWithItsHandle() throws Exception {
        // close() also closes the child's stdin, which may end it by itself: the strict proof
        // of the job (a suspended child ended by closing the job) is the Wine C harness's
        // (native/wine/entries_child_io.c); that a plain close ends nothing is the fake's test.
        String line = "\"" + cmd() + "\" /c \"set /p LINE=\"";
        WtsStartedProcess killed = WtsSession.startProcessInActiveSession(line,
                CAPTURE.withStdin(WtsRedirect.PIPE).withKillOnClose(true));
        ProcessHandle handle = killed.toHandle().orElseThrow();
        assertTrue(handle.isAlive(), "blocked on its stdin");
        killed.close();
        handle.onExit().get(60, TimeUnit.SECONDS); // the job's last handle closed
        assertFalse(handle.isAlive());
    }
}
