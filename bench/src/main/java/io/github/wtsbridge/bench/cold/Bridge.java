package io.github.wtsbridge.bench.cold;

import io.github.wtsbridge.WtsSessions;

/** Cold start: the first wts-bridge call (loads the library, then ProcessIdToSessionId). */
public final class Bridge {
    private Bridge() {
    }

    public static void main(String[] args) {
        if (WtsSessions.currentSessionId() < 0) {
            System.exit(1);
        }
    }
}
