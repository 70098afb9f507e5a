package io.github.wtsbridge.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Loads wtsbridge.dll once, by absolute path only: never through {@code System.loadLibrary},
 * so a wtsbridge.dll planted on PATH, in the current directory or beside java.exe is never
 * picked up. Two sources ({@link LibrarySource}), in this order:
 * <ol>
 *   <li>{@link InstalledLibrary}, {@value #PATH_PROPERTY}: an installer's pre-installed copy,
 *       loaded in place (checked against the digests recorded at build time unless
 *       {@value #VERIFY_PROPERTY}{@code =false});</li>
 *   <li>{@link BundledLibrary}: the copy bundled in the jar for this architecture, extracted by
 *       {@link SecureExtractor} and checked against the same digests.</li>
 * </ol>
 * Either file is pinned ({@link PinnedFile}: on Windows, writing, renaming and deleting it are
 * denied to everyone) from before its digest is read until {@code System.load} has returned,
 * so the file cannot be swapped between the check and the load.
 *
 * <p>The bundled copy is extracted under {@value #TMPDIR_PROPERTY} if set, else under
 * java.io.tmpdir, falling back on Windows to %ProgramData% and then %SystemRoot%\Temp when
 * the temp directory cannot be used: not writable, or a path this JVM cannot load from (see
 * {@link LoadablePaths}: before Java 21, a user name outside the ANSI code page). A directory
 * that is read-only, or does not allow running code (noexec, AppLocker), fails with a message
 * naming {@value #TMPDIR_PROPERTY} and {@value #PATH_PROPERTY}. A failure is remembered and
 * reported again, with its cause, on every later call.
 */
public final class NativeLibrary {
    /** System property: absolute path of a wtsbridge.dll to load instead of the bundled one. */
    public static final String PATH_PROPERTY = "wtsbridge.library.path";
    /** System property: {@code false} loads {@value #PATH_PROPERTY} without checking its digest. */
    public static final String VERIFY_PROPERTY = "wtsbridge.library.verify";
    /** System property: directory under which the bundled DLL is extracted (default java.io.tmpdir). */
    public static final String TMPDIR_PROPERTY = "wtsbridge.tmpdir";

    private static final Log LOG = Log.forClass(NativeLibrary.class);
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
        load(System::getProperty, System::getenv, BundledResources.ofLibrary(),
                NativePlatform.of(System::getProperty), file -> { });
    }

    /** As the production path, with the given properties, resources and platform (tests). */
    static void load(Function<String, String> properties, BundledResources resources, NativePlatform platform) {
        load(properties, System::getenv, resources, platform, file -> { });
    }

    /**
     * Finds, verifies and loads the library. Package-private so that tests can name the
     * properties, the environment, the resources (a directory with a fake
     * {@code natives/windows_64/wtsbridge.dll}) and the platform, and act between the
     * check and the load ({@code beforeLoad}: the file is verified and pinned at that point).
     */
    static void load(Function<String, String> properties, Function<String, String> environment, BundledResources resources,
            NativePlatform platform, Consumer<Path> beforeLoad) {
        Located located = locate(properties, environment, resources, platform);
        try {
            beforeLoad.accept(located.file());
            System.load(located.file().toString());
            if (located.extracted() && LoadablePaths.windows(properties)) {
                protect(located.file().getParent());
            }
        } catch (UnsatisfiedLinkError e) {
            located.close();
            if (located.extracted()) {
                SecureExtractor.discard(located.file().getParent());
                throw new IllegalStateException("wts-bridge: the DLL extracted to " + located.file()
                        + " does not load (" + e.getMessage() + "); if that directory does not allow running code"
                        + " (a noexec temp directory, AppLocker), set -D" + TMPDIR_PROPERTY
                        + "=<a writable directory that allows running code>, or -D" + PATH_PROPERTY
                        + "=<wtsbridge.dll installed in a directory that does, loaded in place>", e);
            }
            throw new IllegalStateException("wts-bridge: " + located.file() + " (" + PATH_PROPERTY
                    + ") does not load: " + e.getMessage(), e);
        } finally {
            located.close();
        }
    }

    /**
     * Marks the extraction directory's owner-only ACL protected, now that the DLL that can do
     * it is loaded (Java's ACL view cannot): inheritable entries of the temp directory, added
     * later or propagated by an administrator's tool, then never reach the directory or the
     * files in it. A failure leaves the explicit owner-only ACL in place and is logged.
     */
    private static void protect(Path directory) {
        try {
            OwnerOnlyAcl.protectFromInheritance(directory,
                    () -> SecurityNative.protectDacl(Checks.nulTerminated(directory.toString())));
        } catch (IOException | RuntimeException e) {
            LOG.warn("wts-bridge: the ACL of {} stays unprotected from inheritance: {}", directory, e.toString());
        }
    }

    /**
     * The absolute path to load, verified and pinned ({@link PinnedFile}) until closed, which
     * the loader does once {@code System.load} has returned; {@code extracted} when it is this
     * JVM's own copy.
     */
    record Located(Path file, boolean extracted, PinnedFile pin) implements AutoCloseable {
        @Override
        public void close() {
            if (pin != null) {
                pin.close();
            }
        }
    }

    /** Everything {@link #load} does except the load itself, without fallback roots (tests call it in-process). */
    static Located locate(Function<String, String> properties, BundledResources resources, NativePlatform platform) {
        return locate(properties, name -> null, resources, platform);
    }

    /** Everything {@link #load} does except the load itself: the first file a source delivers. */
    static Located locate(Function<String, String> properties, Function<String, String> environment,
            BundledResources resources, NativePlatform platform) {
        for (LibrarySource source : sources(properties, environment, resources, platform)) {
            Optional<Located> located = source.locate();
            if (located.isPresent()) {
                return located.get();
            }
        }
        throw new IllegalStateException("wts-bridge: no source delivered the native library");
    }

    /** The sources, in order: the installer's pre-installed DLL, then the copy bundled in the jar. */
    static List<LibrarySource> sources(Function<String, String> properties, Function<String, String> environment,
            BundledResources resources, NativePlatform platform) {
        return List.of(new InstalledLibrary(properties, resources),
                new BundledLibrary(properties, environment, resources, platform));
    }
}
