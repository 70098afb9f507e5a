package io.github.wtsbridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wtsbridge.testing.Background;
import io.github.wtsbridge.testing.FakeChannels;
import io.github.wtsbridge.testing.FakeTestBase;
import io.github.wtsbridge.testing.FakeWts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Dynamic virtual channels: messages reassembled from CHANNEL_PDU_HEADER chunks, overlapped I/O. */
class DynamicChannelTest extends FakeTestBase {
    private static final int SESSION = 1;
    private static final String NAME = "Acme::Clipboard";
    private static final Duration LONG = Duration.ofSeconds(10);

    @AfterEach
    void noMisuse() {
        assertEquals(0, FakeChannels.misuse(), "handles misused (closed, foreign, closed under pending I/O)");
        assertEquals(0, FakeChannels.pendingIo(), "I/O left pending after close");
    }

    private static byte[] bytes(int length, long seed) {
        return FakeChannels.randomBytes(length, seed);
    }

    private static void clientSends(byte[] message) {
        assertTrue(FakeChannels.clientWrite(SESSION, NAME, true, message, false));
    }

    private static void clientSendsChunk(int length, int flags, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        chunk.putInt(length).putInt(flags).put(data);
        assertTrue(FakeChannels.clientWrite(SESSION, NAME, true, chunk.array(), true));
    }

    private static WtsDynamicChannel open() {
        FakeChannels.offer(SESSION, NAME, true);
        return WtsVirtualChannel.openDynamic(NAME);
    }

    @Test
    void opensWithTheFlagsAndClosesEveryHandle() {
        FakeChannels.offer(SESSION, NAME, true);
        try (WtsDynamicChannel channel = WtsVirtualChannel.openDynamic(NAME)) {
            assertEquals(0x1, FakeChannels.lastFlags(SESSION, NAME, true), "WTS_CHANNEL_OPTION_DYNAMIC, PRI_LOW");
            assertEquals(WtsChannelPriority.LOW, channel.priority());
            assertTrue(channel.isCompressed());
            assertEquals(3, FakeWts.openHandles(), "the duplicated file handle and two events; the channel handle closed");
        }
        int[] expected = {0x1, 0x3, 0x5, 0x7};
        for (WtsChannelPriority priority : WtsChannelPriority.values()) {
            try (WtsDynamicChannel channel = WtsVirtualChannel.openDynamic(NAME, priority, true)) {
                assertEquals(expected[priority.ordinal()], FakeChannels.lastFlags(SESSION, NAME, true), priority.name());
            }
            try (WtsDynamicChannel channel = WtsVirtualChannel.openDynamic(SESSION, NAME, priority, false)) {
                assertEquals(expected[priority.ordinal()] | 0x8, FakeChannels.lastFlags(SESSION, NAME, true));
                assertFalse(channel.isCompressed());
                assertTrue(channel.toString().contains("no compression"));
            }
        }
    }

    @Test
    void everyFailureWhileOpeningClosesWhatWasOpened() {
        FakeChannels.offer(SESSION, NAME, true);
        for (String function : List.of("WTSVirtualChannelOpenEx", "WTSVirtualChannelQuery", "DuplicateHandle", "CreateEventW")) {
            FakeWts.injectError(function, 8, 1);
            WtsException e = assertThrows(WtsException.class, () -> WtsVirtualChannel.openDynamic(NAME));
            assertEquals(function, e.function());
            assertEquals(0, FakeWts.openHandles(), "after " + function);
            assertEquals(0, FakeWts.outstandingBuffers(), "after " + function);
        }
        try (WtsDynamicChannel ok = WtsVirtualChannel.openDynamic(NAME)) {
            assertTrue(ok.isOpen());
        }
        assertEquals(FakeChannels.NOT_OFFERED,
                assertThrows(WtsException.class, () -> WtsVirtualChannel.openDynamic("Other")).errorCode());
    }

