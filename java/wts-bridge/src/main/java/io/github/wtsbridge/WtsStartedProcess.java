package io.github.wtsbridge;

import io.github.wtsbridge.internal.Checks;
import io.github.wtsbridge.internal.LaunchNative;
import io.github.wtsbridge.internal.NativeHandle;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A program started in a user's session by {@link WtsSession#startProcess}: its pid and an
 * open process handle to wait for it and read its exit code. Closing releases the handle
 * (the program keeps running); close is idempotent, and waiting or reading the exit code
 * after it throws {@link IllegalStateException} ({@link #pid()} stays readable). A close while another thread waits takes effect when that
 * wait returns. A Cleaner closes a forgotten handle.
 */
public final class WtsStartedProcess implements AutoCloseable {
    private static final long STILL_ACTIVE = 259;
    /** The longest single wait: INFINITE (0xFFFFFFFF) minus one millisecond. */
    private static final long MAX_WAIT_MILLIS = 0xFFFF_FFFEL;

    private final long pid;
    private final int sessionId;
    private final NativeHandle handle;

    WtsStartedProcess(long pid, int sessionId, long processHandle) {
        this.pid = pid;
        this.sessionId = sessionId;
        this.handle = new NativeHandle(this, processHandle, LaunchNative::closeHandle, "the process handle");
    }

    /** The process id (a DWORD, unsigned). */
    public long pid() {
        return pid;
    }

    /** The session the program was started in. */
    public int sessionId() {
        return sessionId;
    }

    /**
     * Waits until the program ends or the timeout runs out (WaitForSingleObject).
     *
     * @param timeout zero to only look, at most any length (waited in steps)
     * @return true if the program has ended
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

    /** Waits as long as it takes, then returns the exit code (a DWORD, unsigned). */
    public long waitFor() {
        return handle.use(value -> {
            while (LaunchNative.waitForProcess(value, LaunchNative.INFINITE) != LaunchNative.WAIT_OBJECT_0) {
                // INFINITE only returns when the process ended; loop for safety
            }
            return LaunchNative.exitCodeProcess(value) & Checks.MAX_DWORD;
        });
    }

    /** True until the program ends. */
    public boolean isAlive() {
        return !waitFor(Duration.ZERO);
    }

    /**
     * The exit code (GetExitCodeProcess, a DWORD kept unsigned: NTSTATUS crash codes such as
     * 0xC0000005 stay positive); empty while the program runs. A program that really exits
     * with 259 (STILL_ACTIVE) is told apart by waiting, not by the code.
     */
    public OptionalLong exitCode() {
        return handle.use(value -> LaunchNative.waitForProcess(value, 0) != LaunchNative.WAIT_OBJECT_0
                ? OptionalLong.empty()
                : OptionalLong.of(LaunchNative.exitCodeProcess(value) & Checks.MAX_DWORD));
    }

    /** Closes the process handle (the program keeps running). Idempotent. */
    @Override
    public void close() {
        handle.close();
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
