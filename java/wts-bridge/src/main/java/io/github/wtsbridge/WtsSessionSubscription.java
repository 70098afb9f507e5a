package io.github.wtsbridge;

import io.github.wtsbridge.internal.EventsNative;
import io.github.wtsbridge.internal.Log;
import io.github.wtsbridge.internal.NativeLibrary;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Session changes (logon, logoff, lock, unlock, connect, disconnect, …) delivered to a
 * listener, with no window needed from the caller: the subscription owns a hidden
 * message-only window on its own daemon thread, registered with
 * WTSRegisterSessionNotification, and turns each WM_WTSSESSION_CHANGE into a
 * {@link WtsSessionChange}.
 *
 * <p>{@link #close()} unregisters, destroys the window and ends the thread before it returns
 * (called from the listener itself, it returns at once and the thread ends after the listener
 * does); it is idempotent. Keep a reference while subscribed and close it when done: the
 * thread runs until then.
 */
public final class WtsSessionSubscription implements AutoCloseable {
    private static final Log LOG = Log.forClass(WtsSessionSubscription.class);
    private static final AtomicInteger NUMBER = new AtomicInteger();

    private final WtsSessionScope scope;
    private final WtsSessionListener listener;
    private final Thread thread;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile int threadId;
    private volatile boolean closed;
    private volatile RuntimeException failure;

    private WtsSessionSubscription(WtsSessionScope scope, WtsSessionListener listener) {
        this.scope = scope;
        this.listener = listener;
        this.thread = new Thread(this::run, "wts-session-events-" + NUMBER.incrementAndGet());
        this.thread.setDaemon(true);
    }

    /**
     * Starts delivering session changes to {@code listener}; returns once the window is
     * registered, so no change after this call is missed.
     *
     * <p>Early at boot, before Remote Desktop Services run, Windows may refuse the
     * registration (RPC_S_INVALID_BINDING, 1702); a service that subscribes at start-up should
     * retry.
     *
     * <p>A Windows service runs in session 0, where nobody logs on: with
     * {@link WtsSessionScope#THIS_SESSION} it hears only session 0's changes — in practice none
     * of the users' logons, locks or disconnects. A service watching users needs
     * {@link WtsSessionScope#ALL_SESSIONS} (Microsoft: NOTIFY_FOR_THIS_SESSION delivers "only
     * session notifications involving the session attached to by the window").
     *
     * @param scope    which sessions' changes to deliver; a service wants
     *                 {@link WtsSessionScope#ALL_SESSIONS}
     * @param listener called with each change, one at a time, on the subscription's thread
     * @return the running subscription; close it to stop
     * @throws NullPointerException if {@code scope} or {@code listener} is null
     * @throws WtsException if the window or the registration cannot be made
     */
    public static WtsSessionSubscription open(WtsSessionScope scope, WtsSessionListener listener) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(listener, "listener");
        NativeLibrary.ensureLoaded();
        WtsSessionSubscription subscription = new WtsSessionSubscription(scope, listener);
        subscription.thread.start();
        boolean interrupted = false;
        while (true) {
            try {
                subscription.started.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        RuntimeException failure = subscription.failure;
        if (failure != null) {
            join(subscription.thread);
            throw failure;
        }
        return subscription;
    }

    /** Set by the loop thread, under this object's lock, as its very last act. */
    private boolean loopEnded;

    private void run() {
        try {
            EventsNative.runMessageLoop(new EventsNative.LoopSink() {
                @Override
                public void started(long window, int id) {
                    threadId = id;
                    started.countDown();
                }

                @Override
                public void sessionChanged(int event, int session) {
                    deliver(event, session);
                }
            }, scope.flags());
        } catch (RuntimeException | Error e) {
            if (started.getCount() > 0) {
                failure = e instanceof RuntimeException re ? re : new IllegalStateException(e);
            } else {
                LOG.warn("session event loop ended with an error", e);
            }
        } finally {
            started.countDown();
            synchronized (this) { // close() posts WM_QUIT under this lock: see there
                loopEnded = true;
            }
        }
    }

    private void deliver(int event, int session) {
        if (closed) {
            return;
        }
        try {
            listener.onSessionChange(WtsSessionChange.of(event, session));
        } catch (RuntimeException | Error e) {
            LOG.warn("session listener threw; delivery goes on", e);
        }
    }

    /**
     * Which sessions this subscription hears about.
     *
     * @return the scope given to {@link #open}
     */
    public WtsSessionScope scope() {
        return scope;
    }

    /**
     * Whether changes are still delivered.
     *
     * @return true until {@link #close()} is called or the event thread has ended (after an
     *         error in the message loop, which is logged)
     */
    public boolean isOpen() {
        return !closed && thread.isAlive();
    }

    /** Unregisters, destroys the hidden window and ends its thread; later calls do nothing. */
    @Override
    public void close() {
        boolean interrupted = false;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            // Posted under the lock the loop thread takes before it can end: its thread id
            // stays its own (never another thread's that Windows reused) while we post. A post
            // refused while the loop runs (a full queue) is retried, so the join below ends.
            while (!loopEnded && !EventsNative.postQuit(threadId)) {
                try {
                    wait(10);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (Thread.currentThread() != thread) {
            join(thread);
        }
    }

    private static void join(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "WtsSessionSubscription[" + scope + (closed ? ", closed" : "") + "]";
    }
}
