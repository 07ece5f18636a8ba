package io.brook.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * The bridge between Brook and Python external streams (SPEC 3.4, 3.7), each beside CPython 3
 * running the same Python loop over ready-made lists:
 * <ol>
 *   <li>sink: {@code INSERT INTO py SELECT host, value FROM table(metrics)} over {@code rows}
 *       stored rows into a Python sink whose write function loops over both columns with
 *       {@code zip} and adds up the values ({@link #brookSink}), against the same loop in
 *       CPython over a list of {@code bytes} hosts and a list of floats ({@link #cpythonSink});</li>
 *   <li>source: {@code SELECT count(), sum(v) FROM py} over a generator yielding
 *       {@code (i, float(i))} {@code rows} times ({@link #brookSource}), against CPython counting
 *       and summing the same generator ({@link #cpythonSource});</li>
 *   <li>latency: a two-row {@code INSERT ... VALUES} into a warm Python sink
 *       ({@link #brookTwoRowInsert}, sampled).</li>
 * </ol>
 * Everything in Brook goes through the embedded JDBC driver. CPython runs in its own process; its
 * score is the time of one round trip through a pipe to it, whose loop time it also measures itself.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class PythonBridgeBenchmark {
    static final String TABLE = StoredMetrics.TABLE;

    /** Stored rows and a Python sink that checks, when the INSERT ends, every row and the sum it saw. */
    @State(Scope.Benchmark)
    public static class BrookSink {
        @Param(BenchmarkData.DEFAULT_ROWS)
        public long rows;
        /** Rows per log entry, and so per chunk that {@code table(metrics)} hands to the sink. */
        @Param("50000")
        public int chunkRows;
        StoredMetrics stored;
        BrookDatabase database;

        @Setup(Level.Trial)
        public void load() throws SQLException {
            stored = StoredMetrics.load(rows, chunkRows);
            database = stored.database();
            database.execute(PythonBodies.checkedSink("py_sink", rows, BenchmarkData.valueSum(rows)));
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            stored.close();
        }
    }

    @State(Scope.Benchmark)
    public static class CPythonSink {
        @Param(BenchmarkData.DEFAULT_ROWS)
        public long rows;
        CPythonPeer python;

        @Setup(Level.Trial)
        public void start() {
            python = CPythonPeer.sink(rows);
        }

        @TearDown(Level.Trial)
        public void close() {
            python.close();
        }
    }

    /** A Python source whose read function yields {@code rows} rows {@code (i, float(i))}. */
    @State(Scope.Benchmark)
    public static class BrookSource {
        @Param(BenchmarkData.DEFAULT_ROWS)
        public long rows;
        BrookDatabase database;

        @Setup(Level.Trial)
        public void open() throws SQLException {
            database = BrookDatabase.inScratch();
            database.execute(PythonBodies.counter("py_source", rows));
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            database.close();
        }
    }

    @State(Scope.Benchmark)
    public static class CPythonSource {
        @Param(BenchmarkData.DEFAULT_ROWS)
        public long rows;
        CPythonPeer python;

        @Setup(Level.Trial)
        public void start() {
            python = CPythonPeer.source(rows);
        }

        @TearDown(Level.Trial)
        public void close() {
            python.close();
        }
    }

    /** A Python sink with the plain loop as its body; JMH's warm-up leaves its runtime warm. */
    @State(Scope.Benchmark)
    public static class BrookWarmSink {
        BrookDatabase database;

        @Setup(Level.Trial)
        public void open() throws SQLException {
            database = BrookDatabase.inScratch();
            database.execute(PythonBodies.plainSink("py_small"));
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            database.close();
        }
    }

    /** (1) Every stored row through the Python sink; returns the row count the INSERT reports. */
    @Benchmark
    public long brookSink(BrookSink sink) throws SQLException {
        return sink.database.executeLargeUpdate("INSERT INTO py_sink SELECT host, value FROM table(" + TABLE + ")");
    }

    /** (1) The same loop in CPython over ready-made lists; returns the sum. */
    @Benchmark
    public double cpythonSink(CPythonSink sink) {
        return sink.python.run().sum();
    }

    /** (2) Count and sum of every row the generator yields; returns {@code [count, sum]}. */
    @Benchmark
    public double[] brookSource(BrookSource source) throws SQLException {
        return source.database.lastRowOfTwoNumbers("SELECT count(), sum(v) FROM py_source");
    }

    /** (2) CPython counting and summing the same generator; returns the sum. */
    @Benchmark
    public double cpythonSource(CPythonSource source) {
        return source.python.run().sum();
    }

    /** (3) One two-row INSERT into the warm Python sink: one module, one write call. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long brookTwoRowInsert(BrookWarmSink sink) throws SQLException {
        return sink.database.executeLargeUpdate("INSERT INTO py_small (host, value) VALUES ('host-1', 1.5), ('host-2', 2.5)");
    }
}
