package io.github.wtsbridge.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** Addresses in Windows replies, turned into {@link InetAddress} without any name lookup. */
public final class Addresses {
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 23;

    private Addresses() {
    }

    /**
     * WTSCLIENT.ClientAddress (USHORT[31]): IPv4 as UTF-16 text "a.b.c.d", IPv6 as the 16
     * address bytes. Empty for other families or text that is not a dotted quad.
     */
    public static Optional<InetAddress> ofClientInfo(int family, byte[] raw) {
        try {
            if (family == AF_INET6 && raw.length >= 16) {
                return Optional.of(InetAddress.getByAddress(Arrays.copyOf(raw, 16)));
            }
            if (family == AF_INET) {
                int units = 0;
                while (units * 2 + 1 < raw.length && (raw[units * 2] != 0 || raw[units * 2 + 1] != 0)) {
                    units++;
                }
                byte[] quad = dottedQuad(new String(raw, 0, units * 2, StandardCharsets.UTF_16LE));
                return quad == null ? Optional.empty() : Optional.of(InetAddress.getByAddress(quad));
            }
        } catch (UnknownHostException impossible) {
            throw new AssertionError("4 and 16 bytes are valid address lengths", impossible);
        }
        return Optional.empty();
    }

    /** The 4 bytes of "a.b.c.d" (each 0..255, decimal), or null. */
    static byte[] dottedQuad(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int value = Integer.parseInt(p);
            if (value > 255) {
                return null;
            }
            out[i] = (byte) value;
        }
        return out;
    }
}
