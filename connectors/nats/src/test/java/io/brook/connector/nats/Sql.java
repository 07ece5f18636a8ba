package io.brook.connector.nats;

import io.brook.engine.QueryResult;
import io.brook.engine.Session;
import io.brook.engine.StatementResult;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.vector.VectorReader;

import java.util.ArrayList;
import java.util.List;

/** Test helpers: run statements, read bounded results whole, take rows from streaming ones. */
final class Sql {
    /** How long a test waits for rows before it fails. */
    static final long DEADLINE_MILLIS = 20_000;

    private Sql() {
    }

    static void run(Session session, String sql) {
        StatementResult result = session.execute(sql);
        if (result instanceof QueryResult query) {
            query.close();
        }
    }

    /** Every row of a query that ends by itself. */
    static List<List<Object>> rows(Session session, String sql) {
        try (QueryResult result = (QueryResult) session.execute(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
            while (!result.isFinished()) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("query did not end: " + sql + "; rows so far " + rows);
                }
                addRows(result.next(200_000_000L), rows);
            }
            return rows;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The first {@code count} rows of a query (which is then left running for the caller to close). */
    static List<List<Object>> take(QueryResult result, int count) {
        List<List<Object>> rows = new ArrayList<>();
        long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
        try {
            while (rows.size() < count) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("expected " + count + " rows, got " + rows);
                }
                if (result.isFinished()) {
                    throw new AssertionError("query ended after " + rows);
                }
                addRows(result.next(200_000_000L), rows);
            }
            return rows;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Column names of a query's result. */
    static List<String> columns(Session session, String sql) {
        try (QueryResult result = (QueryResult) session.execute(sql)) {
            return result.columns().stream().map(io.brook.engine.catalog.Column::name).toList();
        }
    }

    private static void addRows(Chunk chunk, List<List<Object>> rows) {
        if (chunk == null) {
            return;
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

    /** The view's {@code state} and {@code last_error} in {@code system.materialized_views}. */
    static java.util.Map<String, Object> viewStatus(Session session, String view) {
        List<List<Object>> found = rows(session,
                "SELECT state, last_error FROM system.materialized_views WHERE name = '" + view + "'");
        java.util.Map<String, Object> status = new java.util.LinkedHashMap<>();
        status.put("state", found.getFirst().get(0));
        status.put("last_error", found.getFirst().get(1));
        return status;
    }

    /** Waits until the view's status satisfies {@code done}; fails when it does not in time. */
    static java.util.Map<String, Object> awaitViewStatus(Session session, String view,
                                                         java.util.function.Predicate<java.util.Map<String, Object>> done) {
        java.util.Map<String, Object> status = await(() -> viewStatus(session, view), done);
        if (!done.test(status)) {
            throw new AssertionError("gave up waiting on the status of " + view + "; last " + status);
        }
        return status;
    }

    /** Asks until the answer is done or a minute is up; says the last answer. */
    static <T> T await(java.util.function.Supplier<T> ask, java.util.function.Predicate<T> done) {
        long deadline = System.currentTimeMillis() + 60_000;
        T answer = ask.get();
        while (!done.test(answer) && System.currentTimeMillis() < deadline) {
            pause(100);
            answer = ask.get();
        }
        return answer;
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
