package io.github.wtsbridge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileTimesTest {
    @Test
    void unixEpoch() {
        assertEquals(Instant.EPOCH, FileTimes.toInstant(116_444_736_000_000_000L));
    }

    @Test
    void windowsEpochAndTicks() {
        assertEquals(Instant.parse("1601-01-01T00:00:00Z"), FileTimes.toInstant(0));
        assertEquals(Instant.parse("1601-01-01T00:00:00.0000001Z"), FileTimes.toInstant(1));
    }

    @Test
    void roundTripKeeps100NanosecondResolution() {
        Instant t = Instant.parse("2026-11-25T13:28:11.1234567Z");
        assertEquals(t, FileTimes.toInstant(FileTimes.fromInstant(t)));
    }

    @Test
    void zeroMeansNever() {
        assertEquals(Optional.empty(), FileTimes.toOptionalInstant(0));
    }
}
