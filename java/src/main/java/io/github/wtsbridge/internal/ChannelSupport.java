package io.github.wtsbridge.internal;

import java.time.Duration;
import java.util.Objects;

/** Argument checks and timing shared by the two virtual-channel types. */
public final class ChannelSupport {
    private ChannelSupport() {
    }

    /**
     * A channel name as the natives take it: 1 to {@code max} ASCII characters (Windows takes an
     * ANSI string; ASCII is the same bytes in every ANSI code page), then a NUL.
     */
    public static byte[] name(String name, int max, String what) {
        Objects.requireNonNull(name, "name");
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("channel name must not contain a NUL character");
        }
        if (name.isEmpty() || name.length() > max) {
            throw new IllegalArgumentException("a " + what + " name is 1 to " + max + " characters, not "
                    + name.length() + (name.length() <= 40 ? ": \"" + name + "\"" : ""));
        }
        byte[] bytes = new byte[name.length() + 1];
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c > 0x7E || c < 0x20) {
                throw new IllegalArgumentException("channel name must be printable ASCII (an ANSI string whose bytes"
                        + " do not depend on the code page): '" + name + "' has U+"
                        + String.format("%04X", (int) c) + " at " + i);
            }
            bytes[i] = (byte) c;
        }
        return bytes;
    }

    /** A non-null, non-negative timeout. */
    public static Duration timeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        return timeout;
    }

    /** System.nanoTime() at which the timeout runs out (saturated: a huge timeout is forever). */
    public static long deadline(Duration timeout) {
        long nanos;
        try {
            nanos = timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            nanos = Long.MAX_VALUE / 2;
        }
        return System.nanoTime() + Math.min(nanos, Long.MAX_VALUE / 2);
    }

    /** Milliseconds to wait now: what is left of the deadline (rounded up), at most {@code slice}. */
    public static int slice(long deadline, int slice) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return 0;
        }
        return (int) Math.min(slice, (left + 999_999) / 1_000_000);
    }

    /** True once the deadline has passed. */
    public static boolean expired(long deadline) {
        return deadline - System.nanoTime() <= 0;
    }
}
