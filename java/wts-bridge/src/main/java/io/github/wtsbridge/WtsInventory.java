package io.github.wtsbridge;

import io.github.wtsbridge.internal.Checks;
import io.github.wtsbridge.internal.NativeLibrary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Inventory across servers: the sessions (and optionally their user and times, and the
 * processes) of many Terminal Servers at once, with one result per server that is either its
 * data or its error. One dead or slow server never fails or stalls the whole scan.
 *
 * <pre>{@code
 * for (WtsServerResult r : WtsInventory.scan(List.of("rdsh01", "rdsh02"), WtsInventory.Options.defaults())) {
 *     r.data().ifPresentOrElse(inv -> print(inv.sessions()), () -> warn(r.server(), r.failure().get()));
 * }
 * }</pre>
 *
 * <p>How it runs: at most {@link Options#parallelism()} servers are queried at a time, each on
 * its own daemon thread, in the order given. A server gets {@link Options#timeout()} from the
 * moment its turn starts (opening the handle, every call, closing it); when that runs out its
 * result is {@link WtsServerResult.TimedOut} and its slot goes to the next server. Windows
 * calls cannot be interrupted, so the timed-out thread keeps waiting for Windows, then closes
 * its server handle and ends — the handle is never leaked, and the thread (a daemon) never
 * keeps the JVM alive. The scan therefore returns after at most about
 * {@code ceil(servers / parallelism) × timeout}. Note that {@code parallelism} bounds the
 * servers being waited for, not the threads: timed-out calls still blocked in Windows (an RPC
 * timeout is typically tens of seconds) hold a thread each until Windows returns, so a scan
 * of many dead servers with a short timeout can have more threads alive than
 * {@code parallelism}.
 */
public final class WtsInventory {
    private WtsInventory() {
    }

    /**
     * What to read and how to run a scan. Build from {@link #defaults()}: 8 servers at a
     * time, 10 seconds per server, sessions only (no session info, no processes).
     *
     * @param parallelism how many servers are queried at once, 1 to {@value #MAX_PARALLELISM}
     * @param timeout     how long one server may take, more than zero
     * @param sessionInfo whether to read WTSSessionInfo (user, domain, times) for every session
     * @param processes   whether to list the server's processes too
     */
    public record Options(int parallelism, Duration timeout, boolean sessionInfo, boolean processes) {
        /** The most servers queried at once. */
        public static final int MAX_PARALLELISM = 256;

        /**
         * Checks the options.
         *
         * @throws IllegalArgumentException if {@code parallelism} is not 1 to
         *                                  {@value #MAX_PARALLELISM}, or {@code timeout} is zero
         *                                  or negative
         * @throws NullPointerException     if {@code timeout} is null
         */
        public Options {
            if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
                throw new IllegalArgumentException("parallelism must be between 1 and " + MAX_PARALLELISM + ", not " + parallelism);
            }
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be more than zero, not " + timeout);
            }
        }

        /**
         * The defaults: 8 servers at a time, 10 seconds per server, sessions only.
         *
         * @return {@code new Options(8, Duration.ofSeconds(10), false, false)}
         */
        public static Options defaults() {
            return new Options(8, Duration.ofSeconds(10), false, false);
        }

        /**
         * These options with another parallelism.
         *
         * @param value how many servers are queried at once, 1 to {@value #MAX_PARALLELISM}
         * @return new options; these are unchanged
         * @throws IllegalArgumentException if {@code value} is out of range
         */
        public Options withParallelism(int value) {
            return new Options(value, timeout, sessionInfo, processes);
        }

        /**
         * These options with another per-server timeout.
         *
         * @param value how long one server may take from its turn's start (open, every call,
         *              close), more than zero
         * @return new options; these are unchanged
         * @throws IllegalArgumentException if {@code value} is zero or negative
         * @throws NullPointerException     if {@code value} is null
         */
        public Options withTimeout(Duration value) {
            return new Options(parallelism, value, sessionInfo, processes);
        }

        /**
         * These options, reading or not WTSSessionInfo for every session.
         *
         * @param value true to fill {@link WtsInventorySession#info()} (user, domain, counters,
         *              times: one more call per session)
         * @return new options; these are unchanged
         */
        public Options withSessionInfo(boolean value) {
            return new Options(parallelism, timeout, value, processes);
        }

        /**
         * These options, listing or not each server's processes.
         *
         * @param value true to fill {@link WtsServerInventory#processes()} (one
         *              WTSEnumerateProcessesW call per server)
         * @return new options; these are unchanged
         */
        public Options withProcesses(boolean value) {
            return new Options(parallelism, timeout, sessionInfo, value);
        }
    }

    /**
     * Scans servers by name; the results come in the order of the names (a name given twice
     * is scanned twice).
     *
     * @param servers the servers' names (NetBIOS or DNS, as WTSOpenServerW takes
     *                them); an empty list gives an empty result at once
     * @param options what to read, how many servers at a time, and each one's timeout
     * @return one result per name, in the order of {@code servers}: {@link WtsServerResult.Scanned},
     *         {@link WtsServerResult.Failed} or {@link WtsServerResult.TimedOut}; never an
     *         exception for a single server's failure (an interrupt marks the servers not yet
     *         started as failed with a {@link CancellationException})
     * @throws NullPointerException          if servers, a name or options is null
     * @throws IllegalArgumentException      if a name is empty, too long or contains NUL
     *                                       (checked for all names before anything runs)
     * @throws UnsupportedOperationException if this is not Windows (before anything runs)
     */
    public static List<WtsServerResult> scan(List<String> servers, Options options) {
        Objects.requireNonNull(servers, "servers");
        Objects.requireNonNull(options, "options");
        List<String> names = List.copyOf(servers); // NPE for a null name
        for (String name : names) {
            Checks.text(name, "server name", WtsServer.MAX_NAME_LENGTH);
            if (name.isEmpty()) {
                throw new IllegalArgumentException("server name must not be empty; use scanLocal for this machine");
            }
        }
        if (names.isEmpty()) {
            return List.of();
        }
        NativeLibrary.ensureLoaded();

        Semaphore slots = new Semaphore(Math.min(options.parallelism(), names.size()));
        ExecutorService threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS,
                new SynchronousQueue<>(), new DaemonThreads());
        List<CompletableFuture<WtsServerResult>> futures = new ArrayList<>(names.size());
        try {
            for (String name : names) {
                try {
                    slots.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    futures.add(CompletableFuture.completedFuture(new WtsServerResult.Failed(name,
                            new CancellationException("the scan was interrupted before " + name + " was queried"),
                            Duration.ZERO)));
                    continue;
                }
                CompletableFuture<WtsServerResult> future = CompletableFuture
                        .supplyAsync(() -> scanOne(name, options), threads)
                        .completeOnTimeout(new WtsServerResult.TimedOut(name, options.timeout()),
                                saturatedNanos(options.timeout()), TimeUnit.NANOSECONDS);
                future.whenComplete((result, error) -> slots.release()); // once: the first completion
                futures.add(future);
            }
        } finally {
            threads.shutdown(); // running (and timed-out) calls finish on their own
        }
        List<WtsServerResult> results = new ArrayList<>(futures.size());
        for (int i = 0; i < futures.size(); i++) {
            String name = names.get(i);
            results.add(futures.get(i).handle((result, error) -> result != null ? result
                    : new WtsServerResult.Failed(name, asRuntime(error), Duration.ZERO)).join());
        }
        return List.copyOf(results);
    }

    /**
     * The same for this machine, on the calling thread (local calls do not hang);
     * {@code server()} is empty. {@link Options#parallelism()} and {@link Options#timeout()}
     * do not apply.
     *
     * @param options what to read
     * @return {@link WtsServerResult.Scanned}, or {@link WtsServerResult.Failed} with the
     *         {@link WtsException} of the call that failed; never {@link WtsServerResult.TimedOut}
     * @throws NullPointerException          if {@code options} is null
     * @throws UnsupportedOperationException if this is not Windows
     */
    public static WtsServerResult scanLocal(Options options) {
        Objects.requireNonNull(options, "options");
        NativeLibrary.ensureLoaded();
        long start = System.nanoTime();
        try {
            return new WtsServerResult.Scanned("", collect(WtsServer.local(), "", options), since(start));
        } catch (WtsException e) {
            return new WtsServerResult.Failed("", e, since(start));
        }
    }

    private static WtsServerResult scanOne(String name, Options options) {
        long start = System.nanoTime();
        try (WtsServer server = WtsServer.open(name)) {
            WtsServerInventory inventory = collect(server, name, options);
            return new WtsServerResult.Scanned(name, inventory, since(start));
        } catch (RuntimeException e) {
            return new WtsServerResult.Failed(name, e, since(start));
        }
    }

    private static WtsServerInventory collect(WtsServer server, String name, Options options) {
        List<WtsSessionEntry> listed = server.sessions();
        List<WtsInventorySession> sessions = new ArrayList<>(listed.size());
        for (WtsSessionEntry session : listed) {
            Optional<WtsSessionInfo> info = Optional.empty();
            if (options.sessionInfo()) {
                try {
                    info = Optional.of(server.session(session.id()).info());
                } catch (WtsException e) {
                    // the session may have ended since the listing: keep it, without info
                }
            }
            sessions.add(new WtsInventorySession(session, info));
        }
        Optional<List<WtsProcess>> processes = options.processes()
                ? Optional.of(server.processes()) : Optional.empty();
        return new WtsServerInventory(name, sessions, processes);
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static RuntimeException asRuntime(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        return cause instanceof RuntimeException re ? re : new IllegalStateException(cause.toString(), cause);
    }

    private static final class DaemonThreads implements ThreadFactory {
        private static final AtomicInteger COUNT = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "wts-inventory-" + COUNT.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }

    /** A timeout in nanoseconds; "forever" (beyond ~292 years) saturates instead of overflowing. */
    static long saturatedNanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
