package io.github.wtsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wtsbridge.WtsConnectState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Pure-Java pieces of the CLI: table layout, quser's idle time, state words. */
class TableAndFormatsTest {
    @Test
    void tableAlignsByCodePointsAndCleansControlCharacters() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Table("NAME", ">N", "LAST").row("\uD834\uDD1Ex", 5, "a\nb").row("abcd", 12345, "").print(
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(String.join(System.lineSeparator(), "NAME      N  LAST", "\uD834\uDD1Ex        5  a?b",
                "abcd  12345", ""), bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void idleTimeLikeQuser() {
        assertEquals("none", Formats.idle(Optional.empty()));
        assertEquals(".", Formats.idle(Optional.of(Duration.ofSeconds(59))));
        assertEquals("1", Formats.idle(Optional.of(Duration.ofSeconds(60))));
        assertEquals("59", Formats.idle(Optional.of(Duration.ofMinutes(59))));
        assertEquals("1:00", Formats.idle(Optional.of(Duration.ofMinutes(60))));
        assertEquals("23:59", Formats.idle(Optional.of(Duration.ofMinutes(24 * 60 - 1))));
        assertEquals("1+0:00", Formats.idle(Optional.of(Duration.ofDays(1))));
        assertEquals("12+3:04", Formats.idle(Optional.of(Duration.ofDays(12).plusHours(3).plusMinutes(4))));
    }

    @Test
    void stateWordsLikeQwinsta() {
        assertEquals("Active", Formats.state(WtsConnectState.ACTIVE, 0));
        assertEquals("Disc", Formats.state(WtsConnectState.DISCONNECTED, 4));
        assertEquals("Listen", Formats.state(WtsConnectState.LISTEN, 6));
        assertEquals("Unknown(4294967295)", Formats.state(WtsConnectState.UNKNOWN, -1));
        for (WtsConnectState state : WtsConnectState.values()) {
            Formats.state(state, state.code()); // a word for every state
        }
    }

    @Test
    void exitCodeOfOutcomes() {
        assertEquals(0, ExitCode.of(0, 3));
        assertEquals(3, ExitCode.of(1, 3));
        assertEquals(1, ExitCode.of(3, 3));
        assertEquals(1, ExitCode.of(1, 1));
    }
}
