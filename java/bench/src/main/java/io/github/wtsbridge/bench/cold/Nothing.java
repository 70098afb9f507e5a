package io.github.wtsbridge.bench.cold;

/** Cold start baseline: a JVM that starts, runs an empty main and exits. */
public final class Nothing {
    private Nothing() {
    }

    public static void main(String[] args) {
    }
}
