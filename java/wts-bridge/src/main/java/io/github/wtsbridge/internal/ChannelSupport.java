package io.github.wtsbridge.internal;

import io.github.wtsbridge.WtsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** Argument checks, timing and scratch buffers shared by the two virtual-channel types. */
public final class ChannelSupport {
    /** A thread's direct buffer for synchronous calls (Windows is done with it when they return). */
    private static final ThreadLocal<ByteBuffer> SCRATCH =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(ChannelsNative.PDU_LENGTH));

    /** Direct buffers dynamic channels gave back on close, for the next ones (at most 64 kept). */
    private static final ConcurrentLinkedQueue<ByteBuffer> SLABS = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger POOLED = new AtomicInteger();
    private static final int MAX_POOLED = 64;

    private ChannelSupport() {
    }

    /**
     * A direct buffer of {@code bytes} for a dynamic channel's overlapped I/O, reused from a
     * closed channel when there is one: direct memory is only freed by the GC, and a program
     * that opens many channels should not depend on it running.
     */
    public static ByteBuffer takeSlab(int bytes) {
        ByteBuffer slab = SLABS.poll();
        if (slab != null) {
            POOLED.decrementAndGet();
            if (slab.capacity() == bytes) {
                return slab.clear();
            }
        }
        return ByteBuffer.allocateDirect(bytes);
    }

    /** Gives a slab back; only once Windows is done with it and no call can touch it again. */
    public static void returnSlab(ByteBuffer slab) {
        if (POOLED.incrementAndGet() <= MAX_POOLED) {
            SLABS.offer(slab);
        } else {
            POOLED.decrementAndGet();
        }
    }

    /**
     * This thread's direct buffer of at least {@code bytes}, cleared: channels need no direct
     * memory of their own for synchronous calls, so opening many leaves nothing for the GC to
     * find. Anything over 1 MiB is not kept for the next call.
     */
    public static ByteBuffer scratch(int bytes) {
        ByteBuffer buffer = SCRATCH.get();
        if (buffer.capacity() >= bytes) {
            return buffer.clear();
        }
        ByteBuffer larger = ByteBuffer.allocateDirect(bytes);
        if (bytes <= 1 << 20) {
            SCRATCH.set(larger);
        }
        return larger;
    }

    /** Forgets this thread's scratch buffer: Windows may still use it (an overlapped write cut short). */
    public static void abandonScratch() {
        SCRATCH.remove();
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

    /** A channel call behind a ByteChannel or stream method, which may only throw IOException. */
    @FunctionalInterface
    public interface IntCall {
        int run();
    }

    /**
     * Runs {@code call} the way java.nio.channels wants: {@link ClosedChannelException} if the
     * channel was closed before, {@link AsynchronousCloseException} if another thread closed it
     * during the call (the channel's IllegalStateException), a WtsException as the cause of an
     * IOException.
     */
    public static int nio(boolean open, IntCall call) throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
        try {
            return call.run();
        } catch (IllegalStateException e) {
            throw new AsynchronousCloseException();
        } catch (WtsException e) {
            throw new IOException(e.getMessage(), e);
        }
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
