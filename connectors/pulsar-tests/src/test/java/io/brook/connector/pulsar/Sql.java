package io.brook.connector.pulsar;

import io.brook.engine.QueryResult;
import io.brook.engine.Session;
import io.brook.engine.StatementResult;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.vector.VectorReader;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Test helpers: run SQL and read a query's rows as text, each row its values joined by {@code |}. */
final class Sql {
    static final long DEADLINE_MILLIS = 30_000;

    private Sql() {
    }

    static void run(Session session, String sql) {
        StatementResult result = session.execute(sql);
        if (result instanceof QueryResult query) {
            query.close();
        }
    }

    /** Every row of a query that ends by itself. */
    static List<String> rows(Session session, String sql) {
        try (QueryResult result = (QueryResult) session.execute(sql)) {
            List<String> rows = new ArrayList<>();
            long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
            while (!result.isFinished()) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("query did not end: " + sql + "; rows so far " + rows);
                }
                read(result, 200, rows);
            }
            return rows;
        }
    }

    /** Reads from a streaming query until it has {@code count} rows (or fails after the deadline). */
    static List<String> await(QueryResult result, int count) {
        List<String> rows = new ArrayList<>();
        long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
        while (rows.size() < count) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("expected " + count + " rows, got " + rows);
            }
            read(result, 100, rows);
        }
        return rows;
    }

    /** Waits until {@code condition} holds (or fails after the deadline). */
    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private static void read(QueryResult result, long waitMillis, List<String> rows) {
        try {
            Chunk chunk = result.next(TimeUnit.MILLISECONDS.toNanos(waitMillis));
            if (chunk == null) {
                return;
            }
            try (chunk) {
                for (int row = 0; row < chunk.size(); row++) {
                    StringBuilder text = new StringBuilder();
                    for (int column = 0; column < chunk.columnCount(); column++) {
                        if (column > 0) {
                            text.append('|');
                        }
                        text.append(VectorReader.value(chunk.column(column), chunk.position(row)));
                    }
                    rows.add(text.toString());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
