package io.github.wtsbridge.internal;

/**
 * The library's logging, with SLF4J's {@code {}} placeholders and a {@link Throwable} as the last
 * argument logged as the cause. It goes through SLF4J when slf4j-api is visible to the library
 * (on the class path, or a module the library reads), else through the JDK's
 * {@link System.Logger} (java.util.logging, unless the application installed its own finder;
 * debug messages there only with {@code -Dwtsbridge.debug=true}, see {@link PlatformLog}).
 * Why not require SLF4J: the library then has no dependency, and its jar is the one file an
 * installer ships. Nothing logs on a hot path; these calls are on the load path and in
 * background loops.
 */
public abstract class Log {
    private static final boolean SLF4J_VISIBLE = slf4jVisible();

    /** The logger named after {@code owner}, as {@code LoggerFactory.getLogger(owner)} would name it. */
    public static Log forClass(Class<?> owner) {
        return SLF4J_VISIBLE ? new Slf4jLog(owner) : new PlatformLog(owner.getName());
    }

    /** Whether this library logs through SLF4J in this JVM (else through System.Logger). */
    public static boolean throughSlf4j() {
        return SLF4J_VISIBLE;
    }

    public abstract void debug(String format, Object... arguments);

    public abstract void info(String format, Object... arguments);

    public abstract void warn(String format, Object... arguments);

    private static boolean slf4jVisible() {
        try {
            Class<?> factory = Class.forName("org.slf4j.LoggerFactory", false, Log.class.getClassLoader());
            // As a named module the library reads org.slf4j only if that module was resolved
            // (requires static); slf4j on the class path is then out of its reach.
            return Log.class.getModule().canRead(factory.getModule());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
