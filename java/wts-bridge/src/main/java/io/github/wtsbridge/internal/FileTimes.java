package io.github.wtsbridge.internal;

import java.time.Instant;
import java.util.Optional;

/** Windows FILETIME (100 ns ticks since 1601-01-01 UTC) → {@link Instant}. */
public final class FileTimes {
    /** Seconds from 1601-01-01 to 1970-01-01. */
    static final long EPOCH_DIFFERENCE_SECONDS = 11_644_473_600L;
    private static final long TICKS_PER_SECOND = 10_000_000L;

    private FileTimes() {
    }

    /** The instant of a FILETIME; values are read as signed 64-bit, as LARGE_INTEGER is. */
    public static Instant toInstant(long fileTime) {
        long seconds = Math.floorDiv(fileTime, TICKS_PER_SECOND);
        long ticks = Math.floorMod(fileTime, TICKS_PER_SECOND);
        return Instant.ofEpochSecond(seconds - EPOCH_DIFFERENCE_SECONDS, ticks * 100);
    }

    /** Empty for 0, which Windows uses for "never". */
    public static Optional<Instant> toOptionalInstant(long fileTime) {
        return fileTime == 0 ? Optional.empty() : Optional.of(toInstant(fileTime));
    }

    /** The FILETIME of an instant (for tests and the fake's scripts). */
    public static long fromInstant(Instant instant) {
        long seconds = Math.addExact(instant.getEpochSecond(), EPOCH_DIFFERENCE_SECONDS);
        return Math.addExact(Math.multiplyExact(seconds, TICKS_PER_SECOND), instant.getNano() / 100);
    }
}
