package io.github.wtsbridge.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import io.github.wtsbridge.WtsException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Coverage-guided fuzzing of the CHANNEL_PDU_HEADER reassembly (Jazzer, libFuzzer's engine for
 * the JVM): the fuzzer chooses every chunk — its size, its header (length and flags) and its
 * bytes — and the reassembly must keep its contract whatever it gets: each chunk consumed whole;
 * the result a whole message, nothing yet (null), or WtsException 13 from "CHANNEL_PDU_HEADER"
 * after which no message is in progress; never another exception; and a message is exactly the
 * bytes its chunks carried, as a reference reassembly written here independently computes.
 *
 * <p>Tagged "fuzz", so the -Xcheck:jni suite leaves it out (Jazzer's agent is native code of its
 * own, which -Xcheck:jni flags); {@code scripts/fuzz} fuzzes for a bounded time with
 * JAZZER_FUZZ=1 and {@code -Dwts.groups=fuzz}, without -Xcheck:jni. The
 * Java heap is bounds-checked: an over-read would be an IndexOutOfBoundsException, which fails
 * here like any other exception.
 */
@Tag("fuzz")
class ChunkAssemblerFuzzTest {
    private static final int MAX_MESSAGE = 1 << 16;

    @FuzzTest(maxDuration = "30s")
    void chunkStreams(FuzzedDataProvider data) {
        ChunkAssembler assembler = new ChunkAssembler(MAX_MESSAGE);
        Reference reference = new Reference();
        int chunks = data.consumeInt(0, 64);
        for (int i = 0; i < chunks && data.remainingBytes() > 0; i++) {
            ByteBuffer chunk = ByteBuffer.wrap(data.consumeBytes(data.consumeInt(0, 3 * ChannelsNative.CHUNK_LENGTH)));
            byte[] expected = reference.accept(chunk.duplicate());
            byte[] got;
            try {
                got = assembler.accept(chunk);
            } catch (WtsException e) {
                assertEquals(WtsException.ERROR_INVALID_DATA, e.errorCode(), e.toString());
                assertEquals(ChunkAssembler.FUNCTION, e.function());
                assertFalse(assembler.inMessage(), "a refused chunk leaves no message in progress");
                assertTrue(reference.refused, "refused a chunk the reference accepts: " + e.getMessage());
                reference.reset();
                continue;
            }
            assertFalse(chunk.hasRemaining(), "a chunk is consumed whole");
            assertFalse(reference.refused, "accepted a chunk the reference refuses");
            assertArrayEquals(expected, got);
        }
    }

    /**
     * An independent reading of the framing (little-endian length of the whole message, flags
     * with CHANNEL_FLAG_FIRST = 1 and CHANNEL_FLAG_LAST = 2, then data): a message starts with
     * FIRST, ends with LAST, its chunks carry exactly the announced length, and it is at most
     * the assembler's limit. Anything else refuses the chunk and drops the message in progress.
     */
    private static final class Reference {
        private ByteArrayOutputStream message;
        private long announced;
        boolean refused;

        byte[] accept(ByteBuffer chunk) {
            refused = false;
            if (chunk.remaining() < ChannelsNative.HEADER_LENGTH) {
                return refuse();
            }
            long length = Integer.toUnsignedLong(Integer.reverseBytes(chunk.getInt()));
            int flags = Integer.reverseBytes(chunk.getInt());
            boolean first = (flags & ChunkAssembler.FLAG_FIRST) != 0;
            boolean last = (flags & ChunkAssembler.FLAG_LAST) != 0;
            if (first) {
                if (message != null || length > MAX_MESSAGE) {
                    return refuse();
                }
                message = new ByteArrayOutputStream();
                announced = length;
            } else if (message == null || length != announced) {
                return refuse();
            }
            if (message.size() + chunk.remaining() > announced) {
                return refuse();
            }
            message.write(chunk.array(), chunk.arrayOffset() + chunk.position(), chunk.remaining());
            if (!last) {
                return null;
            }
            if (message.size() != announced) {
                return refuse();
            }
            byte[] whole = message.toByteArray();
            message = null;
            return whole;
        }

        private byte[] refuse() {
            refused = true;
            return null;
        }

        void reset() {
            message = null;
            refused = false;
        }
    }
}
