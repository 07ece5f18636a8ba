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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code SELECT window_start, host, count(), avg(value) FROM tumble(s, 1s) GROUP BY window_start,
 * host} over the rows of {@link WindowData} (event time in order, {@code rowsPerSecond} rows per
 * second of event time, {@code hosts} distinct hosts), every result row handed to the consumer:
 * <ul>
 *   <li>Brook ({@link #brookTumble}): the streaming query over the stored stream from its first
 *       row ({@code seek_to='earliest'}), rows carrying their event time in {@code _tp_time};
 *       each window is emitted when the watermark passes its end, the row after the last window
 *       closes that one, and {@code LIMIT} (the number of groups) ends the query. Results are
 *       read through JDBC.</li>
 *   <li>Esper ({@link #esperTumble}): {@link EsperWindows#EPL} over the same rows, made into
 *       event objects before the measurement, results to a subscriber.</li>
 * </ul>
 * One invocation runs everything; a fresh Esper runtime, and a new Brook query, per iteration.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class WindowAggregationBenchmark {
    static final String NAME = "metrics";
    static final String ROWS_PER_SECOND = "1000000";
    private static final int LOAD_BATCH_ROWS = 50_000;

    /** The parameters both systems run with, the data they make of them, and what a run saw. */
    @State(Scope.Benchmark)
    public abstract static class WindowParameters {
        @Param(BenchmarkData.DEFAULT_ROWS)
        public long rows;
        @Param({"1000", "1000000"})
        public int hosts;
        @Param(ROWS_PER_SECOND)
        public long rowsPerSecond;
        /** The tests keep every group to check it; a measured run keeps only the totals. */
        boolean keepGroups;
        WindowData data;
        WindowTotals totals;

        void makeData() {
            data = new WindowData(rows, hosts, rowsPerSecond);
        }

        void clearTotals() {
            totals = new WindowTotals(keepGroups);
        }

        /** A run that did not see every row in the right number of groups is not a result. */
        void checkTotals() {
            if (totals.resultRows() != data.resultRows() || totals.count() != data.rows()) {
                throw new IllegalStateException("expected " + data.resultRows() + " groups of " + data.rows()
                        + " rows in all, got " + totals.resultRows() + " groups of " + totals.count());
            }
        }
    }

    @State(Scope.Benchmark)
    public static class BrookWindows extends WindowParameters {
        ScratchDirectory directory;
        BrookDatabase database;

        @Setup(Level.Trial)
        public void load() throws SQLException {
            makeData();
            directory = new ScratchDirectory("brook-bench-");
            try (BrookEngineDatabase loader = new BrookEngineDatabase(directory.path())) {
                loadStream(loader, data);
            }
            database = BrookDatabase.open(directory.path());
        }

        @Setup(Level.Iteration)
        public void clear() {
            clearTotals();
        }

        @TearDown(Level.Iteration)
        public void check() {
            checkTotals();
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            try {
                database.close();
            } finally {
                directory.close();
            }
        }

        String query() {
            return "SELECT window_start, host, count(), avg(value) FROM tumble(" + NAME + ", 1s) "
                    + "GROUP BY window_start, host LIMIT " + data.resultRows() + " SETTINGS seek_to='earliest'";
        }
    }

    @State(Scope.Benchmark)
    public static class EsperData extends WindowParameters {
        MetricEvent[] events;
        EsperWindows esper;

        @Setup(Level.Trial)
        public void make() {
            makeData();
            events = EsperWindows.events(data);
        }

        @Setup(Level.Iteration)
        public void start() {
            clearTotals();
            esper = new EsperWindows(totals);
        }

        @TearDown(Level.Iteration)
        public void check() {
            esper.close();
            checkTotals();
        }
    }

    /** The streaming windowed query in Brook, every result row read; returns the result rows. */
    @Benchmark
    public long brookTumble(BrookWindows brook) throws SQLException {
        brook.database.readWindows(brook.query(), brook.totals);
        return brook.totals.resultRows();
    }

    /** The same windows in Esper; returns the result rows. */
    @Benchmark
    public long esperTumble(EsperData esper) {
        esper.esper.run(esper.events, esper.data.closingMillis());
        return esper.totals.resultRows();
    }

    /**
     * Loads {@code data} into the stream {@link #NAME} {@code (host, value)} with each row's event
     * time as {@code _tp_time}, then the row that closes the last window.
     */
    static void loadStream(BrookEngineDatabase loader, WindowData data) {
        loader.execute("CREATE STREAM " + NAME + " (host string, value float64)");
        String insert = "INSERT INTO " + NAME + " (_tp_time, host, value) VALUES (?, ?, ?)";
        BenchmarkData.Values values = BenchmarkData.values();
        List<List<?>> batch = new ArrayList<>(LOAD_BATCH_ROWS);
        for (long row = 0; row < data.rows(); row++) {
            batch.add(List.of(Instant.ofEpochMilli(data.eventMillis(row)), data.host(row), values.next()));
            if (batch.size() == LOAD_BATCH_ROWS) {
                loader.executeBatch(insert, batch);
                batch.clear();
            }
        }
        batch.add(List.of(Instant.ofEpochMilli(data.closingMillis()), "closing", 0.0));
        loader.executeBatch(insert, batch);
    }
}
