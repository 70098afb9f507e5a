package io.github.wtsbridge.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The tool's version and git commit, read from the class-path resource
 * {@code io/github/wtsbridge/cli/version.properties} (keys {@code version} and {@code commit},
 * written by the build); {@code unknown} for whatever is missing.
 */
final class Version {
    static final String RESOURCE = "version.properties";
    static final String UNKNOWN = "unknown";

    private Version() {
    }

    /** "wts-bridge VERSION (commit COMMIT)". */
    static String line() {
        return line(Version.class.getResourceAsStream(RESOURCE));
    }

    /** The line from a properties stream (closed here); null means no resource. */
    static String line(InputStream resource) {
        Properties properties = new Properties();
        if (resource != null) {
            try (InputStream in = resource) {
                properties.load(in);
            } catch (IOException | IllegalArgumentException e) {
                properties.clear(); // unreadable: everything unknown
            }
        }
        return Cli.PROGRAM + " " + value(properties, "version") + " (commit " + value(properties, "commit") + ")";
    }

    private static String value(Properties properties, String key) {
        String value = properties.getProperty(key, "").strip();
        return value.isEmpty() || value.contains("${") ? UNKNOWN : value;
    }
}
