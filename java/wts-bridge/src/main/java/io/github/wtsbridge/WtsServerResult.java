package io.github.wtsbridge;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of an inventory scan for one server: its data ({@link Scanned}), the exception
 * its calls failed with ({@link Failed}), or no answer within the per-server timeout
 * ({@link TimedOut}).
 */
public sealed interface WtsServerResult permits WtsServerResult.Scanned, WtsServerResult.Failed, WtsServerResult.TimedOut {
    /**
     * The server this result is for.
     *
     * @return the name as given to {@link WtsInventory#scan}; empty for
     *         {@link WtsInventory#scanLocal}
     */
    String server();

    /**
     * Whether the server answered.
     *
     * @return true for {@link Scanned}; false for {@link Failed} and {@link TimedOut}
     */
    default boolean isOk() {
        return this instanceof Scanned;
    }

    /**
     * The data, for {@link Scanned}.
     *
     * @return the server's inventory; empty for {@link Failed} and {@link TimedOut}
     */
    default Optional<WtsServerInventory> data() {
        return this instanceof Scanned s ? Optional.of(s.inventory()) : Optional.empty();
    }

    /**
     * What went wrong: the exception for {@link Failed} (a {@link WtsException} for a Windows
     * failure, e.g. 1722 for an unreachable server or 5 for one that denies the caller), a
     * {@link java.util.concurrent.TimeoutException} for {@link TimedOut}; empty for {@link Scanned}.
     *
     * @return the exception; for {@link TimedOut} a new TimeoutException on each call, whose
     *         message names the server and the timeout in milliseconds
     */
    default Optional<Exception> failure() {
        if (this instanceof Failed f) {
            return Optional.of(f.error());
        }
        if (this instanceof TimedOut t) {
            return Optional.of(new java.util.concurrent.TimeoutException(
                    "no answer from " + t.server() + " within " + t.timeout().toMillis() + " ms"));
        }
        return Optional.empty();
    }

    /**
     * The server answered.
     *
     * @param server    the name as given to the scan; empty for the local machine
     * @param inventory what it answered
     * @param elapsed   how long its calls took (open, list, close)
     */
    record Scanned(String server, WtsServerInventory inventory, Duration elapsed) implements WtsServerResult {
        /**
         * Checks that no component is null.
         *
         * @throws NullPointerException if a component is null
         */
        public Scanned {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(inventory, "inventory");
            Objects.requireNonNull(elapsed, "elapsed");
        }
    }

    /**
     * A call for the server failed; nothing of its data is kept.
     *
     * @param server  the name as given to the scan; empty for the local machine
     * @param error   the exception (usually a {@link WtsException} naming the function and code)
     * @param elapsed how long it took to fail
     */
    record Failed(String server, RuntimeException error, Duration elapsed) implements WtsServerResult {
        /**
         * Checks that no component is null.
         *
         * @throws NullPointerException if a component is null
         */
        public Failed {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(elapsed, "elapsed");
        }
    }

    /**
     * The server did not answer within the timeout. Its calls may still be running on their
     * (daemon) thread; its handle is closed when they return.
     *
     * @param server  the name as given to the scan
     * @param timeout the per-server timeout that ran out
     */
    record TimedOut(String server, Duration timeout) implements WtsServerResult {
        /**
         * Checks that no component is null.
         *
         * @throws NullPointerException if a component is null
         */
        public TimedOut {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(timeout, "timeout");
        }
    }
}
