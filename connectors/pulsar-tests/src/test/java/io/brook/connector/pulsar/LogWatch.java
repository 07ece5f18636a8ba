package io.brook.connector.pulsar;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps, while open, everything the named loggers log at {@code level} or above (message and
 * thrown exceptions, with their causes), in memory instead of on the console.
 */
final class LogWatch implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final AbstractAppender appender;
    private final List<String> names;

    LogWatch(Level level, String... names) {
        this.names = List.of(names);
        appender = new AbstractAppender("log-watch-" + System.identityHashCode(this), null, null, true,
                Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
                        .append(event.getMessage().getFormattedMessage());
                for (Throwable thrown = event.getThrown(); thrown != null; thrown = thrown.getCause()) {
                    line.append(" | ").append(thrown);
                }
                lines.add(line.toString());
            }
        };
        appender.start();
        Configuration config = context.getConfiguration();
        for (String name : names) {
            LoggerConfig logger = new LoggerConfig(name, level, false);
            logger.addAppender(appender, level, null);
            config.addLogger(name, logger);
        }
        context.updateLoggers();
    }

    /** What was logged so far. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        Configuration config = context.getConfiguration();
        names.forEach(config::removeLogger);
        context.updateLoggers();
        appender.stop();
    }
}
