package io.brook.benchmarks;

import java.util.Locale;

/**
 * The Python external streams of {@link PythonBridgeBenchmark}. Their loops are the ones
 * {@code cpython_peer.py} runs in CPython; a module's globals last for one query (SPEC 3.2), so a
 * sink checks what it saw in its deinit function, whose failure fails the INSERT.
 */
final class PythonBodies {
    private PythonBodies() {
    }

    /** {@code (host string, value float64)}: the write function is the bare loop. */
    static String plainSink(String name) {
        return """
                CREATE EXTERNAL STREAM %s (host string, value float64) AS $$
                def write(host, value):
                    acc = 0.0
                    for h, v in zip(host, value):
                        acc += v
                $$ SETTINGS type='python', write_function_name='write'""".formatted(name);
    }

    /**
     * The same loop, plus a few operations per call (not per row) that keep the total and check
     * the first and last host of each chunk ({@code host-<row % 1000>}, as {@code bytes}); deinit
     * fails the INSERT unless it saw {@code rows} rows whose values add up to {@code sum} (the
     * order of additions differs, so within 1e-9 relative).
     */
    static String checkedSink(String name, long rows, double sum) {
        return """
                CREATE EXTERNAL STREAM %s (host string, value float64) AS $$
                rows_seen = 0
                total = 0.0
                hosts_ok = True

                def write(host, value):
                    global rows_seen, total, hosts_ok
                    acc = 0.0
                    for h, v in zip(host, value):
                        acc += v
                    first = rows_seen
                    last = rows_seen + len(host) - 1
                    hosts_ok = hosts_ok and host[0] == b'host-%%d' %% (first %% 1000) \\
                        and host[-1] == b'host-%%d' %% (last %% 1000)
                    rows_seen += len(value)
                    total += acc

                def check():
                    if rows_seen != %d or abs(total - %s) > 1e-9 * abs(%s) or not hosts_ok:
                        raise AssertionError('saw %%d rows, sum %%r, hosts right: %%s' %% (rows_seen, total, hosts_ok))
                $$ SETTINGS type='python', write_function_name='write', deinit_function_name='check'"""
                .formatted(name, rows, pythonFloat(sum), pythonFloat(sum));
    }

    /** {@code (i int64, v float64)}: a generator of {@code rows} rows {@code (i, float(i))}. */
    static String counter(String name, long rows) {
        return """
                CREATE EXTERNAL STREAM %s (i int64, v float64) AS $$
                def read():
                    for i in range(%d):
                        yield (i, float(i))
                $$ SETTINGS type='python', read_function_name='read'""".formatted(name, rows);
    }

    private static String pythonFloat(double value) {
        return String.format(Locale.ROOT, "%.17g", value);
    }
}
