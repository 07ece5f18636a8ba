package io.brook.benchmarks;

import io.brook.engine.Engine;
import io.brook.engine.EngineConfig;
import io.brook.engine.ExecuteOptions;
import io.brook.engine.Session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Brook without JDBC: the engine facade over a data directory, inserting with
 * {@link Session#executeBatch}, the call the JDBC driver's batches end in. It loads data for the
 * query benchmarks quickly and shows, beside the JDBC ingest numbers, what the driver layer costs.
 * Close it before a JDBC connection opens the same directory: one engine per directory.
 */
final class BrookEngineDatabase implements AutoCloseable {
    private final Engine engine;
    private final Session session;

    BrookEngineDatabase(Path directory) {
        this.engine = Engine.open(EngineConfig.file(directory));
        this.session = engine.openSession(Map.of());
    }

    void createStream(String name) {
        session.execute(BrookDatabase.createStreamSql(name));
    }

    void dropStream(String name) {
        session.execute("DROP STREAM IF EXISTS " + name);
    }

    /** Inserts rows 0 .. rows-1 of {@link BenchmarkData}, {@code batchRows} per executeBatch call. */
    long insert(String stream, long rows, int batchRows) {
        String sql = BrookDatabase.insertSql(stream);
        BenchmarkData.Values values = BenchmarkData.values();
        List<List<?>> batch = new ArrayList<>(batchRows);
        long inserted = 0;
        for (long id = 0; id < rows; id++) {
            batch.add(List.of(id, BenchmarkData.host(id), values.next()));
            if (batch.size() == batchRows || id == rows - 1) {
                inserted += executeBatch(sql, batch);
                batch.clear();
            }
        }
        return inserted;
    }

    void execute(String sql) {
        session.execute(sql);
    }

    /** Runs {@code sql} once per row of {@code batch}, as one batch; returns the rows it reported. */
    long executeBatch(String sql, List<List<?>> batch) {
        long inserted = 0;
        for (long count : session.executeBatch(sql, batch, ExecuteOptions.NONE)) {
            inserted += count;
        }
        return inserted;
    }

    @Override
    public void close() {
        try {
            session.close();
        } finally {
            engine.close();
        }
    }
}
