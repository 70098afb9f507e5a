package io.github.wtsbridge.internal;

import java.util.Optional;

/**
 * One place the native library can come from. {@link NativeLibrary} asks each in turn (the
 * installer's pre-installed DLL, {@link InstalledLibrary}; then the copy bundled in the jar,
 * {@link BundledLibrary}) and loads the first file one delivers.
 */
interface LibrarySource {
    /**
     * The library's file, verified and pinned; empty when this source is not configured. A
     * source that is configured but cannot deliver throws, and no later source is tried: a
     * pre-installed DLL that fails its check is an error, never a reason to load another copy.
     */
    Optional<NativeLibrary.Located> locate();
}
