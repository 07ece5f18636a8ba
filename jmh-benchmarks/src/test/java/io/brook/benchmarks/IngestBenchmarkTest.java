package io.brook.benchmarks;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs each ingest benchmark once on small data and checks every row arrived intact. */
class IngestBenchmarkTest {
    private static final long ROWS = 10_000;

    @Test
    void brookJdbcBatchInsertStoresEveryRow() throws SQLException {
        IngestBenchmark.BrookTarget target = new IngestBenchmark.BrookTarget();
        target.rows = ROWS;
        target.batchRows = 3_000; // not a divisor of ROWS, so the last, partial batch runs too
        target.open();
        try {
            target.createStream();
            assertEquals(ROWS, new IngestBenchmark().brookJdbcBatchInsert(target));
            assertEquals(ROWS, target.database.count(target.stream));
            Expected.assertGroupTotals(ROWS, target.database.sumAndCountByHost(target.stream));
            target.dropStream();
        } finally {
            target.close();
        }
    }

    @Test
    void brookEngineBatchInsertStoresEveryRow() throws SQLException {
        IngestBenchmark.BrookEngineTarget target = new IngestBenchmark.BrookEngineTarget();
        target.rows = ROWS;
        target.batchRows = 3_000;
        target.open();
        try {
            target.createStream();
            assertEquals(ROWS, new IngestBenchmark().brookEngineBatchInsert(target));
            String stream = target.stream;
            target.database.close();
            // the rows are read back through JDBC, as an application would see them
            try (BrookDatabase database = BrookDatabase.open(target.directory.path())) {
                Expected.assertGroupTotals(ROWS, database.sumAndCountByHost(stream));
            }
        } finally {
            target.directory.close();
        }
    }

    @Test
    void duckdbAppenderStoresEveryRow() throws SQLException {
        IngestBenchmark.DuckDbTarget target = new IngestBenchmark.DuckDbTarget();
        target.rows = ROWS;
        target.open();
        try {
            target.createTable();
            assertEquals(ROWS, new IngestBenchmark().duckdbAppender(target));
            assertEquals(ROWS, target.database.count(target.table));
            Expected.assertGroupTotals(ROWS, target.database.sumAndCountByHost(target.table));
            target.dropTable();
        } finally {
            target.close();
        }
    }
}
