package io.github.wtsbridge.internal;

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
        StringBuilder text = new StringBuilder(16 + 11 * (length - 8) / 4);
        text.append("S-").append(bytes[offset] & 0xFF).append('-');
        if (authority >= (1L << 32)) {
            text.append(String.format("0x%012X", authority));
        } else {
            text.append(authority);
        }
        for (int at = offset + 8; at < offset + length; at += 4) {
            long sub = (bytes[at] & 0xFFL) | (bytes[at + 1] & 0xFFL) << 8
                    | (bytes[at + 2] & 0xFFL) << 16 | (bytes[at + 3] & 0xFFL) << 24;
            text.append('-').append(sub);
        }
        return text.toString();
    }
}
