package io.github.wtsbridge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The logging facade: SLF4J when it is on the class path (as in these tests: slf4j-nop), else
 * System.Logger with SLF4J's placeholders formatted here. The child-JVM checks of both routes,
 * as shipped, are in packaging.ModuleIT.
 */
class LogTest {
    /** A System.Logger that keeps what it is given, at the levels it is told to log. */
    private static class RecordingLogger implements System.Logger {
        record Entry(Level level, String message, Throwable thrown) {
        }

        final List<Entry> entries = new ArrayList<>();
        final Set<Level> enabled;

        RecordingLogger(Set<Level> enabled) {
            this.enabled = enabled;
        }

        @Override
        public String getName() {
            return "recording";
        }

        @Override
        public boolean isLoggable(Level level) {
            return enabled.contains(level);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            entries.add(new Entry(level, message, thrown));
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            throw new AssertionError("PlatformLog formats its messages itself: " + format);
        }

        @Override
        public void log(Level level, Supplier<String> supplier) {
            throw new AssertionError("not used");
        }
    }

    @Test
    void onThisClassPathItGoesThroughSlf4j() {
        assertTrue(Log.throughSlf4j(), "slf4j-api (with slf4j-nop) is on the test class path");
        assertInstanceOf(Slf4jLog.class, Log.forClass(LogTest.class));
    }

    @Test
    void placeholdersAreFilledInOrderAndExtrasStay() {
        assertEquals("loading a from b", PlatformLog.format("loading {} from {}", "a", "b"));
        assertEquals("x=1, y={}", PlatformLog.format("x={}, y={}", 1));
        assertEquals("no placeholder", PlatformLog.format("no placeholder", "unused"));
        assertEquals("null and [1, 2]", PlatformLog.format("{} and {}", null, List.of(1, 2)));
        assertEquals("{}", PlatformLog.format("{}"));
    }

    @Test
    void eachLevelMapsToItsSystemLoggerLevel() {
        RecordingLogger logger = new RecordingLogger(EnumSet.allOf(Level.class));
        PlatformLog log = new PlatformLog("test", true, logger);
        log.debug("d {}", 1);
        log.info("i {}", 2);
        log.warn("w {}", 3);
        assertEquals(List.of(new RecordingLogger.Entry(Level.DEBUG, "d 1", null),
                new RecordingLogger.Entry(Level.INFO, "i 2", null),
                new RecordingLogger.Entry(Level.WARNING, "w 3", null)), logger.entries);
    }

    @Test
    void aThrowableLastIsTheCauseAsInSlf4j() {
        RecordingLogger logger = new RecordingLogger(EnumSet.allOf(Level.class));
        PlatformLog log = new PlatformLog("test", true, logger);
        IllegalStateException failure = new IllegalStateException("boom");
        log.warn("session listener threw; delivery goes on", failure);
        log.warn("could not start '{}' in session {}: {}", "tool.exe", 3, "denied", failure);
        log.warn("a throwable last is the cause, not a placeholder's value: {}", failure);

        assertEquals("session listener threw; delivery goes on", logger.entries.get(0).message());
        assertSame(failure, logger.entries.get(0).thrown());
        assertEquals("could not start 'tool.exe' in session 3: denied", logger.entries.get(1).message());
        assertSame(failure, logger.entries.get(1).thrown());
        assertEquals("a throwable last is the cause, not a placeholder's value: {}", logger.entries.get(2).message());
        assertSame(failure, logger.entries.get(2).thrown());
    }

    @Test
    void debugStaysOffTheBackEndWithoutTheProperty() {
        RecordingLogger logger = new RecordingLogger(EnumSet.allOf(Level.class)) {
            @Override
            public boolean isLoggable(Level level) {
                throw new AssertionError("asked the back end about " + level + ": that starts java.util.logging");
            }
        };
        new PlatformLog("test", false, logger).debug("loading {}", "x");
        assertEquals(List.of(), logger.entries);
        assertEquals("wtsbridge.debug", PlatformLog.DEBUG_PROPERTY);
    }

    @Test
    void aDisabledLevelFormatsNothing() {
        RecordingLogger logger = new RecordingLogger(EnumSet.of(Level.WARNING, Level.ERROR));
        PlatformLog log = new PlatformLog("test", true, logger);
        Object failsIfFormatted = new Object() {
            @Override
            public String toString() {
                throw new AssertionError("formatted at a disabled level");
            }
        };
        log.debug("{}", failsIfFormatted);
        log.info("{}", failsIfFormatted);
        assertEquals(List.of(), logger.entries);
    }
}
