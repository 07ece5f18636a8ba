package io.brook.benchmarks;

import java.sql.SQLException;

/**
 * The first {@code rows} rows of {@link BenchmarkData} stored in the stream {@value #TABLE} of a
 * fresh database, in log entries of {@code chunkRows} rows (so {@code table(metrics)} reads them
 * in chunks of that size), and a JDBC connection to it; close removes the files. The group-by
 * and Python benchmarks read their input from it.
 */
final class StoredMetrics implements AutoCloseable {
    static final String TABLE = "metrics";

    private final ScratchDirectory directory;
    private final BrookDatabase database;

    private StoredMetrics(ScratchDirectory directory, BrookDatabase database) {
        this.directory = directory;
        this.database = database;
    }

    /** Loads through the engine API (the fastest way in), then connects through JDBC. */
    static StoredMetrics load(long rows, int chunkRows) throws SQLException {
        ScratchDirectory directory = new ScratchDirectory("brook-bench-");
        try (BrookEngineDatabase loader = new BrookEngineDatabase(directory.path())) {
            loader.createStream(TABLE);
            loader.insert(TABLE, rows, chunkRows);
        }
        return new StoredMetrics(directory, BrookDatabase.open(directory.path()));
    }

    BrookDatabase database() {
        return database;
    }

    @Override
    public void close() throws SQLException {
        try {
            database.close();
        } finally {
            directory.close();
        }
    }
}
