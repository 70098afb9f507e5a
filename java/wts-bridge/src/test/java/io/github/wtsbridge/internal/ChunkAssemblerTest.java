package io.github.wtsbridge.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.wtsbridge.WtsException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The CHANNEL_PDU_HEADER reassembly, pure Java: well-formed messages of every size come back
 * whole, each malformed case is named, and a randomized run (a fuzzer in the small: mutated
 * well-formed streams and random bytes, fixed seeds) never gets anything but a whole message,
 * null, or WtsException 13 — never another exception, never data beyond what a chunk carried.
 */
class ChunkAssemblerTest {
    private static final int CHUNK = ChannelsNative.CHUNK_LENGTH;

    static ByteBuffer chunk(long length, int flags, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt((int) length).putInt(flags).put(data).flip();
        return b;
    }

    /** The chunks a client's write of {@code message} arrives in. */
    static List<ByteBuffer> split(byte[] message) {
        List<ByteBuffer> chunks = new ArrayList<>();
        int offset = 0;
        do {
            int n = Math.min(CHUNK, message.length - offset);
            int flags = (offset == 0 ? 1 : 0) | (offset + n == message.length ? 2 : 0);
            chunks.add(chunk(message.length, flags, Arrays.copyOfRange(message, offset, offset + n)));
            offset += n;
        } while (offset < message.length);
        return chunks;
    }

    private static byte[] feed(ChunkAssembler assembler, List<ByteBuffer> chunks) {
        byte[] result = null;
        for (int i = 0; i < chunks.size(); i++) {
            byte[] out = assembler.accept(chunks.get(i));
            if (i < chunks.size() - 1) {
                assertNull(out, "a message before its last chunk");
            } else {
                result = out;
            }
        }
        return result;
    }

    @Test
    void wellFormedMessagesOfEverySize() {
        ChunkAssembler assembler = new ChunkAssembler(Integer.MAX_VALUE - 8);
        Random random = new Random(1);
        for (int length : new int[] {0, 1, 1599, 1600, 1601, 3199, 3200, 3201, 65_536, 1_000_003}) {
            byte[] message = new byte[length];
            random.nextBytes(message);
            assertArrayEquals(message, feed(assembler, split(message)), length + " bytes");
            assertFalse(assembler.inMessage());
        }
    }

    @Test
    void flagsAreComparedBitwise() {
        ChunkAssembler assembler = new ChunkAssembler(100);
        // CHANNEL_FLAG_SHOW_PROTOCOL (0x10) and other bits beside FIRST|LAST do not matter
        assertArrayEquals(new byte[] {5}, assembler.accept(chunk(1, 0x13, new byte[] {5})));
        assertNull(assembler.accept(chunk(2, 0x11, new byte[] {1})));
        assertEquals(1, assembler.received());
        assertEquals(2, assembler.announced());
        assertArrayEquals(new byte[] {1, 2}, assembler.accept(chunk(2, 0x12, new byte[] {2})));
    }

    private static String malformed(ChunkAssembler assembler, ByteBuffer... chunks) {
        WtsException e = assertThrows(WtsException.class, () -> {
            for (ByteBuffer c : chunks) {
                assembler.accept(c);
            }
        });
        assertEquals(WtsException.ERROR_INVALID_DATA, e.errorCode());
        assertEquals(ChunkAssembler.FUNCTION, e.function());
        assertFalse(assembler.inMessage(), "the partial message was dropped");
        return e.getMessage();
    }