    @Test
    void receivesAndSendsWholeMessages() {
        try (WtsDynamicChannel channel = open()) {
            clientSends(new byte[] {1, 2, 3});
            assertArrayEquals(new byte[] {1, 2, 3}, channel.receive(LONG).orElseThrow());
            channel.send(new byte[] {4, 5});
            assertArrayEquals(new byte[] {4, 5}, FakeChannels.clientRead(SESSION, NAME, true));

            clientSends(new byte[0]);
            assertArrayEquals(new byte[0], channel.receive(LONG).orElseThrow(), "an empty message");
            channel.send(new byte[0]);
            assertArrayEquals(new byte[0], FakeChannels.clientRead(SESSION, NAME, true));

            ByteBuffer direct = ByteBuffer.allocateDirect(10).put(new byte[] {7, 8, 9}).flip();
            channel.send(direct);
            assertFalse(direct.hasRemaining());
            assertArrayEquals(new byte[] {7, 8, 9}, FakeChannels.clientRead(SESSION, NAME, true));
        }
    }

    @Test
    void messagesLargerThanAChunkAreReassembled() {
        try (WtsDynamicChannel channel = open()) {
            for (int length : new int[] {1599, 1600, 1601, 3200, 3201, 100_000, 1 << 20}) {
                byte[] message = bytes(length, length);
                clientSends(message);
                assertArrayEquals(message, channel.receive(LONG).orElseThrow(), length + " bytes");
            }
            byte[] big = bytes(3 << 20, 9);
            channel.send(big);
            assertArrayEquals(big, FakeChannels.clientRead(SESSION, NAME, true), "3 MiB sent as one message");
        }
    }

    @Test
    void aTimedOutReceiveLosesNothing() {
        try (WtsDynamicChannel channel = open()) {
            long start = System.nanoTime();
            assertEquals(Optional.empty(), channel.receive(Duration.ofMillis(300)));
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(took >= 290 && took < 3000, "waited " + took + " ms");
            assertEquals(1, FakeChannels.pendingIo(), "the read stays pending");
            assertEquals(Optional.empty(), channel.receive(Duration.ZERO));

            byte[] message = bytes(5000, 5);
            byte[] first = Arrays.copyOf(message, 1600);
            clientSendsChunk(5000, 1, first); // only the first chunk: the receive times out mid-message
            assertEquals(Optional.empty(), channel.receive(Duration.ofMillis(100)));
            clientSendsChunk(5000, 0, Arrays.copyOfRange(message, 1600, 3200));
            clientSendsChunk(5000, 0, Arrays.copyOfRange(message, 3200, 4800));
            clientSendsChunk(5000, 2, Arrays.copyOfRange(message, 4800, 5000));
            assertArrayEquals(message, channel.receive(LONG).orElseThrow());
        }
        assertEquals(0, FakeWts.openHandles());
    }

    @Test
    void closingWithAReadPendingCancelsItFirst() {
        WtsDynamicChannel channel = open();
        assertEquals(Optional.empty(), channel.receive(Duration.ZERO));
        assertEquals(1, FakeChannels.pendingIo());
        channel.close();
        assertEquals(0, FakeChannels.pendingIo());
        assertEquals(0, FakeWts.openHandles());
    }

    @Test
    void receiveIntoABuffer() {
        try (WtsDynamicChannel channel = open()) {
            assertEquals(-1, channel.receive(ByteBuffer.allocate(10), Duration.ZERO));
            clientSends(bytes(100, 1));
            ByteBuffer small = ByteBuffer.allocate(50);
            BufferOverflowException tooSmall = assertThrows(BufferOverflowException.class,
                    () -> channel.receive(small, LONG));
            assertTrue(tooSmall.getMessage().contains("100 bytes"), tooSmall.getMessage());
            assertEquals(0, small.position(), "nothing copied");
            ByteBuffer direct = ByteBuffer.allocateDirect(100);
            assertEquals(100, channel.receive(direct, LONG), "the message stayed to be received");
            assertArrayEquals(bytes(100, 1), bytesOf(direct.flip()));
            clientSends(new byte[0]);
            assertEquals(0, channel.receive(ByteBuffer.allocate(0), LONG), "an empty message fits an empty buffer");
        }
    }

