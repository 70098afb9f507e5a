package io.github.wtsbridge.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The installer's DLL ({@value NativeLibrary#PATH_PROPERTY}), loaded in place: pinned before
 * its digest is read, so what is checked is what LoadLibrary maps (an AppLocker- or
 * WDAC-approved install directory keeps working: nothing is copied to a temp directory). The
 * digests are those the build recorded in the jar, unless
 * {@value NativeLibrary#VERIFY_PROPERTY}{@code =false}.
 */
final class InstalledLibrary implements LibrarySource {
    private static final Log LOG = Log.forClass(InstalledLibrary.class);

    private final Function<String, String> properties;
    private final BundledResources resources;

    InstalledLibrary(Function<String, String> properties, BundledResources resources) {
        this.properties = properties;
        this.resources = resources;
    }

    @Override
    public Optional<NativeLibrary.Located> locate() {
        String explicit = properties.apply(NativeLibrary.PATH_PROPERTY);
        if (explicit == null || explicit.isBlank()) {
            return Optional.empty();
        }
        Path path = checkedPath(explicit);
        PinnedFile pinned;
        try {
            pinned = PinnedFile.open(path);
        } catch (IOException e) {
            throw new IllegalStateException("wts-bridge: cannot open " + path + " (" + NativeLibrary.PATH_PROPERTY
                    + ") with writing and deleting denied to others (is it being written?): " + e, e);
        }
        if ("false".equalsIgnoreCase(properties.apply(NativeLibrary.VERIFY_PROPERTY))) {
            LOG.debug("loading {} without checking its digest ({}=false)", path, NativeLibrary.VERIFY_PROPERTY);
            return Optional.of(new NativeLibrary.Located(path, false, pinned));
        }
        try {
            BundledDigests.verify(pinned, BundledDigests.load(resources));
        } catch (RuntimeException e) {
            pinned.close();
            throw e;
        }
        LOG.debug("loading {} ({}) in place, verified and pinned", path, NativeLibrary.PATH_PROPERTY);
        return Optional.of(new NativeLibrary.Located(path, false, pinned));
    }

    /** The property's value as a path this JVM can load a file from, or a clear error. */
    private Path checkedPath(String explicit) {
        Path path;
        try {
            path = Path.of(explicit);
        } catch (InvalidPathException e) {
            throw new IllegalStateException("wts-bridge: " + NativeLibrary.PATH_PROPERTY + " is not a valid path: '"
                    + explicit + "'", e);
        }
        if (!path.isAbsolute()) {
            throw new IllegalStateException("wts-bridge: " + NativeLibrary.PATH_PROPERTY + " must be an absolute path, not '"
                    + explicit + "' (a relative name would be looked up on the search path)");
        }
        Optional<String> unloadable = LoadablePaths.whyNot(path.toString(), properties);
        if (unloadable.isPresent()) {
            throw new IllegalStateException("wts-bridge: " + path + " (" + NativeLibrary.PATH_PROPERTY
                    + ") cannot be loaded by this JVM: " + unloadable.get() + "; install it under another path");
        }
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("wts-bridge: " + path + " (" + NativeLibrary.PATH_PROPERTY + ") is not a file");
        }
        return path;
    }
}
