package io.github.wtsbridge.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
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
 * A failure is remembered and reported again, with its cause, on every later call.
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
        String explicit = System.getProperty(PATH_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            Path path = Path.of(explicit);
            if (!path.isAbsolute()) {
                throw new IllegalStateException(PATH_PROPERTY + " must be an absolute path, not '" + explicit + "'");
            }
            if (!"false".equalsIgnoreCase(System.getProperty(VERIFY_PROPERTY))) {
                BundledDigests.verify(path, BundledDigests.load());
            }
            LOG.debug("loading wts-bridge native library from {} ({})", path, PATH_PROPERTY);
            System.load(path.toAbsolutePath().toString());
            return;
        }
        String resourceDir = resourceDirectory(NativeLibraryUtil.getArchitecture(),
                System.getProperty("os.name"), System.getProperty("os.arch"));
        String resource = resourceDir + "wtsbridge.dll";
        File file;
        try {
            file = new SecureExtractor(extractionRoot()).extractJni(resourceDir, "wtsbridge");
        } catch (IOException e) {
            throw new IllegalStateException("wts-bridge: cannot extract " + resource + " (" + e
                    + "); set -D" + TMPDIR_PROPERTY + "=<a writable directory that allows running code>, or -D"
                    + PATH_PROPERTY + "=<a pre-installed wtsbridge.dll>", e);
        }
        if (file == null) {
            throw new IllegalStateException("wts-bridge: " + resource + " is missing from the jar");
        }
        LOG.debug("loading wts-bridge native library {} extracted to {}", resource, file);
        System.load(file.getAbsolutePath());
    }

    static Path extractionRoot() {
        String configured = System.getProperty(TMPDIR_PROPERTY);
        return Path.of(configured != null && !configured.isBlank() ? configured : System.getProperty("java.io.tmpdir"));
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
