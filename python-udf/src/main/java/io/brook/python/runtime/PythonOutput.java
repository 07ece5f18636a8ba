package io.brook.python.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where Python's {@code sys.stdout} and {@code sys.stderr} go: the JVM's current
 * {@code System.out}/{@code System.err} (looked up at each write, so a redirect made later is
 * followed), or one SLF4J log line per Python line.
 */
final class PythonOutput {
    private static final Logger LOG = LoggerFactory.getLogger("io.brook.python.output");

    private PythonOutput() {
    }

    static OutputStream stdout(PythonConfig.Output mode) {
        return mode == PythonConfig.Output.LOG ? new LogLines(line -> LOG.info("{}", line)) : new Console(() -> System.out);
    }

    static OutputStream stderr(PythonConfig.Output mode) {
        return mode == PythonConfig.Output.LOG ? new LogLines(line -> LOG.warn("{}", line)) : new Console(() -> System.err);
    }

    /** Writes through to whatever stream the supplier gives now. */
    static final class Console extends OutputStream {
        private final Supplier<PrintStream> target;

        Console(Supplier<PrintStream> target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            target.get().write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            target.get().write(bytes, offset, length);
        }

        @Override
        public void flush() {
            target.get().flush();
        }
    }

    /** Collects bytes up to each newline and hands over the line. */
    static final class LogLines extends OutputStream {
        private final Consumer<String> sink;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LogLines(Consumer<String> sink) {
            this.sink = sink;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                emit();
            } else {
                line.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            int start = offset;
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    line.write(bytes, start, i - start);
                    emit();
                    start = i + 1;
                }
            }
            line.write(bytes, start, offset + length - start);
        }

        @Override
        public synchronized void flush() {
            if (line.size() > 0) {
                emit();
            }
        }

        private void emit() {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            sink.accept(text);
        }
    }
}
