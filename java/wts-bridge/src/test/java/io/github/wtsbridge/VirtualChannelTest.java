package io.github.wtsbridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.testing.Background;
import io.github.wtsbridge.testing.FakeChannels;
import io.github.wtsbridge.testing.FakeServers;
import io.github.wtsbridge.testing.FakeTestBase;
import io.github.wtsbridge.testing.FakeWts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Static virtual channels against the fake's client end (native/fake/fake_channels.c). */
class VirtualChannelTest extends FakeTestBase {
    private static final int SESSION = 1; // the fake's current session
    private static final String NAME = "ACMECLP";

    @AfterEach
    void noMisuse() {
        assertEquals(0, FakeChannels.misuse(), "handles misused (closed, foreign, closed under pending I/O)");
    }

    private static byte[] bytes(int length, long seed) {
        return FakeChannels.randomBytes(length, seed);
    }

    private static void clientSends(byte[] data) {
        assertTrue(FakeChannels.clientWrite(SESSION, NAME, false, data, false));
    }

    @Test
    void opensInTheCurrentSessionReadsAndWrites() {
        FakeChannels.offer(SESSION, NAME, false);
        try (WtsVirtualChannel channel = WtsVirtualChannel.open(NAME)) {
            assertEquals(NAME, channel.name());
            assertTrue(channel.isOpen());
            assertEquals(0, FakeChannels.lastFlags(SESSION, NAME, false));
            clientSends("hello".getBytes(StandardCharsets.US_ASCII));
            ByteBuffer heap = ByteBuffer.allocate(100);
            assertEquals(5, channel.read(heap, Duration.ofSeconds(5)));
            assertEquals("hello", new String(heap.array(), 0, heap.position(), StandardCharsets.US_ASCII));

            channel.write("world".getBytes(StandardCharsets.US_ASCII));
            assertArrayEquals("world".getBytes(StandardCharsets.US_ASCII), FakeChannels.clientRead(SESSION, NAME, false));
            assertNull(FakeChannels.clientRead(SESSION, NAME, false));
        }
        assertEquals(0, FakeWts.openHandles(), "the channel handle was closed");
    }

