package io.github.wtsbridge.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/** TEST-ONLY: a call on another thread, and what it threw (null if it returned). */
public final class Background {
    private Background() {
    }

    public static CompletableFuture<Throwable> thrownBy(Callable<?> call) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                call.call();
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
    }

    /**
     * A read blocked on {@code channel} in another thread, then the channel closed from here:
     * the reader must wake with AsynchronousCloseException (within 5 s).
     */
    public static void assertCloseWakesARead(java.nio.channels.ByteChannel channel) throws Exception {
        CompletableFuture<Throwable> reader = thrownBy(() -> channel.read(java.nio.ByteBuffer.allocate(10)));
        Thread.sleep(150);
        channel.close();
        Throwable woken = reader.get(5, java.util.concurrent.TimeUnit.SECONDS);
        org.junit.jupiter.api.Assertions.assertTrue(woken instanceof java.nio.channels.AsynchronousCloseException,
                String.valueOf(woken));
    }
}
