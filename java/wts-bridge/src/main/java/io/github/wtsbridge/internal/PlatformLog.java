package io.github.wtsbridge.internal;

import java.lang.System.Logger.Level;
import java.util.Arrays;

/**
 * {@link Log} through the JDK's {@link System.Logger}, when slf4j-api is absent. The message is
 * formatted here, SLF4J's way, and only when its level is enabled.
 *
 * <p>Debug messages are passed on only with {@code -D}{@value #DEBUG_PROPERTY}{@code =true}.
 * Asking a System.Logger whether debug is enabled starts the JDK's logging back end
 * (java.util.logging's LogManager and its configuration): 35 ms of a cold start, for messages
 * that are off by default anyway. The logger itself is only asked for when something is logged.
 */
final class PlatformLog extends Log {
    /** The system property that lets debug messages through to System.Logger. */
    static final String DEBUG_PROPERTY = "wtsbridge.debug";

    private final String name;
    private final boolean debug;
    private volatile System.Logger logger;

    PlatformLog(String name) {
        this(name, Boolean.getBoolean(DEBUG_PROPERTY), null);
    }

    /** Tests give the logger and the debug switch. */
    PlatformLog(String name, boolean debug, System.Logger logger) {
        this.name = name;
        this.debug = debug;
        this.logger = logger;
    }

    @Override
    public void debug(String format, Object... arguments) {
        if (debug) {
            log(Level.DEBUG, format, arguments);
        }
    }

    @Override
    public void info(String format, Object... arguments) {
        log(Level.INFO, format, arguments);
    }

    @Override
    public void warn(String format, Object... arguments) {
        log(Level.WARNING, format, arguments);
    }

    private System.Logger logger() {
        System.Logger known = logger;
        if (known == null) {
            known = System.getLogger(name);
            logger = known;
        }
        return known;
    }

    private void log(Level level, String format, Object[] arguments) {
        System.Logger target = logger();
        if (!target.isLoggable(level)) {
            return;
        }
        // As SLF4J takes it: a Throwable last is the cause, whatever the placeholders.
        int last = arguments.length - 1;
        if (last >= 0 && arguments[last] instanceof Throwable cause) {
            target.log(level, format(format, Arrays.copyOf(arguments, last)), cause);
        } else {
            target.log(level, format(format, arguments), (Throwable) null);
        }
    }

    /** {@code format} with each {@code {}} replaced by the next argument; extra {@code {}} stay. */
    static String format(String format, Object... arguments) {
        StringBuilder message = new StringBuilder(format.length() + 16 * arguments.length);
        int from = 0;
        for (Object argument : arguments) {
            int at = format.indexOf("{}", from);
            if (at < 0) {
                break;
            }
            message.append(format, from, at).append(argument);
            from = at + 2;
        }
        return message.append(format, from, format.length()).toString();
    }
}
