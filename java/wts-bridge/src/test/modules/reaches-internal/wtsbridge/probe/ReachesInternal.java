package wtsbridge.probe;

import io.github.wtsbridge.internal.NativeLibrary;

/** Must not compile inside the probe module: the library does not export its internal package. */
final class ReachesInternal {
    private ReachesInternal() {
    }

    static void load() {
        NativeLibrary.ensureLoaded();
    }
}
