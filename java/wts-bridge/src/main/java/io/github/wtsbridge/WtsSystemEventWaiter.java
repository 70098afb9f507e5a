package io.github.wtsbridge;

import io.github.wtsbridge.internal.EventsNative;
import java.util.Objects;
import java.util.Set;

/**
 * Blocks threads until Remote Desktop events happen on a server (WTSWaitSystemEvent).
 * {@link #flush()} releases every waiting thread (WTS_EVENT_FLUSH); {@link #close()} flushes
 * and returns once every {@link #await} has returned. Windows flushes per server handle, so a
 * flush also releases other waits on the same server in this process (they see an empty set).
 */
public final class WtsSystemEventWaiter implements AutoCloseable {
    private final WtsServer server;
    private final Object lock = new Object();
    private int waiting;
    private boolean closed;
    /** Threads inside the native wait (guarded by lock), and the handle they hold open. */
    private int inWait;
    private long handleInUse;

    private WtsSystemEventWaiter(WtsServer server) {
        this.server = server;
    }

    /**
     * A waiter for events on a server.
     *
     * @param server the server to wait on ({@link WtsServer#local()} for this machine); it must
     *               stay open while the waiter is used
     * @return a new waiter; close it when done
     * @throws NullPointerException  if {@code server} is null
     * @throws IllegalStateException if {@code server} is closed
     */
    public static WtsSystemEventWaiter open(WtsServer server) {
        Objects.requireNonNull(server, "server");
        SessionCalls.handleOf(server); // checks the server and loads the library
        return new WtsSystemEventWaiter(server);
    }

    /**
     * Waits until one of {@code events} happens and returns those that did; an empty set when
     * the wait was released by {@link #flush()} or {@link #close()}.
     *
     * @param events the events to wait for: at least one, and not {@link WtsSystemEvent#UNKNOWN}
     * @return the events that happened (from WTSWaitSystemEvent's pEventFlags), possibly more
     *         than one; empty when the wait was flushed
     * @throws IllegalArgumentException if {@code events} is empty or holds UNKNOWN
     * @throws IllegalStateException if the waiter is closed
     */
    public Set<WtsSystemEvent> await(Set<WtsSystemEvent> events) {
        return awaitMask(WtsSystemEvent.mask(events));
    }

    /**
     * Waits for any event (WTS_EVENT_ALL), including kinds newer than this library (they
     * show as {@link WtsSystemEvent#UNKNOWN}).
     *
     * @return the events that happened; empty when the wait was flushed
     * @throws IllegalStateException if the waiter is closed
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
            // server.call keeps the server's handle open while we wait: a WtsServer.close()
            // meanwhile takes effect when the wait returns, never under it.
            return server.call(handle -> {
                synchronized (lock) {
                    inWait++;
                    handleInUse = handle;
                }
                try {
                    return WtsSystemEvent.of(EventsNative.waitSystemEvent(handle, mask));
                } finally {
                    // Under the lock and before server.call lets the handle go: a close()
                    // flushing under the lock never flushes a handle that was closed meanwhile.
                    synchronized (lock) {
                        inWait--;
                    }
                }
            });
        } finally {
            synchronized (lock) {
                waiting--;
                lock.notifyAll();
            }
        }
    }

    /** Releases every thread waiting on this server (WTS_EVENT_FLUSH). */
    public void flush() {
        server.run(handle -> EventsNative.waitSystemEvent(handle, EventsNative.EVENT_FLUSH));
    }

    /**
     * How many threads are waiting right now.
     *
     * @return the number of threads inside {@link #await} or {@link #awaitAny()} at this moment
     */
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
                        return;
                    }
                    // Not flush(): the server may be closed by now. Only while a wait is inside
                    // the native call is its handle certainly open (it cannot let it go while we
                    // hold the lock); a thread not there yet is flushed on the next round.
                    if (inWait > 0) {
                        EventsNative.waitSystemEvent(handleInUse, EventsNative.EVENT_FLUSH);
                    }
                }
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
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
