package io.brook.python.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * GraalPy's own log lines (the polyglot engine's warnings), as SLF4J lines on logger
 * {@code io.brook.python.graalpy} instead of raw text on the JVM's standard error. The engine's
 * note that contexts are used on virtual threads is expected (queries run on virtual threads, and
 * Brook is tested there), so it goes out at DEBUG.
 */
final class PolyglotLog extends Handler {
    private static final Logger LOG = LoggerFactory.getLogger("io.brook.python.graalpy");
    private static final String VIRTUAL_THREADS = "virtual threads";

    @Override
    public void publish(LogRecord record) {
        String message = record.getMessage();
        if (message == null) {
            return;
        }
        String line = message.strip();
        int level = record.getLevel().intValue();
        if (level >= Level.WARNING.intValue() && !line.contains(VIRTUAL_THREADS)) {
            LOG.warn("{}", line);
        } else if (level >= Level.INFO.intValue() && !line.contains(VIRTUAL_THREADS)) {
            LOG.info("{}", line);
        } else {
            LOG.debug("{}", line);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
