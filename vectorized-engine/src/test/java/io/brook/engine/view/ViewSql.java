package io.brook.engine.view;

import io.brook.engine.QueryResult;
import io.brook.engine.Session;
import io.brook.engine.StatementResult;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.vector.VectorReader;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Test helpers: run SQL, read whole bounded results, and wait for a view to get somewhere. */
final class ViewSql {
    /** How long a view may take to deliver what a test waits for before the test fails. */
    static final long DEADLINE_MILLIS = 30_000;

    private ViewSql() {
    }

    static void run(Session session, String sql) {
        StatementResult result = session.execute(sql);
        if (result instanceof QueryResult query) {
            query.close();
        }
    }

    /** Every row of a query that ends by itself, as Java values. */
    static List<List<Object>> rows(Session session, String sql) {
        try (QueryResult result = (QueryResult) session.execute(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
            while (!result.isFinished()) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("query did not end: " + sql + "; rows so far " + rows);
                }
                Chunk chunk = result.next(1_000_000_000L);
                if (chunk == null) {
                    continue;
                }
                try (chunk) {
                    for (int row = 0; row < chunk.size(); row++) {
                        List<Object> values = new ArrayList<>();
                        for (int column = 0; column < chunk.columnCount(); column++) {
                            values.add(VectorReader.value(chunk.column(column), chunk.position(row)));
                        }
                        rows.add(values);
                    }
                }
            }
            return rows;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs a bounded query again until its rows satisfy {@code done}; returns those rows. */
    static List<List<Object>> await(Session session, String sql, Predicate<List<List<Object>>> done) {
        List<List<Object>> rows = poll(session, sql, done);
        if (!done.test(rows)) {
            throw new AssertionError("gave up waiting on " + sql + "; last rows " + rows);
        }
        return rows;
    }

    /**
     * Runs a bounded query again until its rows satisfy {@code done} or the deadline passes;
     * returns the last rows, for a caller that reports a miss in its own words.
     */
    static List<List<Object>> poll(Session session, String sql, Predicate<List<List<Object>>> done) {
        long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
        List<List<Object>> rows = rows(session, sql);
        while (!done.test(rows) && System.currentTimeMillis() <= deadline) {
            pause(20);
            rows = rows(session, sql);
        }
        return rows;
    }

    /** Waits until the query returns exactly {@code expected}. */
    static void awaitRows(Session session, String sql, List<List<Object>> expected) {
        await(session, sql, expected::equals);
    }

    /** The view's row of system.materialized_views as column name to value. */
    static java.util.Map<String, Object> status(Session session, String view) {
        List<List<Object>> rows = rows(session, "SELECT name, state, target, source_lag, rows_in, rows_out, "
                + "last_checkpoint, last_error FROM system.materialized_views WHERE name = '" + view + "'");
        if (rows.size() != 1) {
            throw new AssertionError("no status row for " + view + ": " + rows);
        }
        List<String> names = List.of("name", "state", "target", "source_lag", "rows_in", "rows_out",
                "last_checkpoint", "last_error");
        java.util.Map<String, Object> status = new java.util.LinkedHashMap<>();
        for (int index = 0; index < names.size(); index++) {
            status.put(names.get(index), rows.getFirst().get(index));
        }
        return status;
    }

    static java.util.Map<String, Object> awaitStatus(Session session, String view,
                                                     Predicate<java.util.Map<String, Object>> done) {
        long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
        java.util.Map<String, Object> status = status(session, view);
        while (!done.test(status)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("gave up waiting on the status of " + view + "; last " + status);
            }
            pause(20);
            status = status(session, view);
        }
        return status;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
