package io.github.wtsbridge.internal;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a path must be for {@code System.load} to load a DLL from it on this JVM. Pure rules,
 * decided before anything is written, so that a path that cannot work is never tried and its
 * failure is reported with the real cause instead of a misleading "Can't find dependent
 * libraries":
 * <ul>
 *   <li>Before Java 21, HotSpot on Windows hands the path to the ANSI {@code LoadLibraryA}
 *       after converting it to the platform encoding ({@code sun.jnu.encoding}, the ANSI code
 *       page: windows-1252, MS932 …): a character outside that code page becomes {@code ?}
 *       and the load fails (JDK-8195129). A user named "日本" on an English Windows, or
 *       "Jürgen" on a Japanese one, has such a temp directory.</li>
 *   <li>{@code LoadLibrary} takes at most MAX_PATH (260) characters, the terminating NUL
 *       included, for a path without the {@code \\?\} prefix (which System.load does not use).</li>
 * </ul>
 * The properties are passed in (not read from {@link System}) so that tests can state a
 * Windows JVM of any version and code page; an absent property means "no constraint known".
 */
final class LoadablePaths {
    /** MAX_PATH less the terminating NUL. */
    static final int MAX_LOAD_PATH = 259;
    /** The first feature release whose System.load passes the path to Windows as UTF-16. */
    static final int UNICODE_LOAD_RELEASE = 21;

    private LoadablePaths() {
    }

    /** Why {@code System.load(path)} cannot work on the JVM these properties describe; empty if it can. */
    static Optional<String> whyNot(String path, Function<String, String> properties) {
        if (!windows(properties)) {
            return Optional.empty();
        }
        if (path.length() > MAX_LOAD_PATH) {
            return Optional.of("the path has " + path.length() + " characters, more than Windows' LoadLibrary takes ("
                    + MAX_LOAD_PATH + ", MAX_PATH)");
        }
        if (ansiLoad(properties)) {
            String encoding = properties.apply("sun.jnu.encoding");
            if (encoding != null && !encodable(path, encoding)) {
                return Optional.of("the path has characters outside this Windows' ANSI code page (" + encoding
                        + "), and Java " + properties.apply("java.specification.version")
                        + " passes the path to LoadLibrary in that code page (JDK-8195129, fixed in Java "
                        + UNICODE_LOAD_RELEASE + ")");
            }
        }
        return Optional.empty();
    }

    static boolean windows(Function<String, String> properties) {
        return NativePlatform.isWindows(properties.apply("os.name"));
    }

    /** True on a JVM older than Java 21 (its System.load converts the path to the ANSI code page). */
    private static boolean ansiLoad(Function<String, String> properties) {
        String version = properties.apply("java.specification.version");
        if (version == null) {
            return false;
        }
        try {
            return Integer.parseInt(version.startsWith("1.") ? version.substring(2) : version) < UNICODE_LOAD_RELEASE;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Whether the code page can express the path. A code page this JVM does not know (a jlink
     * image without jdk.charsets) is trusted with ASCII only: every ANSI code page keeps it.
     */
    private static boolean encodable(String path, String encoding) {
        CharsetEncoder encoder;
        try {
            encoder = Charset.forName(encoding).newEncoder();
        } catch (IllegalArgumentException unknownOrUnsupported) {
            return path.chars().allMatch(c -> c < 0x80);
        }
        return encoder.canEncode(path);
    }
}
