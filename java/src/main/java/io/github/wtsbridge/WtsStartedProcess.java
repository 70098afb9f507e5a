package io.github.wtsbridge;

import io.github.wtsbridge.internal.Checks;
import io.github.wtsbridge.internal.LaunchNative;
import java.lang.ref.Cleaner;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A program started in a user's session by {@link WtsSessions#startProcess}: its pid and an
 * open process handle to wait for it and read its exit code. Closing releases the handle
 * (the program keeps running); close is idempotent, and waiting or reading the exit code
 * after it throws {@link IllegalStateException} ({@link #pid()} stays readable). A close while another thread waits takes effect when that
 * wait returns. A {@link Cleaner} closes a forgotten handle.
 */
public final class WtsStartedProcess implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final long STILL_ACTIVE = 259;
    /** The longest single wait: INFINITE (0xFFFFFFFF) minus one millisecond. */
    private static final long MAX_WAIT_MILLIS = 0xFFFF_FFFEL;

    private final long pid;
    private final int sessionId;
    private final Handle handle;
    private final Cleaner.Cleanable cleanable;

    WtsStartedProcess(long pid, int sessionId, long processHandle) {
        this.pid = pid;
        this.sessionId = sessionId;
        this.handle = new Handle(processHandle);
        this.cleanable = CLEANER.register(this, handle);
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
        long value = handle.acquire();
        try {
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
        } finally {
            handle.release();
        }
    }

    /** Waits as long as it takes, then returns the exit code (a DWORD, unsigned). */
    public long waitFor() {
        long value = handle.acquire();
        try {
            while (LaunchNative.waitForProcess(value, LaunchNative.INFINITE) != LaunchNative.WAIT_OBJECT_0) {
                // INFINITE only returns when the process ended; loop for safety
            }
            return LaunchNative.exitCodeProcess(value) & Checks.MAX_DWORD;
        } finally {
            handle.release();
        }
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
        long value = handle.acquire();
        try {
            if (LaunchNative.waitForProcess(value, 0) != LaunchNative.WAIT_OBJECT_0) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(LaunchNative.exitCodeProcess(value) & Checks.MAX_DWORD);
        } finally {
            handle.release();
        }
    }

    /** Closes the process handle (the program keeps running). Idempotent. */
    @Override
    public void close() {
        cleanable.clean();
    }

    @Override
    public String toString() {
        return "WtsStartedProcess[pid=" + pid + ", session=" + sessionId + (handle.isClosed() ? ", closed]" : "]");
    }

    private static long saturatedMillis(Duration timeout) {
        try {
            long millis = timeout.toMillis();
            return timeout.minusMillis(millis).isZero() ? millis : millis + 1; // round up
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * The handle and its users: a call holds it while in native code, and the close that
     * arrives meanwhile is carried out by the last user, so no native call ever sees a handle
     * that was closed (or, worse, reused by Windows for something else) under it.
     */
    private static final class Handle implements Runnable {
        private long value;
        private int users;
        private boolean closed;

        Handle(long value) {
            this.value = value;
        }

        synchronized long acquire() {
            if (closed) {
                throw new IllegalStateException("the process handle is closed");
            }
            users++;
            return value;
        }

        void release() {
            long toClose;
            synchronized (this) {
                users--;
                if (!closed || users > 0) {
                    return;
                }
                toClose = value;
                value = 0;
            }
            LaunchNative.closeHandle(toClose);
        }

        synchronized boolean isClosed() {
            return closed;
        }

        /** Close, from {@link #close()} or the Cleaner; runs once. */
        @Override
        public void run() {
            long toClose;
            synchronized (this) {
                closed = true;
                if (users > 0) {
                    return; // the last user closes it
                }
                toClose = value;
                value = 0;
            }
            LaunchNative.closeHandle(toClose);
        }
    }
}
