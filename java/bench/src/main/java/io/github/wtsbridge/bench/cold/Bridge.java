package io.github.wtsbridge.bench.cold;

import io.github.wtsbridge.WtsSession;

/** Cold start: the first wts-bridge call (loads the library, then ProcessIdToSessionId). */
public final class Bridge {
    private Bridge() {
    }

    public static void main(String[] args) {
        if (WtsSession.current().id() < 0) {
            System.exit(1);
        }
    }
}
