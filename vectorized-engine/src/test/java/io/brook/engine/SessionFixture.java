package io.brook.engine;

import io.brook.engine.chunk.Chunk;
import org.apache.arrow.vector.FieldVector;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test helpers: run SQL on a session and read results as rows of Java values. */
final class SessionFixture {
    private SessionFixture() {
    }

    static void run(Session session, String sql) {
        StatementResult result = session.execute(sql);
        if (result instanceof QueryResult query) {
            query.close();
        }
    }

    /** Every row of a bounded query (or a streaming one that ends), as printable strings. */
    static List<List<Object>> rows(Session session, String sql) throws InterruptedException {
        try (QueryResult result = (QueryResult) session.execute(sql)) {
            return drain(result, 20_000);
        }
    }

    static List<List<Object>> drain(QueryResult result, long timeoutMillis) throws InterruptedException {
        List<List<Object>> rows = new ArrayList<>();
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!result.isFinished()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw new AssertionError("query did not end within " + timeoutMillis + " ms; rows so far " + rows);
            }
            Chunk chunk = result.next(TimeUnit.MILLISECONDS.toNanos(left));
            if (chunk == null) {
                continue;
            }
            try (chunk) {
                rows.addAll(values(chunk));
            }
        }
        return rows;
    }

    static List<List<Object>> values(Chunk chunk) {
        List<List<Object>> rows = new ArrayList<>();
        for (int row = 0; row < chunk.size(); row++) {
            int position = chunk.position(row);
            List<Object> values = new ArrayList<>();
            for (int column = 0; column < chunk.columnCount(); column++) {
                FieldVector vector = chunk.column(column);
                Object value = vector.getObject(position);
                values.add(value == null ? null : value instanceof org.apache.arrow.vector.util.Text text
                        ? text.toString() : value);
            }
            rows.add(values);
        }
        return rows;
    }
}