    @Test
    void eachMalformedCaseIsNamed() {
        ChunkAssembler a = new ChunkAssembler(10_000);
        assertTrue(malformed(a, ByteBuffer.allocate(7)).contains("shorter than its 8-byte header"));
        assertTrue(malformed(a, chunk(5, 2, new byte[5])).contains("last chunk (CHANNEL_FLAG_LAST) arrived without a first"));
        assertTrue(malformed(a, chunk(5, 0, new byte[5])).contains("middle chunk arrived without a first"));
        assertTrue(malformed(a, chunk(3000, 1, new byte[1600]), chunk(3000, 1, new byte[1400]))
                .contains("began after 1600 of the 3000 bytes"));
        assertTrue(malformed(a, chunk(3000, 1, new byte[1600]), chunk(2999, 2, new byte[1400]))
                .contains("says its message has 2999 bytes, the first chunk said 3000"));
        assertTrue(malformed(a, chunk(10, 3, new byte[11])).contains("more than the 10 bytes"));
        assertTrue(malformed(a, chunk(3000, 1, new byte[1600]), chunk(3000, 0, new byte[1600]))
                .contains("more than the 3000 bytes"));
        assertTrue(malformed(a, chunk(10, 3, new byte[9])).contains("after 9 of the 10 bytes"));
        assertTrue(malformed(a, chunk(10_001, 1, new byte[1])).contains("longer than the 10000 accepted"));
        assertTrue(malformed(a, chunk(0xFFFF_FFFFL, 1, new byte[1])).contains("4294967295 bytes"));
        // and the next message is fine
        assertArrayEquals(new byte[] {1}, a.accept(chunk(1, 3, new byte[] {1})));
    }

    @Test
    void aHugeAnnouncedLengthAllocatesOnlyWhatArrives() {
        ChunkAssembler a = new ChunkAssembler(Integer.MAX_VALUE - 8);
        assertNull(a.accept(chunk(Integer.MAX_VALUE - 8, 1, new byte[1600]))); // no 2 GiB array
        a.reset();
        assertFalse(a.inMessage());
    }

    @Test
    void randomizedStreamsNeverBreakTheContract() {
        Random random = new Random(17);
        int messages = 0;
        int refused = 0;
        for (int round = 0; round < 20_000; round++) {
            ChunkAssembler assembler = new ChunkAssembler(1 << 16);
            byte[] message = new byte[random.nextInt(random.nextBoolean() ? 40 : 6000)];
            random.nextBytes(message);
            List<ByteBuffer> chunks = split(message);
            boolean mutated = random.nextInt(4) != 0;
            if (mutated) {
                mutate(chunks, random);
            }
            for (ByteBuffer c : chunks) {
                int size = c.remaining();
                try {
                    byte[] out = assembler.accept(c);
                    assertFalse(c.hasRemaining(), "a chunk is consumed whole");
                    if (out != null) {
                        messages++;
                        assertTrue(out.length <= 1 << 16);
                        if (!mutated) {
                            assertArrayEquals(message, out);
                        }
                    }
                } catch (WtsException e) {
                    refused++;
                    assertEquals(WtsException.ERROR_INVALID_DATA, e.errorCode());
                    assertFalse(assembler.inMessage());
                } catch (RuntimeException e) {
                    fail("chunk of " + size + " bytes: " + e, e);
                }
            }
        }
        assertTrue(messages > 5_000 && refused > 5_000, messages + " messages, " + refused + " refused");
    }

    private static void mutate(List<ByteBuffer> chunks, Random random) {
        int kind = random.nextInt(6);
        int at = random.nextInt(chunks.size());
        ByteBuffer c = chunks.get(at);
        switch (kind) {
            case 0 -> c.put(random.nextInt(c.limit()), (byte) random.nextInt(256)); // a flipped byte
            case 1 -> chunks.remove(at); // a lost chunk
            case 2 -> chunks.add(at, chunks.get(at).duplicate()); // a repeated chunk
            case 3 -> chunks.set(at, (ByteBuffer) c.limit(random.nextInt(c.limit() + 1))); // cut short
            case 4 -> { // random bytes
                byte[] junk = new byte[random.nextInt(1608)];
                random.nextBytes(junk);
                chunks.set(at, ByteBuffer.wrap(junk));
            }
            default -> c.putInt(0, c.getInt(0) + random.nextInt(5) - 2); // the length off by a little
        }
        if (chunks.isEmpty()) {
            chunks.add(ByteBuffer.allocate(0));
        }
    }
}
