package io.github.wtsbridge.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Where the bundled DLL may be extracted, in the order tried:
 * <ol>
 *   <li>{@value NativeLibrary#TMPDIR_PROPERTY}, when set: the only one (an explicit choice is
 *       never second-guessed);</li>
 *   <li>otherwise java.io.tmpdir (the user's %TEMP%), and on Windows, for when that cannot be
 *       used, %ProgramData% and %SystemRoot%\Temp: directories whose path is plain ASCII on
 *       every Windows (so a JVM before Java 21 can load from them whatever the user's name),
 *       in which every user may create a directory of their own. The extraction directory is
 *       owner-only there as anywhere.</li>
 * </ol>
 */
final class ExtractionRoots {
    /** The longest directory name the extractor makes: its prefix + an unsigned long's 20 digits (FreshNames, or createTempDirectory's). */
    private static final String LONGEST_DIRECTORY = SecureExtractor.DIRECTORY_PREFIX + "0".repeat(20);
    private static final String DLL = "wtsbridge.dll";
    /** Characters a DLL path adds below its root: separator, directory, separator, file name. */
    static final int DLL_PATH_BELOW_ROOT = 1 + LONGEST_DIRECTORY.length() + 1 + DLL.length();

    /** A candidate root and where it came from (for messages). */
    record Root(Path path, String origin) {
        @Override
        public String toString() {
            return path + " (" + origin + ")";
        }
    }

    private ExtractionRoots() {
    }

    static List<Root> candidates(Function<String, String> properties, Function<String, String> environment) {
        String configured = properties.apply(NativeLibrary.TMPDIR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return List.of(root(configured, "-D" + NativeLibrary.TMPDIR_PROPERTY));
        }
        List<Root> roots = new ArrayList<>();
        roots.add(root(properties.apply("java.io.tmpdir"), "java.io.tmpdir"));
        if (LoadablePaths.windows(properties)) {
            addIfSet(roots, environment.apply("ProgramData"), "", "%ProgramData%");
            addIfSet(roots, environment.apply("SystemRoot"), "\\Temp", "%SystemRoot%\\Temp");
        }
        return roots;
    }

    /** The longest path of a DLL the extractor can create under {@code root} (FreshNames' names, or createTempDirectory's). */
    static String longestDllPath(Path root) {
        return root.toAbsolutePath().resolve(LONGEST_DIRECTORY).resolve(DLL).toString();
    }

    private static void addIfSet(List<Root> roots, String directory, String below, String origin) {
        if (directory == null || directory.isBlank()) {
            return;
        }
        try {
            roots.add(new Root(Path.of(directory + below), origin));
        } catch (InvalidPathException e) {
            /* an environment variable with a name no path can have: not a candidate */
        }
    }

    private static Root root(String directory, String origin) {
        try {
            return new Root(Path.of(directory), origin);
        } catch (InvalidPathException | NullPointerException e) {
            throw new IllegalStateException("wts-bridge: " + origin + " is not a valid directory: '" + directory
                    + "'; set -D" + NativeLibrary.TMPDIR_PROPERTY + "=<a writable directory that allows running code>", e);
        }
    }
}