    private static byte[] bytesOf(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    @Test
    void malformedChunksAreAWtsExceptionAndTheNextMessageStillArrives() {
        try (WtsDynamicChannel channel = open()) {
            record Case(String says, Runnable chunks) {
            }
            List<Case> cases = new ArrayList<>();
            cases.add(new Case("without a first one", () -> clientSendsChunk(10, 2, new byte[10])));
            cases.add(new Case("without a first one", () -> clientSendsChunk(10, 0, new byte[10])));
            cases.add(new Case("ended the message after 5 of the 10", () -> clientSendsChunk(10, 3, new byte[5])));
            cases.add(new Case("more than the 4 bytes", () -> clientSendsChunk(4, 3, new byte[10])));
            cases.add(new Case("shorter than its 8-byte header",
                    () -> FakeChannels.clientWrite(SESSION, NAME, true, new byte[] {1, 2, 3}, true)));
            cases.add(new Case("a new message (CHANNEL_FLAG_FIRST) began", () -> {
                clientSendsChunk(3000, 1, new byte[1600]);
                clientSendsChunk(5, 3, new byte[5]);
            }));
            cases.add(new Case("the first chunk said 3000", () -> {
                clientSendsChunk(3000, 1, new byte[1600]);
                clientSendsChunk(2000, 2, new byte[1400]);
            }));
            cases.add(new Case("more than the 3000 bytes", () -> {
                clientSendsChunk(3000, 1, new byte[1600]);
                clientSendsChunk(3000, 0, new byte[1600]);
            }));
            for (Case c : cases) {
                c.chunks().run();
                WtsException e = assertThrows(WtsException.class, () -> channel.receive(LONG), c.says());
                assertEquals(WtsException.ERROR_INVALID_DATA, e.errorCode());
                assertEquals("CHANNEL_PDU_HEADER", e.function());
                assertTrue(e.getMessage().contains(c.says()), e.getMessage());
                byte[] next = bytes(2000, 7);
                clientSends(next);
                assertArrayEquals(next, channel.receive(LONG).orElseThrow(), "after: " + c.says());
            }
        }
    }

    @Test
    void aClientThatClosesMidMessage() {
        try (WtsDynamicChannel channel = open()) {
            clientSendsChunk(5000, 1, new byte[1600]);
            FakeChannels.clientClose(SESSION, NAME, true);
            WtsException e = assertThrows(WtsException.class, () -> channel.receive(LONG));
            assertEquals(FakeChannels.CLIENT_CLOSED, e.errorCode());
            assertEquals(FakeChannels.CLIENT_CLOSED,
                    assertThrows(WtsException.class, () -> channel.receive(LONG)).errorCode());
            assertEquals(FakeChannels.CLIENT_CLOSED,
                    assertThrows(WtsException.class, () -> channel.send(new byte[1])).errorCode());
        }
    }

    @Test
    void aClientThatClosesWhileAReceiveWaits() throws Exception {
        try (WtsDynamicChannel channel = open()) {
            CompletableFuture<Throwable> reader = Background.thrownBy(() -> channel.receive(Duration.ofSeconds(60)));
            Thread.sleep(200);
            FakeChannels.clientClose(SESSION, NAME, true);
            Throwable thrown = reader.get(5, TimeUnit.SECONDS);
            assertTrue(thrown instanceof WtsException w && w.errorCode() == FakeChannels.CLIENT_CLOSED, String.valueOf(thrown));
            assertEquals("GetOverlappedResult", ((WtsException) thrown).function());
        }
    }

    @Test
    void aCloseFromAnotherThreadWakesABlockedReceiveAtOnce() throws Exception {
        WtsDynamicChannel channel = open();
        CompletableFuture<Throwable> reader = Background.thrownBy(() -> channel.receive());
        Thread.sleep(200);
        long start = System.nanoTime();
        channel.close();
        Throwable thrown = reader.get(5, TimeUnit.SECONDS);
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(thrown instanceof IllegalStateException, String.valueOf(thrown));
        assertTrue(took < 200, "woke after " + took + " ms");
        channel.close();
        assertEquals(0, FakeWts.openHandles());
        assertEquals(0, FakeChannels.pendingIo());
    }

    @Test
    void useAfterClose() {
        WtsDynamicChannel channel = open();
        channel.close();
        long calls = FakeWts.callCount();
        assertFalse(channel.isOpen());
        assertThrows(IllegalStateException.class, () -> channel.receive(Duration.ZERO));
        assertThrows(IllegalStateException.class, () -> channel.receive());
        assertThrows(IllegalStateException.class, () -> channel.receive(ByteBuffer.allocate(1), Duration.ZERO));
        assertThrows(IllegalStateException.class, () -> channel.send(new byte[1]));
        assertThrows(ClosedChannelException.class, () -> channel.read(ByteBuffer.allocate(1)));
        assertThrows(ClosedChannelException.class, () -> channel.write(ByteBuffer.allocate(1)));
        assertEquals(calls, FakeWts.callCount());
    }

    @Test
    void badArguments() {
        try (WtsDynamicChannel channel = open()) {
            long calls = FakeWts.callCount();
            assertThrows(NullPointerException.class, () -> channel.receive((Duration) null));
            assertThrows(IllegalArgumentException.class, () -> channel.receive(Duration.ofMillis(-1)));
            assertThrows(NullPointerException.class, () -> channel.receive(null, LONG));
            assertThrows(IllegalArgumentException.class, () -> channel.receive(ByteBuffer.allocate(1).asReadOnlyBuffer(), LONG));
            assertThrows(NullPointerException.class, () -> channel.send((byte[]) null));
            assertThrows(NullPointerException.class, () -> channel.send((ByteBuffer) null));
            assertEquals(calls, FakeWts.callCount());
        }
    }

    @Test
    void theByteChannelAndStreamViews() throws IOException, Exception {
        WtsDynamicChannel channel = open();
        byte[] a = bytes(3000, 1);
        byte[] b = bytes(10, 2);
        clientSends(a);
        clientSends(b);
        try (InputStream in = channel.inputStream(); OutputStream out = channel.outputStream()) {
            assertArrayEquals(a, in.readNBytes(3000));
            assertArrayEquals(Arrays.copyOf(b, 4), in.readNBytes(4));
            assertArrayEquals(Arrays.copyOfRange(b, 4, 10), channel.receive(LONG).orElseThrow(), "the rest of the message");
            out.write(a, 0, 2000);
            assertArrayEquals(Arrays.copyOf(a, 2000), FakeChannels.clientRead(SESSION, NAME, true));
            assertEquals(0, channel.read(ByteBuffer.allocate(0)));
            assertEquals(5, channel.write(ByteBuffer.wrap(new byte[5])));
            assertArrayEquals(new byte[5], FakeChannels.clientRead(SESSION, NAME, true));
            FakeWts.injectError("WriteFile", 5, 1);
            assertTrue(assertThrows(IOException.class, () -> out.write(1)).getCause() instanceof WtsException);
        }
        assertFalse(channel.isOpen());

        Background.assertCloseWakesARead(open());
    }

    @Test
    void aReceiveAndASendAtOnceFromManyThreads() throws Exception {
        try (WtsDynamicChannel channel = open()) {
            int count = 200;
            CompletableFuture<List<byte[]>> reader = CompletableFuture.supplyAsync(() -> {
                List<byte[]> got = new ArrayList<>();
                while (got.size() < count) {
                    got.add(channel.receive(LONG).orElseThrow());
                }
                return got;
            });
            List<CompletableFuture<Void>> senders = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                senders.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 50; i++) {
                        channel.send(bytes(100 + i, thread * 1000 + i));
                    }
                }));
            }
            for (int i = 0; i < count; i++) {
                clientSends(bytes(i * 37, i));
            }
            List<byte[]> got = reader.get(30, TimeUnit.SECONDS);
            for (int i = 0; i < count; i++) {
                assertArrayEquals(bytes(i * 37, i), got.get(i), "message " + i);
            }
            for (CompletableFuture<Void> s : senders) {
                s.get(30, TimeUnit.SECONDS);
            }
            int received = 0;
            while (FakeChannels.clientRead(SESSION, NAME, true) != null) {
                received++;
            }
            assertEquals(200, received);
        }
        assertNull(FakeChannels.clientRead(SESSION, "none", true));
    }
}
