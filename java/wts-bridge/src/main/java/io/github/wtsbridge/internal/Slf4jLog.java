package io.github.wtsbridge.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Log} through SLF4J; only loaded when slf4j-api is visible (see {@link Log#forClass}). */
final class Slf4jLog extends Log {
    private final Logger logger;

    Slf4jLog(Class<?> owner) {
        this.logger = LoggerFactory.getLogger(owner);
    }

    @Override
    public void debug(String format, Object... arguments) {
        logger.debug(format, arguments);
    }

    @Override
    public void info(String format, Object... arguments) {
        logger.info(format, arguments);
    }

    @Override
    public void warn(String format, Object... arguments) {
        logger.warn(format, arguments);
    }
}