    @Test
    void opensAnotherSessionOnTheLocalServerOnly() {
        FakeChannels.offer(3, NAME, false);
        try (WtsVirtualChannel channel = WtsVirtualChannel.open(WtsServer.local(), 3, NAME)) {
            assertEquals(1, FakeChannels.opens(3, NAME, false));
        }
        FakeServers.reachable("ts1");
        try (WtsServer remote = WtsServer.open("ts1")) {
            long calls = FakeWts.callCount();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> WtsVirtualChannel.open(remote, 3, NAME));
            assertTrue(e.getMessage().contains("WTS_CURRENT_SERVER_HANDLE"), e.getMessage());
            assertEquals(calls, FakeWts.callCount(), "no native call");
        }
    }

    @Test
    void aChannelTheClientDoesNotHaveIsAWtsException() {
        WtsException e = assertThrows(WtsException.class, () -> WtsVirtualChannel.open("NOPE"));
        assertEquals(FakeChannels.NOT_OFFERED, e.errorCode());
        assertEquals("WTSVirtualChannelOpen", e.function());
    }

    @Test
    void namesAreCheckedBeforeWindowsIsAsked() {
        long calls = FakeWts.callCount();
        assertThrows(NullPointerException.class, () -> WtsVirtualChannel.open(null));
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> WtsVirtualChannel.open("EIGHTCHR"));
        assertTrue(tooLong.getMessage().contains("1 to 7"), tooLong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WtsVirtualChannel.open(""));
        IllegalArgumentException nul = assertThrows(IllegalArgumentException.class, () -> WtsVirtualChannel.open("A\0B"));
        assertTrue(nul.getMessage().contains("NUL"), nul.getMessage());
        IllegalArgumentException ansi = assertThrows(IllegalArgumentException.class, () -> WtsVirtualChannel.open("CLIPé"));
        assertTrue(ansi.getMessage().contains("ASCII"), ansi.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WtsVirtualChannel.open(WtsServer.local(), -1, NAME));
        assertThrows(NullPointerException.class, () -> WtsVirtualChannel.open(null, 1, NAME));
        assertThrows(IllegalArgumentException.class, () -> WtsVirtualChannel.openDynamic("x".repeat(261)));
        assertThrows(NullPointerException.class, () -> WtsVirtualChannel.openDynamic("x", null, true));
        assertEquals(calls, FakeWts.callCount(), "no native call");
    }

    @Test
    void aReadTimesOutWithZero() {
        FakeChannels.offer(SESSION, NAME, false);
        try (WtsVirtualChannel channel = WtsVirtualChannel.open(NAME)) {
            long start = System.nanoTime();
            assertEquals(0, channel.read(ByteBuffer.allocate(10), Duration.ofMillis(300)));
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(took >= 290 && took < 3000, "waited " + took + " ms");
            assertEquals(0, channel.read(ByteBuffer.allocate(10), Duration.ZERO));
        }
    }

    @Test
    void aTimeoutReportedAsTrueWithNoBytesIsATimeoutToo() {
        FakeChannels.offer(SESSION, NAME, false);
        FakeChannels.timeoutReturnsTrue(true);
        try (WtsVirtualChannel channel = WtsVirtualChannel.open(NAME)) {
            assertEquals(0, channel.read(ByteBuffer.allocate(10), Duration.ofMillis(150)));
        }
    }

    @Test
    void aZeroLengthReadAsksNothing() {
        FakeChannels.offer(SESSION, NAME, false);
        try (WtsVirtualChannel channel = WtsVirtualChannel.open(NAME)) {
            clientSends(new byte[] {1, 2, 3});
            long calls = FakeWts.callCount();
            assertEquals(0, channel.read(ByteBuffer.allocate(0), Duration.ofSeconds(5)));
            assertEquals(calls, FakeWts.callCount());
            assertEquals(1, FakeChannels.unread(SESSION, NAME, false), "the data is still there");
        }
    }

    @Test
    void aSmallBufferGetsAChunkInPiecesAndADirectBufferWorks() {
        FakeChannels.offer(SESSION, NAME, false);
        byte[] sent = bytes(1000, 1);
        try (WtsVirtualChannel channel = WtsVirtualChannel.open(NAME)) {
            clientSends(sent);
            ByteBuffer small = ByteBuffer.allocateDirect(300);
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            while (got.size() < sent.length) {
                small.clear();
                int n = channel.read(small, Duration.ofSeconds(5));
                assertTrue(n > 0 && n <= 300, "read " + n);
                small.flip();
                byte[] part = new byte[n];
                small.get(part);
                got.writeBytes(part);
            }
            assertArrayEquals(sent, got.toByteArray());
        }
    }

    @Test
    void aLargeWriteFromTheClientComesInChunksOfAtMost1600() {
        FakeChannels.offer(SESSION, NAME, false);
        byte[] sent = bytes(10_000, 2);
        try (WtsVirtualChannel channel = WtsVirtualChannel.open(NAME)) {
            clientSends(sent);
            assertEquals(7, FakeChannels.unread(SESSION, NAME, false));
            ByteBuffer big = ByteBuffer.allocate(20_000);
            int reads = 0;
            while (big.position() < sent.length) {
                int n = channel.read(big, Duration.ofSeconds(5));
                assertTrue(n > 0 && n <= WtsVirtualChannel.CHUNK_LENGTH, "read " + n);
                reads++;
            }
            assertEquals(7, reads);
            assertArrayEquals(sent, java.util.Arrays.copyOf(big.array(), sent.length));
        }
    }

    @Test
    void aWriteIsRepeatedUntilAllIsWritten() {
        FakeChannels.offer(SESSION, NAME, false);
        FakeChannels.writeLimit(SESSION, NAME, 1000);
        byte[] sent = bytes(3500, 3);
        try (WtsVirtualChannel channel = WtsVirtualChannel.open(NAME)) {
            ByteBuffer direct = ByteBuffer.allocateDirect(sent.length).put(sent).flip();
            assertEquals(3500, channel.writeAll(direct));
            assertFalse(direct.hasRemaining());
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] piece;
            int pieces = 0;
            while ((piece = FakeChannels.clientRead(SESSION, NAME, false)) != null) {
                got.writeBytes(piece);
                pieces++;
            }
            assertEquals(4, pieces);
            assertArrayEquals(sent, got.toByteArray());
            assertEquals(0, channel.writeAll(ByteBuffer.allocate(0)), "nothing to write: Windows not asked");
        }
    }

    @Test
    void purgesAndClientData() {
        FakeChannels.offer(SESSION, NAME, false);
        try (WtsVirtualChannel channel = WtsVirtualChannel.open(NAME)) {
            clientSends(new byte[] {1});
            channel.purgeInput();
            assertEquals(0, FakeChannels.unread(SESSION, NAME, false));
            channel.write(new byte[] {2});
            channel.purgeOutput();
            assertNull(FakeChannels.clientRead(SESSION, NAME, false));

            WtsException unsupported = assertThrows(WtsException.class, channel::clientData);
            assertEquals(WtsException.ERROR_NOT_SUPPORTED, unsupported.errorCode());
            assertEquals("WTSVirtualChannelQuery", unsupported.function());
            FakeChannels.clientData(SESSION, NAME, new byte[] {9, 8, 7});
            assertArrayEquals(new byte[] {9, 8, 7}, channel.clientData());
            FakeChannels.clientData(SESSION, NAME, new byte[0]);
            assertArrayEquals(new byte[0], channel.clientData());
            FakeWts.injectError("WTSVirtualChannelPurgeInput", 5, 1);
            assertEquals(5, assertThrows(WtsException.class, channel::purgeInput).errorCode());
        }
    }

    @Test
    void windowsFailuresComeThrough() {
        FakeChannels.offer(SESSION, NAME, false);
        FakeWts.injectError("WTSVirtualChannelOpen", 5, 1);
        assertEquals(5, assertThrows(WtsException.class, () -> WtsVirtualChannel.open(NAME)).errorCode());
        try (WtsVirtualChannel channel = WtsVirtualChannel.open(NAME)) {
            FakeWts.injectError("WTSVirtualChannelRead", 87, 1);
            WtsException read = assertThrows(WtsException.class, () -> channel.read(ByteBuffer.allocate(5), Duration.ZERO));
            assertEquals("WTSVirtualChannelRead", read.function());
            FakeWts.injectError("WTSVirtualChannelWrite", 0xFFFFFFFF, 1); // fails without SetLastError
            WtsException write = assertThrows(WtsException.class, () -> channel.write(new byte[] {1}));
            assertEquals(0, write.errorCode());
            FakeChannels.clientClose(SESSION, NAME, false);
            assertEquals(FakeChannels.CLIENT_CLOSED,
                    assertThrows(WtsException.class, () -> channel.read(ByteBuffer.allocate(5), Duration.ZERO)).errorCode());
        }
    }

    @Test
    void useAfterCloseIsAnIllegalStateAndCloseIsIdempotent() throws Exception {
        FakeChannels.offer(SESSION, NAME, false);
        WtsVirtualChannel channel = WtsVirtualChannel.open(NAME);
        channel.close();
        channel.close();
        assertFalse(channel.isOpen());
        long calls = FakeWts.callCount();
        assertThrows(IllegalStateException.class, () -> channel.read(ByteBuffer.allocate(1), Duration.ZERO));
        assertThrows(IllegalStateException.class, () -> channel.write(new byte[1]));
        assertThrows(IllegalStateException.class, channel::purgeInput);
        assertThrows(IllegalStateException.class, channel::purgeOutput);
        assertThrows(IllegalStateException.class, channel::clientData);
        assertThrows(ClosedChannelException.class, () -> channel.read(ByteBuffer.allocate(1)));
        assertThrows(ClosedChannelException.class, () -> channel.write(ByteBuffer.allocate(1)));
        assertEquals(calls, FakeWts.callCount());
        assertTrue(channel.toString().contains("closed"));
    }

    @Test
    void aCloseFromAnotherThreadWakesABlockedRead() throws Exception {
        FakeChannels.offer(SESSION, NAME, false);
        WtsVirtualChannel channel = WtsVirtualChannel.open(NAME);
        CompletableFuture<Throwable> reader = Background.thrownBy(() -> channel.read(ByteBuffer.allocate(10), Duration.ofSeconds(60)));
        Thread.sleep(200);
        long start = System.nanoTime();
        channel.close();
        Throwable thrown = reader.get(5, TimeUnit.SECONDS);
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(thrown instanceof IllegalStateException, String.valueOf(thrown));
        assertTrue(took < 1000, "woke after " + took + " ms");
        assertEquals(0, FakeWts.openHandles());
    }

    @Test
    void theByteChannelReadWakesWithAsynchronousClose() throws Exception {
        FakeChannels.offer(SESSION, NAME, false);
        Background.assertCloseWakesARead(WtsVirtualChannel.open(NAME));
    }

    @Test
    void streams() throws IOException {
        FakeChannels.offer(SESSION, NAME, false);
        byte[] sent = bytes(5000, 4);
        WtsVirtualChannel channel = WtsVirtualChannel.open(NAME);
        try (InputStream in = channel.inputStream(); OutputStream out = channel.outputStream()) {
            clientSends(sent);
            assertArrayEquals(sent, in.readNBytes(sent.length));
            out.write(sent, 10, 100);
            assertArrayEquals(java.util.Arrays.copyOfRange(sent, 10, 110), FakeChannels.clientRead(SESSION, NAME, false));
            FakeWts.injectError("WTSVirtualChannelWrite", 5, 1);
            IOException failed = assertThrows(IOException.class, () -> out.write(1));
            assertTrue(failed.getCause() instanceof WtsException);
        }
        assertFalse(channel.isOpen(), "closing a stream closes the channel");
    }
}
