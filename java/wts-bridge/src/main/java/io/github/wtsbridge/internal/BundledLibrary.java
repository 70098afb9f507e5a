package io.github.wtsbridge.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The copy bundled in the jar for this platform ({@link NativePlatform}), extracted by
 * {@link SecureExtractor} under the first usable root of {@link ExtractionRoots} (a root whose
 * paths this JVM cannot load from, see {@link LoadablePaths}, is skipped) and checked against
 * the digests the build recorded. The last source: it delivers the library or says why not.
 */
final class BundledLibrary implements LibrarySource {
    private static final Log LOG = Log.forClass(BundledLibrary.class);

    private final Function<String, String> properties;
    private final Function<String, String> environment;
    private final BundledResources resources;
    private final NativePlatform platform;

    BundledLibrary(Function<String, String> properties, Function<String, String> environment,
            BundledResources resources, NativePlatform platform) {
        this.properties = properties;
        this.environment = environment;
        this.resources = resources;
        this.platform = platform;
    }

    @Override
    public Optional<NativeLibrary.Located> locate() {
        String resource = platform.resourceDirectory() + "wtsbridge.dll";
        List<String> refusals = new ArrayList<>();
        for (ExtractionRoots.Root root : ExtractionRoots.candidates(properties, environment)) {
            Optional<String> unloadable = LoadablePaths.whyNot(ExtractionRoots.longestDllPath(root.path()), properties);
            if (unloadable.isPresent()) {
                refusals.add(root + ": " + unloadable.get());
                LOG.debug("wts-bridge: not extracting under {}: {}", root, unloadable.get());
                continue;
            }
            PinnedFile pinned;
            try {
                pinned = new SecureExtractor(root.path(), resources).extractPinned(resource);
            } catch (IOException e) {
                refusals.add(root + ": cannot extract there (" + e + ")");
                LOG.debug("wts-bridge: cannot extract under {}: {}", root, e.toString());
                continue;
            }
            if (pinned == null) {
                throw new IllegalStateException("wts-bridge: " + resource + " is missing from the jar");
            }
            LOG.debug("loading wts-bridge native library {} extracted to {}", resource, pinned.path());
            return Optional.of(new NativeLibrary.Located(pinned.path().toAbsolutePath(), true, pinned));
        }
        throw new IllegalStateException("wts-bridge: cannot extract " + resource + " under " + String.join("; ", refusals)
                + ". Set -D" + NativeLibrary.TMPDIR_PROPERTY + "=<a writable directory that allows running code"
                + (LoadablePaths.windows(properties) ? ", its path in the ANSI code page and at most "
                        + (LoadablePaths.MAX_LOAD_PATH - ExtractionRoots.DLL_PATH_BELOW_ROOT) + " characters long" : "")
                + ">, or -D" + NativeLibrary.PATH_PROPERTY + "=<a pre-installed wtsbridge.dll>");
    }
}
