package io.brook.python;

import io.brook.engine.QueryResult;
import io.brook.engine.Session;
import io.brook.engine.StatementResult;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.vector.VectorReader;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Runs SQL on an engine session and reads whole results, for tests. */
public final class Sql {
    private Sql() {
    }

    /**
     * All rows of a query that ends by itself (bounded, LIMIT, or a finite source), within 60 s;
     * none for a statement that is not a query.
     */
    public static List<List<Object>> rows(Session session, String sql) {
        StatementResult result = session.execute(sql);
        if (!(result instanceof QueryResult query)) {
            return List.of();
        }
        try (query) {
            return read(query, Integer.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Rows of a running query until it has given {@code limit} rows or ended, within 60 s; a
     * query that fails throws its error.
     */
    public static List<List<Object>> read(QueryResult query, int limit) throws InterruptedException {
        List<List<Object>> rows = new ArrayList<>();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (rows.size() < limit && !query.isFinished()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("query did not give " + limit + " rows in time, only " + rows);
            }
            Chunk chunk = query.next(200_000_000L);
            if (chunk == null) {
                continue;
            }
            try (chunk) {
                for (int row = 0; row < chunk.size(); row++) {
                    List<Object> values = new ArrayList<>();
                    for (int c = 0; c < chunk.columnCount(); c++) {
                        values.add(VectorReader.value(chunk.column(c), chunk.position(row)));
                    }
                    rows.add(values);
                }
            }
        }
        return rows;
    }

    public static Object single(Session session, String sql) {
        List<List<Object>> rows = rows(session, sql);
        if (rows.size() != 1 || rows.getFirst().size() != 1) {
            throw new AssertionError("expected one value from " + sql + ", got " + rows);
        }
        return rows.getFirst().getFirst();
    }

    /**
     * Runs a bounded query again until its rows satisfy {@code done} or 60 s pass; returns the
     * last rows, for a caller that reports a miss in its own words.
     */
    public static List<List<Object>> poll(Session session, String sql, Predicate<List<List<Object>>> done) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        List<List<Object>> rows = rows(session, sql);
        while (!done.test(rows) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            rows = rows(session, sql);
        }
        return rows;
    }
}
