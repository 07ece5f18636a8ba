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
 * Python user functions (SPEC 3.8) over the {@code rows} stored rows of {@link BenchmarkData}:
 * <ol>
 *   <li>scalar: {@code SELECT count(), sum(f(value)) FROM table(metrics)} with
 *       {@code def f(value): return [v * 2 + 1 for v in value]}, called once per chunk
 *       ({@link #brookScalar}), against CPython running the same {@code def} over lists of the
 *       same values cut into the same chunks and adding up each result with {@code sum}
 *       ({@link #cpythonScalar}); {@link #brookBuiltinScalar} is the same query with
 *       {@code value * 2 + 1} in SQL, for scale;</li>
 *   <li>aggregate: the mean per host (1,000 hosts) by a Python aggregate function
 *       ({@link #brookPythonMean}, one instance per group) and by the built-in {@code avg}, with the
 *       default threads ({@link #brookBuiltinAvg}) and on one thread as the Python one runs
 *       ({@link #brookBuiltinAvgOneThread}).</li>
 * </ol>
 * Brook runs through the embedded JDBC driver; CPython in its own process, scored by one round
 * trip through a pipe, the loop timed inside Python as well. The Python functions in Brook warm up
 * for twice as long: GraalPy compiles the function and the bridge code on a background thread,
 * which on a loaded machine takes more than the five warm-up iterations of the others.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class PythonUdfBenchmark {
    static final String TABLE = StoredMetrics.TABLE;
    static final String SCALAR = "f";
    static final String MEAN = "py_mean";

    /** The stored rows, in log entries of {@code chunkRows}, with the two Python functions defined. */
    @State(Scope.Benchmark)
    public static class BrookTable {
        @Param(BenchmarkData.DEFAULT_ROWS)
        public long rows;
        /** Rows per log entry, and so per chunk that {@code table(metrics)} hands the function. */
        @Param("50000")
        public int chunkRows;
        StoredMetrics stored;
        BrookDatabase database;

        @Setup(Level.Trial)
        public void load() throws SQLException {
            stored = StoredMetrics.load(rows, chunkRows);
            database = stored.database();
            database.execute(PythonBodies.scalarFunction(SCALAR));
            database.execute(PythonBodies.meanAggregate(MEAN));
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            stored.close();
        }
    }

    @State(Scope.Benchmark)
    public static class CPythonScalar {
        @Param(BenchmarkData.DEFAULT_ROWS)
        public long rows;
        @Param("50000")
        public int chunkRows;
        CPythonPeer python;

        @Setup(Level.Trial)
        public void start() {
            python = CPythonPeer.scalar(rows, chunkRows);
        }

        @TearDown(Level.Trial)
        public void close() {
            python.close();
        }
    }

    /** (1) The Python scalar function over every row; returns {@code [count, sum]}. */
    @Benchmark
    @Warmup(iterations = 10, time = 5)
    public double[] brookScalar(BrookTable table) throws SQLException {
        return table.database.lastRowOfTwoNumbers("SELECT count(), sum(" + SCALAR + "(value)) FROM table(" + TABLE + ")");
    }

    /** (1) The same expression in SQL, for scale; returns {@code [count, sum]}. */
    @Benchmark
    public double[] brookBuiltinScalar(BrookTable table) throws SQLException {
        return table.database.lastRowOfTwoNumbers("SELECT count(), sum(value * 2 + 1) FROM table(" + TABLE + ")");
    }

    /** (1) CPython calling the same function once per chunk; returns the sum. */
    @Benchmark
    public double cpythonScalar(CPythonScalar scalar) {
        return scalar.python.run().sum();
    }

    /** (2) The Python aggregate's mean per host; returns the means by host number. */
    @Benchmark
    @Warmup(iterations = 10, time = 5)
    public double[] brookPythonMean(BrookTable table) throws SQLException {
        return table.database.numberByHost("SELECT host, " + MEAN + "(value) FROM table(" + TABLE + ") GROUP BY host");
    }

    /** (2) The built-in avg per host, with the default number of threads. */
    @Benchmark
    public double[] brookBuiltinAvg(BrookTable table) throws SQLException {
        return table.database.numberByHost("SELECT host, avg(value) FROM table(" + TABLE + ") GROUP BY host");
    }

    /** (2) The built-in avg per host on one thread, as a query with a Python aggregate runs. */
    @Benchmark
    public double[] brookBuiltinAvgOneThread(BrookTable table) throws SQLException {
        return table.database.numberByHost("SELECT host, avg(value) FROM table(" + TABLE + ") GROUP BY host"
                + " SETTINGS max_threads=1");
    }
}
