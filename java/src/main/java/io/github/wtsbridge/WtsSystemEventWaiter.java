package io.github.wtsbridge;

import io.github.wtsbridge.internal.EventsNative;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.Objects;
import java.util.Set;

/**
 * Blocks threads until Remote Desktop events happen on a server (WTSWaitSystemEvent).
 * {@link #flush()} releases every waiting thread (WTS_EVENT_FLUSH); {@link #close()} flushes
 * and returns once every {@link #await} has returned. Windows flushes per server handle, so a
 * flush also releases other waits on the same server in this process (they see an empty set).
 */
public final class WtsSystemEventWaiter implements AutoCloseable {
    private final long handle;
    private final Cleaner.Cleanable serverUse;
    private final Object lock = new Object();
    private int waiting;
    private boolean closed;

    /** Cleaners are started only for waiters on opened servers (the local one needs none). */
    private static final class Cleaning {
        static final Cleaner CLEANER = Cleaner.create();
    }

    /** Gives the server's handle back; the Cleaner's action, so it must not refer to the waiter. */
    private static final class ServerUse implements Runnable {
        private final WtsServer server;

        ServerUse(WtsServer server) {
            this.server = server;
        }

        @Override
        public void run() {
            server.release();
        }
    }

    private WtsSystemEventWaiter(WtsServer server, long handle) {
        this.handle = handle;
        this.serverUse = server.isLocal() ? null : Cleaning.CLEANER.register(this, new ServerUse(server));
    }

    /**
     * A waiter for events on a server ({@link WtsServer#local()} for this machine). It holds the
     * server's handle until it is closed: a server closed meanwhile stays open for the waits in
     * flight and is closed when the waiter is (or when the waiter is dropped, by a Cleaner).
     *
     * @throws IllegalStateException if the server is closed
     */
    public static WtsSystemEventWaiter open(WtsServer server) {
        Objects.requireNonNull(server, "server");
        long handle = server.acquire(); // checks the server and loads the library
        try {
            return new WtsSystemEventWaiter(server, handle);
        } catch (RuntimeException | Error e) {
            server.release();
            throw e;
        }
    }

    /**
     * Waits until one of {@code events} happens and returns those that did; an empty set when
     * the wait was released by {@link #flush()} or {@link #close()}.
     *
     * @throws IllegalStateException if the waiter is closed
     */
    public Set<WtsSystemEvent> await(Set<WtsSystemEvent> events) {
        return awaitMask(WtsSystemEvent.mask(events));
    }

    /**
     * Waits for any event (WTS_EVENT_ALL), including kinds newer than this library (they
     * show as {@link WtsSystemEvent#UNKNOWN}).
     */
    public Set<WtsSystemEvent> awaitAny() {
        return awaitMask(EventsNative.EVENT_ALL);
    }

    private Set<WtsSystemEvent> awaitMask(int mask) {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the event waiter is closed");
            }
            waiting++;
        }
        try {
            return WtsSystemEvent.of(EventsNative.waitSystemEvent(handle, mask));
        } finally {
            Reference.reachabilityFence(this);
            synchronized (lock) {
                waiting--;
                lock.notifyAll();
            }
        }
    }

    /**
     * Releases every thread waiting on this server (WTS_EVENT_FLUSH).
     *
     * @throws IllegalStateException if the waiter is closed
     */
    public void flush() {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the event waiter is closed");
            }
        }
        flushNative();
    }

    private void flushNative() {
        EventsNative.waitSystemEvent(handle, EventsNative.EVENT_FLUSH);
        Reference.reachabilityFence(this);
    }

    /** Threads inside {@link #await} right now. */
    public int waitingThreads() {
        synchronized (lock) {
            return waiting;
        }
    }

    /** Refuses new waits, releases the current ones and returns when they have; idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        boolean interrupted = false;
        try {
            // A thread may be between its check and the native wait: flush until all are out.
            while (true) {
                synchronized (lock) {
                    if (waiting == 0) {
                        break;
                    }
                }
                flushNative();
                synchronized (lock) {
                    if (waiting > 0) {
                        try {
                            lock.wait(10);
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                }
            }
            if (serverUse != null) {
                serverUse.clean(); // the server's handle may now be closed
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
