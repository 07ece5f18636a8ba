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
 * (b) {@code SELECT host, sum(value), count() ... GROUP BY host} over {@code rows} stored rows
 * (1,000 groups), all result rows read through JDBC. Brook runs the bounded query over its
 * stream log ({@code table(s)}); DuckDB over its table with its default thread count and with
 * {@code SET threads = 1}. The data is loaded once per fork, outside the measurement.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class GroupByBenchmark {
    static final String NAME = StoredMetrics.TABLE;
    /** One log entry per 50,000 rows, as the ingest benchmark writes them. */
    static final int LOAD_BATCH_ROWS = 50_000;

    @State(Scope.Benchmark)
    public static class BrookData {
        @Param(BenchmarkData.DEFAULT_ROWS)
        public long rows;
        StoredMetrics stored;
        BrookDatabase database;

        @Setup(Level.Trial)
        public void load() throws SQLException {
            stored = StoredMetrics.load(rows, LOAD_BATCH_ROWS);
            database = stored.database();
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            stored.close();
        }
    }

    @State(Scope.Benchmark)
    public static class DuckDbData {
        @Param(BenchmarkData.DEFAULT_ROWS)
        public long rows;
        /** {@code default} keeps DuckDB's own choice (one thread per core). */
        @Param({"default", "1"})
        public String duckdbThreads;
        DuckDbDatabase database;

        @Setup(Level.Trial)
        public void load() throws SQLException {
            database = DuckDbDatabase.open();
            if (!duckdbThreads.equals("default")) {
                database.setThreads(Integer.parseInt(duckdbThreads));
            }
            database.createTable(NAME);
            database.append(NAME, rows);
            database.checkpoint();
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            database.close();
        }
    }

    @Benchmark
    public GroupTotals brookGroupBy(BrookData data) throws SQLException {
        return data.database.sumAndCountByHost(NAME);
    }

    @Benchmark
    public GroupTotals duckdbGroupBy(DuckDbData data) throws SQLException {
        return data.database.sumAndCountByHost(NAME);
    }
}
