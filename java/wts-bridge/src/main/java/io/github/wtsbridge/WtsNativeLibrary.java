package io.github.wtsbridge;

import io.github.wtsbridge.internal.NativeLibrary;

/**
 * The library's native side. Every call into the API loads it on first use; {@link #load()} does
 * it up front, so that a program (an installer's pre-flight check, a command-line tool) can learn
 * before doing anything else whether wts-bridge works on this machine.
 */
public final class WtsNativeLibrary {
    private WtsNativeLibrary() {
    }

    /**
     * Loads the DLL for this JVM's architecture (or the one named by the system property
     * {@code wtsbridge.library.path}) if it is not loaded yet. Once a load has failed, every later
     * call throws the same failure again.
     *
     * @throws UnsupportedOperationException when this is not Windows
     * @throws IllegalStateException when the DLL cannot be verified, extracted or loaded; the
     *         message says why and what to change
     */
    public static void load() {
        NativeLibrary.ensureLoaded();
    }
}
