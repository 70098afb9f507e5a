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
}
