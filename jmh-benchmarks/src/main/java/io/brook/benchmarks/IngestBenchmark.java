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
 * (a) Loading {@code rows} rows into an empty file-backed table: Brook through a prepared JDBC
 * INSERT executed in batches of {@code batchRows}, DuckDB through its appender. One invocation
 * loads every row into a fresh stream or table, so the score is the time of the whole load;
 * {@link BenchmarkMain} turns it into rows per second. The Brook insert returns once the rows are
 * in its log (not forced to disk); the DuckDB appender once closing it has committed them.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class IngestBenchmark {

    /** A Brook database (through JDBC) with a fresh, empty stream for each iteration. */
    @State(Scope.Benchmark)
    public static class BrookTarget {
        @Param(BenchmarkData.DEFAULT_ROWS)
        public long rows;
        @Param("50000")
        public int batchRows;
        BrookDatabase database;
        String stream;
        private int created;

        @Setup(Level.Trial)
        public void open() throws SQLException {
            database = BrookDatabase.inScratch();
        }

        @Setup(Level.Iteration)
        public void createStream() throws SQLException {
            stream = "ingest_" + ++created;
            database.createStream(stream);
        }

        @TearDown(Level.Iteration)
        public void dropStream() throws SQLException {
            database.dropStream(stream);
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            database.close();
        }
    }

    /** The same as {@link BrookTarget} through the engine's own API, without JDBC. */
    @State(Scope.Benchmark)
    public static class BrookEngineTarget {
        @Param(BenchmarkData.DEFAULT_ROWS)
        public long rows;
        @Param("50000")
        public int batchRows;
        ScratchDirectory directory;
        BrookEngineDatabase database;
        String stream;
        private int created;

        @Setup(Level.Trial)
        public void open() {
            directory = new ScratchDirectory("brook-bench-");
            database = new BrookEngineDatabase(directory.path());
        }

        @Setup(Level.Iteration)
        public void createStream() {
            stream = "ingest_" + ++created;
            database.createStream(stream);
        }

        @TearDown(Level.Iteration)
        public void dropStream() {
            database.dropStream(stream);
        }

        @TearDown(Level.Trial)
        public void close() {
            try {
                database.close();
            } finally {
                directory.close();
            }
        }
    }

    /** A DuckDB database with a fresh, empty table for each iteration. */
    @State(Scope.Benchmark)
    public static class DuckDbTarget {
        @Param(BenchmarkData.DEFAULT_ROWS)
        public long rows;
        DuckDbDatabase database;
        String table;
        private int created;

        @Setup(Level.Trial)
        public void open() throws SQLException {
            database = DuckDbDatabase.open();
        }

        @Setup(Level.Iteration)
        public void createTable() throws SQLException {
            table = "ingest_" + ++created;
            database.createTable(table);
        }

        @TearDown(Level.Iteration)
        public void dropTable() throws SQLException {
            database.dropTable(table);
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            database.close();
        }
    }

    @Benchmark
    public long brookJdbcBatchInsert(BrookTarget target) throws SQLException {
        return target.database.insert(target.stream, target.rows, target.batchRows);
    }

    /** Diagnostic: the engine call the JDBC batches end in, to show what the driver layer adds. */
    @Benchmark
    public long brookEngineBatchInsert(BrookEngineTarget target) {
        return target.database.insert(target.stream, target.rows, target.batchRows);
    }

    @Benchmark
    public long duckdbAppender(DuckDbTarget target) throws SQLException {
        return target.database.append(target.table, target.rows);
    }
}
