package io.brook.engine.testing;

import io.brook.engine.QueryResult;
import io.brook.engine.Session;
import io.brook.engine.StatementResult;
import io.brook.engine.catalog.Column;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.vector.VectorReader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * SQL on an engine session for tests, with results read whole: rows as lists of Java values
 * ({@link #rows}) or as {@code a|b|c} lines ({@link #lines}). Every wait gives up after
 * {@link #DEADLINE_MILLIS} with an AssertionError that shows what arrived; a failing query
 * throws its own error.
 */
public final class Sql {
    /** How long a helper waits for rows, a query's end or a condition before it fails. */
    public static final long DEADLINE_MILLIS = 60_000;
    private static final long POLL_NANOS = 100_000_000L;

    private Sql() {
    }

    /** Runs a statement; a query it starts is closed at once. */
    public static void run(Session session, String sql) {
        StatementResult result = session.execute(sql);
        if (result instanceof QueryResult query) {
            query.close();
        }
    }

    /** Starts a (streaming) query; the caller closes it. */
    public static QueryResult start(Session session, String sql) {
        return (QueryResult) session.execute(sql);
    }

    /** Every row of a query that ends by itself; none for a statement that is not a query. */
    public static List<List<Object>> rows(Session session, String sql) {
        StatementResult result = session.execute(sql);
        if (!(result instanceof QueryResult query)) {
            return List.of();
        }
        try (query) {
            List<List<Object>> rows = new ArrayList<>();
            long deadline = deadline();
            while (!query.isFinished()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("query did not end: " + sql + "; rows so far " + rows);
                }
                add(next(query, POLL_NANOS), rows);
            }
            return rows;
        }
    }

    /** {@link #rows} with each row's values joined by {@code |}. */
    public static List<String> lines(Session session, String sql) {
        return rows(session, sql).stream().map(Sql::line).toList();
    }

    /** The one value of a query that gives one row of one column. */
    public static Object single(Session session, String sql) {
        List<List<Object>> rows = rows(session, sql);
        if (rows.size() != 1 || rows.getFirst().size() != 1) {
            throw new AssertionError("expected one value from " + sql + ", got " + rows);
        }
        return rows.getFirst().getFirst();
    }

    /** Column names of a query's result. */
    public static List<String> columns(Session session, String sql) {
        try (QueryResult result = (QueryResult) session.execute(sql)) {
            return result.columns().stream().map(Column::name).toList();
        }
    }

    /**
     * Rows of a running query until it has given {@code count} or ended (the query is left
     * running for the caller to close); fails when neither happens in time.
     */
    public static List<List<Object>> take(QueryResult query, int count) {
        List<List<Object>> rows = new ArrayList<>();
        long deadline = deadline();
        while (rows.size() < count && !query.isFinished()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " rows, got " + rows.size() + ": " + rows);
            }
            add(next(query, POLL_NANOS), rows);
        }
        return rows;
    }

    /** {@link #take} as {@code |}-joined lines. */
    public static List<String> takeLines(QueryResult query, int count) {
        return take(query, count).stream().map(Sql::line).toList();
    }

    /** Whatever a streaming query hands out within {@code millis}, as lines. */
    public static List<String> within(QueryResult query, long millis) {
        List<List<Object>> rows = new ArrayList<>();
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < deadline && !query.isFinished()) {
            add(next(query, Math.max(1, deadline - System.nanoTime())), rows);
        }
        return rows.stream().map(Sql::line).toList();
    }

    /**
     * Runs a bounded query again until its rows satisfy {@code done} or the deadline passes, and
     * returns the last rows, for a caller that reports a miss in its own words.
     */
    public static List<List<Object>> poll(Session session, String sql, Predicate<List<List<Object>>> done) {
        long deadline = deadline();
        List<List<Object>> rows = rows(session, sql);
        while (!done.test(rows) && System.nanoTime() <= deadline) {
            pause(20);
            rows = rows(session, sql);
        }
        return rows;
    }

    /** {@link #poll}, failing when the rows never satisfy {@code done}. */
    public static List<List<Object>> await(Session session, String sql, Predicate<List<List<Object>>> done) {
        List<List<Object>> rows = poll(session, sql, done);
        if (!done.test(rows)) {
            throw new AssertionError("gave up waiting on " + sql + "; last rows " + rows);
        }
        return rows;
    }

    /** Waits until the query returns exactly {@code expected}. */
    public static void awaitRows(Session session, String sql, List<List<Object>> expected) {
        await(session, sql, expected::equals);
    }

    /** Asks again until the answer satisfies {@code done} or the deadline passes; returns the last answer. */
    public static <T> T pollUntil(java.util.function.Supplier<T> ask, Predicate<T> done) {
        long deadline = deadline();
        T answer = ask.get();
        while (!done.test(answer) && System.nanoTime() <= deadline) {
            pause(20);
            answer = ask.get();
        }
        return answer;
    }

    /** Waits until {@code condition} holds; {@code what} says what was awaited when it never does. */
    public static void until(String what, BooleanSupplier condition) {
        long deadline = deadline();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting until " + what);
            }
            pause(20);
        }
    }

    /** A materialized view's row of {@code system.materialized_views}, column name to value. */
    public static Map<String, Object> status(Session session, String view) {
        List<String> names = List.of("name", "state", "target", "source_lag", "rows_in", "rows_out",
                "last_checkpoint", "last_error");
        List<List<Object>> rows = rows(session, "SELECT " + String.join(", ", names)
                + " FROM system.materialized_views WHERE name = '" + view + "'");
        if (rows.size() != 1) {
            throw new AssertionError("no status row for " + view + ": " + rows);
        }
        Map<String, Object> status = new LinkedHashMap<>();
        for (int index = 0; index < names.size(); index++) {
            status.put(names.get(index), rows.getFirst().get(index));
        }
        return status;
    }

    /** Waits until the view's status satisfies {@code done}, and returns it. */
    public static Map<String, Object> awaitStatus(Session session, String view, Predicate<Map<String, Object>> done) {
        long deadline = deadline();
        Map<String, Object> status = status(session, view);
        while (!done.test(status)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting on the status of " + view + "; last " + status);
            }
            pause(20);
            status = status(session, view);
        }
        return status;
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static long deadline() {
        return System.nanoTime() + DEADLINE_MILLIS * 1_000_000L;
    }

    private static Chunk next(QueryResult query, long waitNanos) {
        try {
            return query.next(waitNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void add(Chunk chunk, List<List<Object>> rows) {
        if (chunk == null) {
            return;
        }
        try (chunk) {
            for (int row = 0; row < chunk.size(); row++) {
                List<Object> values = new ArrayList<>(chunk.columnCount());
                for (int column = 0; column < chunk.columnCount(); column++) {
                    values.add(VectorReader.value(chunk.column(column), chunk.position(row)));
                }
                rows.add(values);
            }
        }
    }

    private static String line(List<Object> row) {
        StringBuilder text = new StringBuilder();
        for (int column = 0; column < row.size(); column++) {
            text.append(column > 0 ? "|" : "").append(row.get(column));
        }
        return text.toString();
    }
}
