package io.github.wtsbridge.internal;

import io.github.wtsbridge.WtsException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Reassembles a dynamic virtual channel's messages from the chunks a read gives: each chunk
 * is a CHANNEL_PDU_HEADER (UINT32 length, UINT32 flags, little-endian) and up to
 * CHANNEL_CHUNK_LENGTH bytes of data. {@code length} is the whole message's length (the same
 * in every chunk of it); CHANNEL_FLAG_FIRST (1) marks its first chunk, CHANNEL_FLAG_LAST (2)
 * its last, both (CHANNEL_FLAG_ONLY) a message in one chunk, neither a chunk in the middle.
 *
 * <p>Anything else is refused with {@link WtsException} 13 ({@code ERROR_INVALID_DATA}) from
 * "CHANNEL_PDU_HEADER", naming what was wrong, and the partial message is dropped (the next
 * FIRST starts afresh): a chunk shorter than its header, a FIRST while a message is open, a
 * middle or LAST chunk while none is, a length that changes within a message, data beyond
 * the announced length, a LAST before all of it arrived, a length beyond {@code maxMessage}.
 * The buffer grows with the data that actually arrives, never with what a header announces.
 * Pure Java and not thread-safe: the channel's read lock guards it.
 */
public final class ChunkAssembler {
    /** CHANNEL_FLAG_FIRST. */
    public static final int FLAG_FIRST = 1;
    /** CHANNEL_FLAG_LAST. */
    public static final int FLAG_LAST = 2;
    /** The function a framing error names. */
    public static final String FUNCTION = "CHANNEL_PDU_HEADER";
    private static final int FIRST_CAPACITY = 4096;

    private final int maxMessage;
    private byte[] message; // null between messages
    private int expected;
    private int filled;

    /** @param maxMessage the longest message accepted (at most {@code Integer.MAX_VALUE - 8}) */
    public ChunkAssembler(int maxMessage) {
        if (maxMessage < 0 || maxMessage > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxMessage must be 0 to " + (Integer.MAX_VALUE - 8));
        }
        this.maxMessage = maxMessage;
    }

    /**
     * Takes one chunk (the bytes between the buffer's position and limit, header included;
     * the position moves to the limit). Returns the whole message when this chunk ends one,
     * else null.
     *
     * @throws WtsException 13 from "CHANNEL_PDU_HEADER" for a malformed chunk
     */
    public byte[] accept(ByteBuffer chunk) {
        int size = chunk.remaining();
        if (size < ChannelsNative.HEADER_LENGTH) {
            throw malformed("a chunk of " + size + " bytes is shorter than its 8-byte header");
        }
        ByteBuffer le = chunk.slice().order(ByteOrder.LITTLE_ENDIAN);
        long length = Integer.toUnsignedLong(le.getInt(0));
        int flags = le.getInt(4);
        int data = size - ChannelsNative.HEADER_LENGTH;
        boolean first = (flags & FLAG_FIRST) != 0;
        boolean last = (flags & FLAG_LAST) != 0;
        if (first) {
            if (message != null) {
                throw malformed("a new message (CHANNEL_FLAG_FIRST) began after " + filled + " of the "
                        + expected + " bytes of the previous one, which had no CHANNEL_FLAG_LAST");
            }
            if (length > maxMessage) {
                throw malformed("a message of " + length + " bytes is longer than the " + maxMessage + " accepted");
            }
            expected = (int) length;
            filled = 0;
            message = new byte[Math.min(expected, FIRST_CAPACITY)];
        } else if (message == null) {
            throw malformed((last ? "a last chunk (CHANNEL_FLAG_LAST)" : "a middle chunk")
                    + " arrived without a first one (CHANNEL_FLAG_FIRST)");
        } else if (length != expected) {
            throw malformed("a chunk says its message has " + length + " bytes, the first chunk said " + expected);
        }
        if (data > expected - filled) {
            throw malformed("the chunks carry more than the " + expected + " bytes the header announced ("
                    + filled + " + " + data + ")");
        }
        if (filled + data > message.length) {
            message = Arrays.copyOf(message, (int) Math.min(expected, Math.max(2L * message.length, filled + data)));
        }
        chunk.position(chunk.position() + ChannelsNative.HEADER_LENGTH);
        chunk.get(message, filled, data);
        filled += data;
        if (!last) {
            return null;
        }
        if (filled != expected) {
            throw malformed("the last chunk (CHANNEL_FLAG_LAST) ended the message after " + filled + " of the "
                    + expected + " bytes its header announced");
        }
        byte[] whole = message.length == expected ? message : Arrays.copyOf(message, expected);
        message = null;
        return whole;
    }

    /** True while a message has begun and not ended. */
    public boolean inMessage() {
        return message != null;
    }

    /** Bytes of the open message received so far (0 between messages). */
    public int received() {
        return message == null ? 0 : filled;
    }

    /** Bytes the open message announced (0 between messages). */
    public int announced() {
        return message == null ? 0 : expected;
    }

    /** Drops a partial message (the peer went away, or the channel is closing). */
    public void reset() {
        message = null;
        filled = 0;
        expected = 0;
    }

    private WtsException malformed(String what) {
        reset();
        return new WtsException(WtsException.ERROR_INVALID_DATA, FUNCTION, "The data is invalid: " + what);
    }
}
