package io.github.wtsbridge.windows;

import io.github.wtsbridge.WtsSessions;

/** Run in a child JVM by {@link WindowsLoadTest}: loads the library the normal way and calls it. */
public final class LoadProbe {
    private LoadProbe() {
    }

    public static void main(String[] args) {
        System.out.println("session=" + WtsSessions.currentSessionId());
    }
}
