package io.github.wtsbridge.internal;

import java.lang.ref.Cleaner;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;

/**
 * A Windows handle owned by a public object (server, user token, started process): counts
 * the native calls that use it and closes it exactly once — on {@link #close()}, or by a
 * {@link Cleaner} once the owner is unreachable — but never while a call uses it: a close
 * that arrives meanwhile is carried out by the last user. So no native call ever sees a
 * handle that was closed (or reused by Windows for something else) under it, and a use
 * after close is an {@link IllegalStateException}, never a crash.
 */
public final class NativeHandle {
    private final State state;
    private final Cleaner.Cleanable cleanable;

    /**
     * @param owner       the object whose unreachability lets the Cleaner close the handle
     * @param value       the raw handle
     * @param closer      the native close (WTSCloseServer, CloseHandle); runs at most once
     * @param description for the use-after-close message, e.g. "the user token"
     */
    public NativeHandle(Object owner, long value, LongConsumer closer, String description) {
        this.state = new State(value, Objects.requireNonNull(closer), Objects.requireNonNull(description));
        this.cleanable = Cleaners.CLEANER.register(Objects.requireNonNull(owner), state);
    }

    /** Runs {@code action} with the raw value, which stays open until it returns. */
    public <T> T use(LongFunction<T> action) {
        long value = state.acquire();
        try {
            return action.apply(value);
        } finally {
            state.release();
        }
    }

    /** {@link #use} for a call that returns nothing. */
    public void run(LongConsumer action) {
        long value = state.acquire();
        try {
            action.accept(value);
        } finally {
            state.release();
        }
    }

    /** False once closed. */
    public boolean isOpen() {
        return state.isOpen();
    }

    /** Closes now, or when the last call using the handle returns. Idempotent. */
    public void close() {
        cleanable.clean();
    }

    /** One Cleaner thread for every handle of the library, started with the first one. */
    private static final class Cleaners {
        static final Cleaner CLEANER = Cleaner.create();
    }

    /** The Cleaner's action: it must not refer to the owner. */
    private static final class State implements Runnable {
        private final long value;
        private final LongConsumer closer;
        private final String description;
        private int users;
        private boolean closed;
        private boolean released;

        State(long value, LongConsumer closer, String description) {
            this.value = value;
            this.closer = closer;
            this.description = description;
        }

        synchronized boolean isOpen() {
            return !closed;
        }

        synchronized long acquire() {
            if (closed) {
                throw new IllegalStateException(description + " is closed");
            }
            users++;
            return value;
        }

        void release() {
            boolean closeNow;
            synchronized (this) {
                users--;
                closeNow = closed && users == 0 && !released;
                released |= closeNow;
            }
            if (closeNow) {
                closer.accept(value);
            }
        }

        /** From close() or the Cleaner; Cleanable runs it at most once. */
        @Override
        public void run() {
            boolean closeNow;
            synchronized (this) {
                closed = true;
                closeNow = users == 0 && !released;
                released |= closeNow;
            }
            if (closeNow) {
                closer.accept(value);
            }
        }
    }
}
