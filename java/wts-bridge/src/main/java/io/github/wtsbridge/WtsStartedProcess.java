package io.github.wtsbridge;

import io.github.wtsbridge.internal.Checks;
import io.github.wtsbridge.internal.LaunchNative;
import io.github.wtsbridge.internal.NativeHandle;
import io.github.wtsbridge.internal.PipeStreams;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A program started in a user's session by {@link WtsSession#startProcess}: its pid and an
 * open process handle to wait for it, read its exit code, end it; the caller's ends of its
 * pipes when its streams were redirected to {@link WtsRedirect#PIPE}.
 *
 * <p>Closing releases the handles (the process handle, the pipe ends not closed yet, the
 * job) and <b>never ends the program</b>, unless {@link WtsStartOptions#withKillOnClose} asked
 * for that. Close is idempotent; waiting or reading the exit code after it throws
 * {@link IllegalStateException} ({@link #pid()} stays readable). A close while another thread
 * waits takes effect when that wait returns. A Cleaner closes a forgotten handle.
 *
 * <p>Pipes have a small buffer on Windows: a program that writes much to both stdout and
 * stderr blocks until they are read, so read both at once — {@link #readOutput()} does — or
 * merge them with {@link WtsStartOptions#withErrorToOutput}.
 */
public final class WtsStartedProcess implements AutoCloseable {
    private static final long STILL_ACTIVE = 259;
    /** The longest single wait: INFINITE (0xFFFFFFFF) minus one millisecond. */
    private static final long MAX_WAIT_MILLIS = 0xFFFF_FFFEL;

    /** How often {@link #onExit()}'s waiter looks whether the process was closed meanwhile. */
    private static final int EXIT_POLL_MILLIS = 250;
    private static final AtomicInteger WAITERS = new AtomicInteger();

    private final long pid;
    private final int sessionId;
    private final NativeHandle handle;
    private final NativeHandle job;
    private final OutputStream stdin;
    private final InputStream stdout;
    private final InputStream stderr;
    private CompletableFuture<WtsStartedProcess> exit;

    WtsStartedProcess(long pid, int sessionId, long processHandle) {
        this(pid, sessionId, processHandle, 0, 0, 0, 0);
    }

    WtsStartedProcess(long pid, int sessionId, long processHandle, long jobHandle, long stdinEnd, long stdoutEnd,
                      long stderrEnd) {
        this.pid = pid;
        this.sessionId = sessionId;
        this.handle = new NativeHandle(this, processHandle, LaunchNative::closeHandle, "the process handle");
        this.job = jobHandle == 0 ? null : new NativeHandle(this, jobHandle, LaunchNative::closeHandle, "the job");
        this.stdin = stdinEnd == 0 ? null : PipeStreams.output(stdinEnd, "the program's stdin");
        this.stdout = stdoutEnd == 0 ? null : PipeStreams.input(stdoutEnd, "the program's stdout");
        this.stderr = stderrEnd == 0 ? null : PipeStreams.input(stderrEnd, "the program's stderr");
    }

    /**
     * The program's stdin, when it was {@link WtsRedirect#PIPE}: close it to give the program
     * the end of its input. Writing after the program ended or closed its input throws
     * IOException.
     *
     * @return the caller's (write) end of the stdin pipe; the same stream on every call
     * @throws IllegalStateException stdin is not a pipe
     */
    public OutputStream stdin() {
        if (stdin == null) {
            throw new IllegalStateException("stdin was not redirected to WtsRedirect.PIPE");
        }
        return stdin;
    }

    /**
     * The program's stdout, when it was {@link WtsRedirect#PIPE} (with
     * {@link WtsStartOptions#withErrorToOutput}, its stderr too). Read it to the end (-1) while
     * the program runs: a full pipe blocks the program.
     *
     * @return the caller's (read) end of the stdout pipe; the same stream on every call
     * @throws IllegalStateException stdout is not a pipe
     */
    public InputStream stdout() {
        if (stdout == null) {
            throw new IllegalStateException("stdout was not redirected to WtsRedirect.PIPE");
        }
        return stdout;
    }

    /**
     * The program's stderr, when it was {@link WtsRedirect#PIPE}. Read it at the same time as
     * stdout (or use {@link #readOutput()}): a full pipe blocks the program.
     *
     * @return the caller's (read) end of the stderr pipe; the same stream on every call
     * @throws IllegalStateException stderr is not a pipe (with
     *                               {@link WtsStartOptions#withErrorToOutput} it never is)
     */
    public InputStream stderr() {
        if (stderr == null) {
            throw new IllegalStateException("stderr was not redirected to WtsRedirect.PIPE");
        }
        return stderr;
    }

    /**
     * Reads the stdout and stderr pipes to their end at the same time (stderr on a helper
     * thread, so that neither pipe fills up and blocks the program), then waits for the
     * program to end. A stream that is no pipe gives no bytes. Closes the pipes it read.
     *
     * @return the exit code and all the bytes of both pipes
     * @throws IllegalStateException neither stdout nor stderr is a pipe, or this is closed
     * @throws UncheckedIOException  a pipe failed (or was closed meanwhile)
     */
    public WtsProcessOutput readOutput() {
        if (stdout == null && stderr == null) {
            throw new IllegalStateException("neither stdout nor stderr was redirected to WtsRedirect.PIPE");
        }
        if (!handle.isOpen()) {
            throw new IllegalStateException("the process handle is closed");
        }
        CompletableFuture<byte[]> errors = stderr == null ? CompletableFuture.completedFuture(new byte[0])
                : CompletableFuture.supplyAsync(() -> drain(stderr), runnable -> {
                    Thread t = new Thread(runnable, "wts-process-stderr-" + pid);
                    t.setDaemon(true);
                    t.start();
                });
        byte[] out = stdout == null ? new byte[0] : drain(stdout);
        byte[] err;
        try {
            err = errors.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading stderr", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return new WtsProcessOutput(waitFor(), out, err);
    }

    private static byte[] drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The process id (a DWORD, unsigned), from CreateProcessAsUserW's PROCESS_INFORMATION.
     * Readable after {@link #close()}; once the program has ended and this is closed, Windows
     * may give the id to another process.
     *
     * @return 0 to 4294967295
     */
    public long pid() {
        return pid;
    }

    /**
     * The session the program was started in.
     *
     * @return the id of the session whose user's token started it (the one chosen, for
     *         {@link WtsSession#startProcessInActiveSession} and
     *         {@link WtsSession#startProcessForUser})
     */
    public int sessionId() {
        return sessionId;
    }

    /**
     * Waits until the program ends or the timeout runs out (WaitForSingleObject).
     *
     * @param timeout zero to only look, at most any length (waited in steps)
     * @return true if the program has ended
     * @throws IllegalArgumentException for a negative timeout
     * @throws IllegalStateException    if this is closed
     */
    public boolean waitFor(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        return handle.use(value -> {
            long remaining = saturatedMillis(timeout);
            while (true) {
                long step = Math.min(remaining, MAX_WAIT_MILLIS);
                if (LaunchNative.waitForProcess(value, (int) step) == LaunchNative.WAIT_OBJECT_0) {
                    return true;
                }
                remaining -= step;
                if (remaining <= 0) {
                    return false;
                }
            }
        });
    }

    /**
     * Waits as long as it takes (WaitForSingleObject, INFINITE), then returns the exit code.
     *
     * @return the exit code (GetExitCodeProcess, a DWORD kept unsigned)
     * @throws IllegalStateException if this is closed
     */
    public long waitFor() {
        return handle.use(value -> {
            while (LaunchNative.waitForProcess(value, LaunchNative.INFINITE) != LaunchNative.WAIT_OBJECT_0) {
                // INFINITE only returns when the process ended; loop for safety
            }
            return LaunchNative.exitCodeProcess(value) & Checks.MAX_DWORD;
        });
    }

    /**
     * Whether the program still runs: {@link #waitFor(Duration)} with zero.
     *
     * @return true until the program ends
     * @throws IllegalStateException if this is closed
     */
    public boolean isAlive() {
        return !waitFor(Duration.ZERO);
    }

    /**
     * The exit code (GetExitCodeProcess, a DWORD kept unsigned: NTSTATUS crash codes such as
     * 0xC0000005 stay positive); empty while the program runs. A program that really exits
     * with 259 (STILL_ACTIVE) is told apart by waiting, not by the code.
     *
     * @return the exit code, 0 to 4294967295; empty while the program runs
     * @throws IllegalStateException if this is closed
     */
    public OptionalLong exitCode() {
        return handle.use(value -> LaunchNative.waitForProcess(value, 0) != LaunchNative.WAIT_OBJECT_0
                ? OptionalLong.empty()
                : OptionalLong.of(LaunchNative.exitCodeProcess(value) & Checks.MAX_DWORD));
    }

    /**
     * The exit code, as {@link Process#exitValue()}: a DWORD kept unsigned.
     *
     * @return the exit code, 0 to 4294967295
     * @throws IllegalThreadStateException the program still runs
     */
    public long exitValue() {
        return exitCode().orElseThrow(() -> new IllegalThreadStateException("process " + pid + " has not ended"));
    }

    /**
     * Ends the program now (TerminateProcess, exit code 1), as {@link Process#destroyForcibly()}
     * does; nothing happens when it has ended already. Its own child processes live on (unless
     * it runs in the job of {@link WtsStartOptions#withKillOnClose} and this is closed).
     */
    public void destroy() {
        handle.run(value -> {
            if (LaunchNative.waitForProcess(value, 0) != LaunchNative.WAIT_OBJECT_0) {
                LaunchNative.terminateProcess(value, 1);
            }
        });
    }

    /**
     * A future completed with this object when the program ends, as {@link Process#onExit()};
     * one daemon thread waits for it. If this is closed first, the future fails with
     * {@link IllegalStateException}. The same future on every call.
     *
     * @return a future completed with this object when the program has ended
     */
    public synchronized CompletableFuture<WtsStartedProcess> onExit() {
        if (exit == null) {
            exit = new CompletableFuture<>();
            CompletableFuture<WtsStartedProcess> future = exit;
            Thread waiter = new Thread(() -> awaitExit(future), "wts-process-exit-" + WAITERS.incrementAndGet());
            waiter.setDaemon(true);
            waiter.start();
        }
        return exit;
    }

    private void awaitExit(CompletableFuture<WtsStartedProcess> future) {
        try {
            while (!handle.use(value -> LaunchNative.waitForProcess(value, EXIT_POLL_MILLIS) == LaunchNative.WAIT_OBJECT_0)) {
                // looked again: the handle may have been closed meanwhile (then use() throws)
            }
            future.complete(this);
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
        }
    }

    /**
     * The JDK's handle of the program (ProcessHandle.of(pid)), for its children, info and
     * descendants; empty when the JDK no longer finds the process.
     *
     * @return the JDK's handle of the pid; empty when no process has that pid any more
     */
    public Optional<ProcessHandle> toHandle() {
        return ProcessHandle.of(pid);
    }

    /**
     * Closes the process handle and the pipe ends (the program keeps running: its next write
     * to a closed pipe fails), and the job — which ends the program only if
     * {@link WtsStartOptions#withKillOnClose} asked for that. Idempotent.
     */
    @Override
    public void close() {
        handle.close();
        if (stdin != null) {
            try {
                stdin.close();
            } catch (IOException ignored) {
                // PipeStreams' close throws nothing
            }
        }
        closeQuietly(stdout);
        closeQuietly(stderr);
        if (job != null) {
            job.close();
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // PipeStreams' close throws nothing
            }
        }
    }

    @Override
    public String toString() {
        return "WtsStartedProcess[pid=" + pid + ", session=" + sessionId + (handle.isOpen() ? "]" : ", closed]");
    }

    private static long saturatedMillis(Duration timeout) {
        try {
            long millis = timeout.toMillis();
            return timeout.minusMillis(millis).isZero() ? millis : millis + 1; // round up
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
