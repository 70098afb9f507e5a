package io.github.wtsbridge;

import io.github.wtsbridge.internal.Sids;
import io.github.wtsbridge.internal.TokensNative;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.function.LongFunction;

/**
 * The primary access token of the user logged on to a session (WTSQueryUserToken), for
 * starting a program as that user. Holds a Windows handle: close it (try-with-resources);
 * {@link #close()} is idempotent, and a use after close throws {@link IllegalStateException}.
 * A {@link Cleaner} closes a token that was dropped without closing, as a safety net only.
 *
 * <p>The handle is closed with CloseHandle exactly once, also when {@code close()} races a use
 * on another thread: the last use to finish closes it.
 */
public final class WtsUserToken implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    private final int sessionId;
    private final Handle handle;
    private final Cleaner.Cleanable cleanable;
    private final Object lock = new Object();
    private int users;
    private boolean closed;

    /** Owns the raw handle; the Cleaner's action, so it must not refer to the token. */
    private static final class Handle implements Runnable {
        private final long value;

        Handle(long value) {
            this.value = value;
        }

        @Override
        public void run() {
            TokensNative.closeHandle(value); // Cleanable.clean() runs this at most once
        }
    }

    WtsUserToken(int sessionId, long handle) {
        this.sessionId = sessionId;
        this.handle = new Handle(handle);
        this.cleanable = CLEANER.register(this, this.handle);
    }

    /** The session the token was queried for. */
    public int sessionId() {
        return sessionId;
    }

    /** The session id recorded in the token (GetTokenInformation TokenSessionId). */
    public int tokenSessionId() {
        return withHandle(TokensNative::tokenSessionId);
    }

    /** The user's SID in string form, e.g. {@code S-1-5-21-…-1001} (GetTokenInformation TokenUser). */
    public String userSid() {
        byte[] sid = withHandle(TokensNative::tokenUserSid);
        return Sids.format(sid, 0, sid.length);
    }

    /** False once {@link #close()} was called. */
    public boolean isOpen() {
        synchronized (lock) {
            return !closed;
        }
    }

    /**
     * Runs {@code action} with the raw handle, which stays open until it returns even if
     * another thread closes the token meanwhile. For the library's own use (starting a process
     * in the user's session); never hand the value out.
     *
     * @throws IllegalStateException if the token is closed
     */
    <T> T withHandle(LongFunction<T> action) {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the user token is closed");
            }
            users++;
        }
        try {
            return action.apply(handle.value);
        } finally {
            boolean closeNow;
            synchronized (lock) {
                users--;
                closeNow = closed && users == 0;
            }
            if (closeNow) {
                cleanable.clean();
            }
            Reference.reachabilityFence(this);
        }
    }

    /** Closes the handle (CloseHandle); later calls do nothing. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (users > 0) {
                return; // the last use closes it
            }
        }
        cleanable.clean();
    }

    @Override
    public String toString() {
        return "WtsUserToken[session " + sessionId + (isOpen() ? "" : ", closed") + "]";
    }
}
