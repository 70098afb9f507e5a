package io.github.wtsbridge.cli;

import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * The tool's {@link System.LoggerFinder} (META-INF/services): every {@link System.Logger} in the
 * tool's JVM discards what it is given. The tool reports what goes wrong itself, on stderr or in
 * the JSON error object; the library's own warnings (which go to System.Logger when slf4j-api is
 * absent, as in the tool's jars) would only add java.util.logging's two-line records to that
 * output, and starting java.util.logging would add 35 ms to every run.
 */
public final class SilentLoggerFinder extends System.LoggerFinder {
    private static final System.Logger SILENT = new System.Logger() {
        @Override
        public String getName() {
            return "wts-bridge-cli";
        }

        @Override
        public boolean isLoggable(Level level) {
            return false;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            // discarded: see the class comment
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            // discarded: see the class comment
        }

        @Override
        public void log(Level level, Supplier<String> supplier) {
            // discarded, and the message is never made
        }
    };

    /** Made by ServiceLoader when the JDK first looks for a logger. */
    public SilentLoggerFinder() {
    }

    @Override
    public System.Logger getLogger(String name, Module module) {
        return SILENT;
    }
}
