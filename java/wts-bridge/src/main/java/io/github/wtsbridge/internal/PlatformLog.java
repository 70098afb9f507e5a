package io.github.wtsbridge.internal;

import java.lang.System.Logger.Level;
import java.util.Arrays;

/**
 * {@link Log} through the JDK's {@link System.Logger}, when slf4j-api is absent. The message is
 * formatted here, SLF4J's way, and only when its level is enabled.
 */
final class PlatformLog extends Log {
    private final System.Logger logger;

    PlatformLog(System.Logger logger) {
        this.logger = logger;
    }

    @Override
    public void debug(String format, Object... arguments) {
        log(Level.DEBUG, format, arguments);
    }

    @Override
    public void info(String format, Object... arguments) {
        log(Level.INFO, format, arguments);
    }

    @Override
    public void warn(String format, Object... arguments) {
        log(Level.WARNING, format, arguments);
    }

    private void log(Level level, String format, Object[] arguments) {
        if (!logger.isLoggable(level)) {
            return;
        }
        // As SLF4J takes it: a Throwable last is the cause, whatever the placeholders.
        int last = arguments.length - 1;
        if (last >= 0 && arguments[last] instanceof Throwable cause) {
            logger.log(level, format(format, Arrays.copyOf(arguments, last)), cause);
        } else {
            logger.log(level, format(format, arguments), (Throwable) null);
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
