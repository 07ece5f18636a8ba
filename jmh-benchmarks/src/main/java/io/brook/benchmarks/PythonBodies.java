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

    /**
     * The scalar function of {@link PythonUdfBenchmark}: {@code f(value float64) RETURNS float64},
     * one list of values per chunk in, one list of {@code v * 2 + 1} out. {@code cpython_peer.py}
     * runs the same {@code def}.
     */
    static String scalarFunction(String name) {
        return """
                CREATE FUNCTION %1$s(value float64) RETURNS float64 LANGUAGE PYTHON AS $$
                def %1$s(value):
                    return [v * 2 + 1 for v in value]
                $$""".formatted(name);
    }

    /**
     * A scalar function that returns, for every row, how many rows its chunk had: the largest
     * chunk a query handed the function over ({@code max(name(value))}).
     */
    static String chunkLength(String name) {
        return """
                CREATE FUNCTION %1$s(value float64) RETURNS int64 LANGUAGE PYTHON AS $$
                def %1$s(value):
                    return [len(value)] * len(value)
                $$""".formatted(name);
    }

    /** The aggregate of {@link PythonUdfBenchmark}: the mean of a float64 column, one instance per group. */
    static String meanAggregate(String name) {
        return """
                CREATE AGGREGATE FUNCTION %1$s(value float64) RETURNS float64 LANGUAGE PYTHON AS $$
                class %1$s:
                    def __init__(self):
                        self.total = 0.0
                        self.count = 0

                    def process(self, values):
                        self.total += sum(values)
                        self.count += len(values)

                    def finalize(self):
                        return self.total / self.count
                $$""".formatted(name);
    }

    private static String pythonFloat(double value) {
        return String.format(Locale.ROOT, "%.17g", value);
    }
}
