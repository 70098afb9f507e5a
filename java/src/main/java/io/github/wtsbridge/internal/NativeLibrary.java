package io.github.wtsbridge.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import org.scijava.nativelib.NativeLibraryUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads wtsbridge.dll once, by absolute path only: never through {@code System.loadLibrary},
 * so a wtsbridge.dll planted on PATH, in the current directory or beside java.exe is never
 * picked up. Two sources, in this order:
 * <ol>
 *   <li>{@value #PATH_PROPERTY}: an installer's pre-installed copy (checked against the
 *       digests recorded at build time unless {@value #VERIFY_PROPERTY}{@code =false});</li>
 *   <li>the copy bundled in the jar for this architecture, extracted by
 *       {@link SecureExtractor} and checked against the same digests.</li>
 * </ol>
 * The bundled copy is extracted under {@value #TMPDIR_PROPERTY} (default java.io.tmpdir); a
 * directory that is read-only, or does not allow running code (noexec, AppLocker), fails with
 * a message naming {@value #TMPDIR_PROPERTY} and {@value #PATH_PROPERTY}.
 * A failure is remembered and reported again, with its cause, on every later call.
 *
 * <p>The pre-installed DLL is read once and copied into a private extraction directory; the
 * copy is checked against the recorded digests (as written and as re-read) and loaded, so the
 * file cannot be swapped between the check and the load. With {@value #VERIFY_PROPERTY}{@code
 * =false} it is loaded in place, unchecked.
 */
public final class NativeLibrary {
    /** System property: absolute path of a wtsbridge.dll to load instead of the bundled one. */
    public static final String PATH_PROPERTY = "wtsbridge.library.path";
    /** System property: {@code false} loads {@value #PATH_PROPERTY} without checking its digest. */
    public static final String VERIFY_PROPERTY = "wtsbridge.library.verify";
    /** System property: directory under which the bundled DLL is extracted (default java.io.tmpdir). */
    public static final String TMPDIR_PROPERTY = "wtsbridge.tmpdir";

    private static final Logger LOG = LoggerFactory.getLogger(NativeLibrary.class);
    private static final Object LOCK = new Object();
    private static volatile boolean loaded;
    private static RuntimeException failure;

    private NativeLibrary() {
    }

    /** Loads the library if it is not loaded yet; throws the (remembered) failure otherwise. */
    public static void ensureLoaded() {
        if (loaded) {
            return;
        }
        synchronized (LOCK) {
            if (loaded) {
                return;
            }
            if (failure == null) {
                try {
                    load();
                    loaded = true;
                    return;
                } catch (RuntimeException | UnsatisfiedLinkError e) {
                    failure = e instanceof RuntimeException re ? re
                            : new IllegalStateException("wts-bridge: the native library failed to load: " + e.getMessage(), e);
                }
            }
            throw rethrown(failure);
        }
    }

    /** A fresh exception per call (so each caller gets its own stack) wrapping the first. */
    private static RuntimeException rethrown(RuntimeException first) {
        if (first instanceof UnsupportedOperationException) {
            return new UnsupportedOperationException(first.getMessage(), first);
        }
        return new IllegalStateException(first.getMessage(), first);
    }

    private static void load() {
        load(System::getProperty, NativeLibrary.class.getClassLoader(), NativeLibraryUtil.getArchitecture());
    }

    /**
     * Finds, verifies and loads the library. Package-private so that tests can name the
     * resources (a class loader with a fake {@code natives/windows_64/wtsbridge.dll}) and the
     * architecture; the production path passes the system properties, this class's loader
     * and native-lib-loader's architecture.
     */
    static void load(Function<String, String> properties, ClassLoader resources, NativeLibraryUtil.Architecture arch) {
        Located located = locate(properties, resources, arch);
        try {
            System.load(located.file().toString());
        } catch (UnsatisfiedLinkError e) {
            if (located.extracted()) {
                SecureExtractor.discard(located.file().getParent());
                throw new IllegalStateException("wts-bridge: the DLL extracted to " + located.file()
                        + " does not load (" + e.getMessage() + "); if that directory does not allow running code"
                        + " (a noexec temp directory, AppLocker), set -D" + TMPDIR_PROPERTY
                        + "=<a writable directory that allows running code>, or -D" + PATH_PROPERTY
                        + "=<a pre-installed wtsbridge.dll>", e);
            }
            throw new IllegalStateException("wts-bridge: " + located.file() + " (" + PATH_PROPERTY
                    + ") does not load: " + e.getMessage(), e);
        }
    }

    /** The absolute path to load, verified; {@code extracted} when it is this JVM's own copy. */
    record Located(Path file, boolean extracted) {
    }

    /** Everything {@link #load} does except the load itself (tests call it in-process). */
    static Located locate(Function<String, String> properties, ClassLoader resources, NativeLibraryUtil.Architecture arch) {
        String explicit = properties.apply(PATH_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            Path path;
            try {
                path = Path.of(explicit);
            } catch (InvalidPathException e) {
                throw new IllegalStateException("wts-bridge: " + PATH_PROPERTY + " is not a valid path: '" + explicit + "'", e);
            }
            if (!path.isAbsolute()) {
                throw new IllegalStateException("wts-bridge: " + PATH_PROPERTY + " must be an absolute path, not '"
                        + explicit + "' (a relative name would be looked up on the search path)");
            }
            if ("false".equalsIgnoreCase(properties.apply(VERIFY_PROPERTY))) {
                LOG.debug("loading {} without checking its digest ({}=false)", path, VERIFY_PROPERTY);
                return new Located(path, false);
            }
            String digest = BundledDigests.verify(path, BundledDigests.load(resources));
            // Load a private copy, not the path itself: the file could change between the check
            // and LoadLibrary (a writable folder, a share serving different bytes per read).
            // The copy is re-hashed as written and as re-read against the digest just checked.
            String root = rootName(properties);
            try (InputStream in = Files.newInputStream(path)) {
                Path copy = new SecureExtractor(Path.of(root), resources).extract(in, "wtsbridge.dll", digest);
                LOG.debug("loading a verified copy of {} ({}) from {}", path, PATH_PROPERTY, copy);
                return new Located(copy.toAbsolutePath(), true);
            } catch (IOException | InvalidPathException e) {
                throw new IllegalStateException("wts-bridge: cannot copy " + path + " (" + PATH_PROPERTY + ") under "
                        + root + " (" + e + "); set -D" + TMPDIR_PROPERTY
                        + "=<a writable directory that allows running code>", e);
            }
        }
        String resourceDir = resourceDirectory(arch, properties.apply("os.name"), properties.apply("os.arch"));
        String resource = resourceDir + "wtsbridge.dll";
        String root = rootName(properties);
        File file;
        try {
            file = new SecureExtractor(Path.of(root), resources).extractJni(resourceDir, "wtsbridge");
        } catch (IOException | InvalidPathException e) {
            throw new IllegalStateException("wts-bridge: cannot extract " + resource + " under " + root + " (" + e
                    + "); set -D" + TMPDIR_PROPERTY + "=<a writable directory that allows running code>, or -D"
                    + PATH_PROPERTY + "=<a pre-installed wtsbridge.dll>", e);
        }
        if (file == null) {
            throw new IllegalStateException("wts-bridge: " + resource + " is missing from the jar");
        }
        LOG.debug("loading wts-bridge native library {} extracted to {}", resource, file);
        return new Located(file.toPath().toAbsolutePath(), true);
    }

    private static String rootName(Function<String, String> properties) {
        String configured = properties.apply(TMPDIR_PROPERTY);
        return configured != null && !configured.isBlank() ? configured : properties.apply("java.io.tmpdir");
    }

    /**
     * The jar folder for an architecture (native-lib-loader's layout), or a clear
     * {@link UnsupportedOperationException} naming the OS and architecture.
     */
    static String resourceDirectory(NativeLibraryUtil.Architecture architecture, String osName, String osArch) {
        switch (architecture) {
            case WINDOWS_32:
                return "natives/windows_32/";
            case WINDOWS_64:
                return "natives/windows_64/";
            case WINDOWS_ARM64:
                return "natives/windows_arm64/";
            default:
                String os = osName == null ? "an unknown OS" : osName;
                boolean windows = os.toLowerCase(Locale.ROOT).startsWith("windows");
                throw new UnsupportedOperationException(windows
                        ? "wts-bridge has no DLL for Windows on " + osArch + " (it ships x86, x64 and arm64)"
                        : "wts-bridge needs Windows: the Terminal Services API does not exist on " + os + " (" + osArch + ")");
        }
    }
}
