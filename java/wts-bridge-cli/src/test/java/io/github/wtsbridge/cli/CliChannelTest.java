package io.github.wtsbridge.cli;

import static io.github.wtsbridge.cli.CliTest.at;
import static io.github.wtsbridge.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.testing.FakeChannels;
import io.github.wtsbridge.testing.FakeTestBase;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code channel send|listen NAME} against the fake's client end. */
class CliChannelTest extends FakeTestBase {
    private static final InputStream STDIN = System.in;

    @AfterEach
    void restoreStdin() {
        System.setIn(STDIN);
        assertEquals(0, FakeChannels.misuse());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void sendWritesStandardInputToTheClient() {
        FakeChannels.offer(1, "ACMECLP", false);
        System.setIn(new ByteArrayInputStream(ascii("ping\n")));
        CliTest.Run run = cli("channel", "send", "ACMECLP");
        assertEquals(0, run.code(), run.err());
        assertEquals("sent 5 bytes on ACMECLP", run.out().strip());
        assertArrayEquals(ascii("ping\n"), FakeChannels.clientRead(1, "ACMECLP", false));

        FakeChannels.offer(3, "Acme::Dvc", true);
        System.setIn(new ByteArrayInputStream(new byte[5000]));
        run = cli("channel", "send", "--dynamic", "--session", "3", "--priority", "high", "--no-compress", "--json", "Acme::Dvc");
        assertEquals(0, run.code(), run.err());
        Map<String, Object> json = run.json();
        assertEquals("send", at(json, "action"));
        assertEquals(5000L, ((Number) at(json, "bytes")).longValue());
        assertEquals(0x1 | 0x4 | 0x8, FakeChannels.lastFlags(3, "Acme::Dvc", true));
        assertEquals(5000, FakeChannels.clientRead(3, "Acme::Dvc", true).length, "one message");
    }

    @Test
    void listenCopiesWhatTheClientSends() throws Exception {
        FakeChannels.offer(1, "Acme::Dvc", true);
        CompletableFuture<CliTest.Run> listening = CompletableFuture.supplyAsync(
                () -> cli("channel", "listen", "--dynamic", "--count", "2", "Acme::Dvc"));
        while (FakeChannels.opens(1, "Acme::Dvc", true) == 0) {
            Thread.sleep(10);
        }
        FakeChannels.clientWrite(1, "Acme::Dvc", true, ascii("hello "), false);
        FakeChannels.clientWrite(1, "Acme::Dvc", true, ascii("world"), false);
        CliTest.Run run = listening.get(10, TimeUnit.SECONDS);
        assertEquals(0, run.code(), run.err());
        assertEquals("hello world", run.out());

        FakeChannels.offer(1, "ACMECLP", false);
        FakeChannels.clientWrite(1, "ACMECLP", false, ascii("abc"), false);
        run = cli("channel", "listen", "--json", "--for", "1", "ACMECLP");
        assertEquals(0, run.code(), run.err());
        Map<String, Object> json = run.json();
        assertEquals(3L, ((Number) at(json, "bytes")).longValue());
        assertArrayEquals(ascii("abc"), Base64.getDecoder().decode((String) at(json, "base64")));
    }

    @Test
    void failuresAndUsage() {
        CliTest.Run run = cli("channel", "listen", "NOPE");
        assertEquals(1, run.code());
        assertTrue(run.err().contains("WTSVirtualChannelOpen failed with error 1168"), run.err());

        FakeChannels.offer(1, "ACMECLP", false);
        FakeChannels.clientClose(1, "ACMECLP", false);
        assertEquals(1, cli("channel", "listen", "NOPE2").code());

        for (List<String> bad : List.of(List.of("channel"), List.of("channel", "talk", "X"),
                List.of("channel", "send", "TOOLONGNAME"), List.of("channel", "send", "--priority", "high", "X"),
                List.of("channel", "send", "--count", "2", "X"), List.of("channel", "listen", "--dynamic", "--priority", "urgent", "X"),
                List.of("channel", "listen", "--server", "rdsh01", "X"))) {
            CliTest.Run usage = cli(bad.toArray(String[]::new));
            assertEquals(2, usage.code(), bad + ": " + usage.err());
        }
        assertTrue(cli("channel", "--help").out().contains("send|listen NAME"));
    }
}
