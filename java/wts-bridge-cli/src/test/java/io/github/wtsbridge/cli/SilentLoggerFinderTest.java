package io.github.wtsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.lang.System.Logger.Level;
import org.junit.jupiter.api.Test;

/** The tool's JVM finds its LoggerFinder through META-INF/services, and its loggers log nothing. */
class SilentLoggerFinderTest {
    @Test
    void theToolsLoggerFinderIsInstalledAndSilent() {
        assertInstanceOf(SilentLoggerFinder.class, System.LoggerFinder.getLoggerFinder());
        System.Logger library = System.getLogger("io.github.wtsbridge.internal.NativeLibrary");
        for (Level level : Level.values()) {
            assertFalse(library.isLoggable(level), level.toString());
        }
        library.log(Level.ERROR, () -> {
            throw new AssertionError("a message was made for a silent logger");
        });
    }
}
