package io.brook.connector.kafka;

import io.brook.engine.QueryResult;
import io.brook.engine.Session;
import io.brook.engine.StatementResult;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.vector.VectorReader;

import java.util.ArrayList;
import java.util.List;

/** Statements and queries on an engine session, with results as lists of Java values. */
final class KafkaSql {
    private static final long WAIT_NANOS = 45_000_000_000L;

    private KafkaSql() {
    }

    static void run(Session session, String sql) {
        StatementResult result = session.execute(sql);
        if (result instanceof QueryResult query) {
            query.close();
        }
    }

    /** All rows of a query that ends by itself (a {@code table(...)} read). */
    static List<List<Object>> rows(Session session, String sql) {
        try (QueryResult query = (QueryResult) session.execute(sql)) {
            return take(query, Integer.MAX_VALUE);
        }
    }

    /** Starts a streaming query; the caller closes it. */
    static QueryResult start(Session session, String sql) {
        return (QueryResult) session.execute(sql);
    }

    /** Reads until {@code count} rows came or the query ended; a failure of the query is thrown. */
    static List<List<Object>> take(QueryResult query, int count) {
        List<List<Object>> rows = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT_NANOS;
        try {
            while (rows.size() < count && !query.isFinished()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("only " + rows.size() + " rows arrived: " + rows);
                }
                try (Chunk chunk = query.next(100_000_000L)) {
                    if (chunk != null) {
                        addRows(chunk, rows);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return rows;
    }

    private static void addRows(Chunk chunk, List<List<Object>> rows) {
        for (int row = 0; row < chunk.size(); row++) {
            List<Object> values = new ArrayList<>(chunk.columnCount());
            for (int column = 0; column < chunk.columnCount(); column++) {
                values.add(VectorReader.value(chunk.column(column), chunk.position(row)));
            }
            rows.add(values);
        }
    }
}
