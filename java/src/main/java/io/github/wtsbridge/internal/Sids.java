package io.github.wtsbridge.internal;

import java.nio.charset.StandardCharsets;

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
        int subAuthorities = (length - 8) / 4;
        byte[] text = new byte[2 + 3 + 1 + 10 + 11 * subAuthorities];
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
}
