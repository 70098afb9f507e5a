package io.github.wtsbridge.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Binary SID → its string form ({@code S-1-5-21-…}), as ConvertSidToStringSidW writes it. */
public final class Sids {
    private Sids() {
    }

    /**
     * Formats the SID at {@code bytes[offset..offset+length)}: revision, 48-bit big-endian
     * identifier authority (hex above 2^32, as Windows does), then little-endian DWORD
     * sub-authorities. Returns "" for length 0.
     */
    public static String format(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return "";
        }
        if (length < 8 || (length - 8) % 4 != 0 || (bytes[offset + 1] & 0xFF) != (length - 8) / 4) {
            throw new IllegalArgumentException("not a binary SID of " + length + " bytes");
        }
        long authority = 0;
        for (int i = 2; i < 8; i++) {
            authority = (authority << 8) | (bytes[offset + i] & 0xFF);
        }
        if (authority >= (1L << 32)) {
            return formatSlowly(bytes, offset, length, authority);
        }
        // ASCII digits straight into a byte[] (a Latin-1 String's own form): a listing formats
        // thousands of these, and StringBuilder + append(long) was a good part of its cost.
        return formatInto(new byte[2 + 3 + 1 + 10 + 11 * ((length - 8) / 4)], bytes, offset, length, authority);
    }

    /** The longest text of a SID with an authority below 2^32: "S-" 3 "-" 10, 15 × ("-" 10). */
    static final int MAX_TEXT = 2 + 3 + 1 + 10 + 11 * 15;

    /** Writes the text into {@code text} (room enough), then copies it into its String. */
    private static String formatInto(byte[] text, byte[] bytes, int offset, int length, long authority) {
        text[0] = 'S';
        text[1] = '-';
        int at = putDecimal(text, 2, bytes[offset] & 0xFF);
        text[at++] = '-';
        at = putDecimal(text, at, authority);
        for (int sub = offset + 8; sub < offset + length; sub += 4) {
            text[at++] = '-';
            at = putDecimal(text, at, dword(bytes, sub));
        }
        return new String(text, 0, at, StandardCharsets.ISO_8859_1);
    }

    /** The rare identifier authority of 2^32 or more: written in hex, as Windows does. */
    private static String formatSlowly(byte[] bytes, int offset, int length, long authority) {
        StringBuilder text = new StringBuilder(16 + 11 * (length - 8) / 4);
        text.append("S-").append(bytes[offset] & 0xFF).append('-');
        text.append(String.format("0x%012X", authority));
        for (int at = offset + 8; at < offset + length; at += 4) {
            text.append('-').append(dword(bytes, at));
        }
        return text.toString();
    }

    private static long dword(byte[] bytes, int at) {
        return (bytes[at] & 0xFFL) | (bytes[at + 1] & 0xFFL) << 8
                | (bytes[at + 2] & 0xFFL) << 16 | (bytes[at + 3] & 0xFFL) << 24;
    }

    /** Writes value (0 ≤ value < 2^32) in decimal at text[at…]; returns the index after it. */
    private static int putDecimal(byte[] text, int at, long value) {
        int end = at + digits(value);
        int i = end;
        while (value >= 10) {
            long quotient = value / 10;
            text[--i] = (byte) ('0' + (int) (value - 10 * quotient));
            value = quotient;
        }
        text[--i] = (byte) ('0' + (int) value);
        return end;
    }

    private static int digits(long value) {
        if (value < 100_000) {
            return value < 10 ? 1 : value < 100 ? 2 : value < 1_000 ? 3 : value < 10_000 ? 4 : 5;
        }
        return value < 1_000_000 ? 6 : value < 10_000_000 ? 7 : value < 100_000_000 ? 8
                : value < 1_000_000_000 ? 9 : 10;
    }

    /**
     * Formats the SIDs of one listing ({@code bytes}: its SIDs one after another), each distinct
     * SID once: a host's listing has a handful (SYSTEM, LOCAL SERVICE, NETWORK SERVICE, the
     * logged-on users) over thousands of processes, so most processes get the String of an
     * earlier one (no formatting, no allocation). It remembers up to {@value #MAX_DISTINCT}
     * distinct SIDs; a listing with more (every process its own SID) stops looking them up at
     * the next new one and formats each afresh, as without the cache.
     */
    public static final class PerListing {
        static final int MAX_DISTINCT = 64;
        private static final int SLOTS = 2 * MAX_DISTINCT;

        private final byte[] bytes;
        private final int[] hashes = new int[SLOTS];
        private final int[] offsets = new int[SLOTS];
        private final int[] lengths = new int[SLOTS];
        private final String[] texts = new String[SLOTS];
        private final byte[] scratch = new byte[MAX_TEXT];
        private int distinct;
        private boolean off;
        /** The SID whose text up to its last "-" is scratch[0..prefixEnd) (length 0: none). */
        private int prefixOffset;
        private int prefixLength;
        private int prefixEnd;

        public PerListing(byte[] bytes) {
            this.bytes = bytes;
        }

        /** As {@link Sids#format}, the same String for the same SID. */
        public String format(int offset, int length) {
            if (length == 0) {
                return "";
            }
            if (off || length < 8) {
                return formatted(offset, length); // (Sids.format checks a short SID)
            }
            int hash = hash(offset, length);
            int slot = hash & (SLOTS - 1);
            for (String text = texts[slot]; text != null; text = texts[slot]) {
                int other = offsets[slot];
                if (hashes[slot] == hash && lengths[slot] == length
                        && Arrays.equals(bytes, other, other + length, bytes, offset, offset + length)) {
                    return text;
                }
                slot = (slot + 1) & (SLOTS - 1);
            }
            String text = formatted(offset, length);
            if (distinct == MAX_DISTINCT) {
                off = true;
            } else {
                hashes[slot] = hash;
                offsets[slot] = offset;
                lengths[slot] = length;
                texts[slot] = text;
                distinct++;
            }
            return text;
        }

        /**
         * As {@link Sids#format}, through this listing's one scratch array (no array per SID).
         * The SIDs of one domain or machine differ only in their last sub-authority (the RID): when
         * a SID has the previous one's bytes but its last four, the text before its last "-" is
         * still in the scratch array, and only the RID is written.
         */
        private String formatted(int offset, int length) {
            if (length < 8 || (length - 8) % 4 != 0 || (bytes[offset + 1] & 0xFF) != (length - 8) / 4
                    || bytes[offset + 2] != 0 || bytes[offset + 3] != 0) { // checks, and authorities ≥ 2^32
                return Sids.format(bytes, offset, length);
            }
            byte[] text = scratch;
            int last = offset + length - 4;
            int at;
            if (length > 8 && length == prefixLength
                    && Arrays.equals(bytes, prefixOffset, prefixOffset + length - 4, bytes, offset, last)) {
                at = prefixEnd;
            } else {
                long authority = 0;
                for (int i = 4; i < 8; i++) {
                    authority = (authority << 8) | (bytes[offset + i] & 0xFF);
                }
                text[0] = 'S';
                text[1] = '-';
                at = putDecimal(text, 2, bytes[offset] & 0xFF);
                text[at++] = '-';
                at = putDecimal(text, at, authority);
                if (length == 8) {
                    prefixLength = 0; // the scratch no longer holds a prefix
                    return new String(text, 0, at, StandardCharsets.ISO_8859_1);
                }
                for (int sub = offset + 8; sub < last; sub += 4) {
                    text[at++] = '-';
                    at = putDecimal(text, at, dword(bytes, sub));
                }
                prefixOffset = offset;
                prefixLength = length;
                prefixEnd = at;
            }
            text[at++] = '-';
            at = putDecimal(text, at, dword(bytes, last));
            return new String(text, 0, at, StandardCharsets.ISO_8859_1);
        }

        /** The last four bytes (a SID's RID, when it has one) and the length, mixed. */
        private int hash(int offset, int length) {
            int last = offset + length - 4;
            int h = (bytes[last] & 0xFF) | (bytes[last + 1] & 0xFF) << 8 | (bytes[last + 2] & 0xFF) << 16
                    | (bytes[last + 3] & 0xFF) << 24;
            h = (h ^ length) * 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }
}
