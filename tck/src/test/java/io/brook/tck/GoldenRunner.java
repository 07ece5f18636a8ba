package io.brook.tck;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Runs the records of one golden file over one JDBC connection and checks every outcome. */
final class GoldenRunner implements AutoCloseable {
    /**
     * How long a query or a streaming query may take before the run gives up on it: a guard
     * against hangs, not a timing check (a query that starts Python on a busy machine can take a
     * while).
     */
    private static final long STREAMING_DEADLINE_SECONDS = 120;

    private final String file;
    private final Connection connection;
    private final Map<String, String> variables;
    private final Map<String, Streaming> streaming = new HashMap<>();

    GoldenRunner(String file, Connection connection) {
        this(file, connection, Map.of());
    }

    /** {@code variables} replace the {@code ${name}} variables of the file's SQL. */
    GoldenRunner(String file, Connection connection, Map<String, String> variables) {
        this.file = file;
        this.connection = connection;
        this.variables = Map.copyOf(variables);
    }

    /** A streaming query read on its own thread while later records run. */
    private record Streaming(Statement statement, CompletableFuture<List<String>> rows) {
    }

    void run(List<GoldenRecord> records) throws Exception {
        for (GoldenRecord record : records) {
            switch (record) {
                case GoldenRecord.StatementOk ok -> statementOk(ok);
                case GoldenRecord.StatementError error -> statementError(error);
                case GoldenRecord.Query query -> query(query);
                case GoldenRecord.StartStreaming start -> startStreaming(start);
                case GoldenRecord.Results results -> results(results);
                case GoldenRecord.ResultsError error -> resultsError(error);
            }
        }
    }

    private void statementOk(GoldenRecord.StatementOk ok) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql(ok, ok.sql()));
        } catch (SQLException e) {
            fail(where(ok) + "expected success, got: " + e.getMessage() + " (code " + e.getErrorCode() + ")", e);
        }
    }

    private void statementError(GoldenRecord.StatementError error) {
        try (Statement statement = connection.createStatement()) {
            boolean hasRows = statement.execute(sql(error, error.sql()));
            if (hasRows) {
                try (ResultSet rows = statement.getResultSet()) {
                    while (rows.next()) {
                        // Reading may raise the error, as with a failure during execution.
                    }
                }
            }
            fail(where(error) + "expected error " + error.code() + ", but it succeeded");
        } catch (SQLException e) {
            checkError(error, error.code(), error.messagePrefix(), e);
        }
    }

    private void checkError(GoldenRecord record, int code, String prefix, SQLException e) {
        assertEquals(code, e.getErrorCode(), where(record) + "error code of: " + e.getMessage());
        String message = e.getMessage();
        assertTrue(message.startsWith(prefix) || message.contains(prefix),
                where(record) + "message '" + message + "' should start with '" + prefix + "'");
    }

    private void query(GoldenRecord.Query query) throws SQLException {
        List<String> actual = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) STREAMING_DEADLINE_SECONDS);
            try (ResultSet rows = statement.executeQuery(sql(query, query.sql()))) {
                while (rows.next()) {
                    actual.add(RowRenderer.row(rows));
                }
            }
        } catch (SQLException e) {
            fail(where(query) + "query failed: " + e.getMessage(), e);
        }
        compare(query, query.expectedRows(), actual, query.sortRows());
    }

    private void startStreaming(GoldenRecord.StartStreaming start) throws SQLException {
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql(start, start.sql()));
        CompletableFuture<List<String>> collected = CompletableFuture.supplyAsync(() -> {
            List<String> actual = new ArrayList<>();
            try (rows) {
                while (rows.next()) {
                    actual.add(RowRenderer.row(rows));
                }
                return actual;
            } catch (SQLException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, runnable -> Thread.ofVirtual().start(runnable));
        streaming.put(start.name(), new Streaming(statement, collected));
    }

    private List<String> awaitStreaming(GoldenRecord record, String name) throws Exception {
        Streaming query = streaming.remove(name);
        if (query == null) {
            fail(where(record) + "no streaming query named " + name);
        }
        try (Statement statement = query.statement()) {
            return query.rows().get(STREAMING_DEADLINE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            query.statement().cancel();
            throw new AssertionError(where(record) + "streaming query " + name + " did not end within "
                    + STREAMING_DEADLINE_SECONDS + " s", e);
        }
    }

    private void results(GoldenRecord.Results results) throws Exception {
        List<String> actual;
        try {
            actual = awaitStreaming(results, results.name());
        } catch (ExecutionException e) {
            throw new AssertionError(where(results) + "streaming query failed: " + e.getCause().getMessage(), e);
        }
        compare(results, results.expectedRows(), actual, results.sortRows());
    }

    private void resultsError(GoldenRecord.ResultsError error) throws Exception {
        try {
            awaitStreaming(error, error.name());
            fail(where(error) + "expected error " + error.code());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException wrapped
                    ? wrapped.getCause() : e.getCause();
            if (!(cause instanceof SQLException sql)) {
                throw new AssertionError(where(error) + "unexpected failure", e);
            }
            checkError(error, error.code(), error.messagePrefix(), sql);
        }
    }

    private void compare(GoldenRecord record, List<String> expected, List<String> actual, boolean sort) {
        List<String> wanted = new ArrayList<>(expected);
        List<String> got = new ArrayList<>(actual);
        if (sort) {
            wanted.sort(null);
            got.sort(null);
        }
        assertEquals(String.join("\n", wanted), String.join("\n", got), where(record) + "rows differ");
    }

    /** The record's SQL with the run's variables in place. */
    private String sql(GoldenRecord record, String sql) {
        try {
            return GoldenFile.substitute(sql, variables);
        } catch (IllegalArgumentException e) {
            throw new AssertionError(where(record) + e.getMessage(), e);
        }
    }

    private String where(GoldenRecord record) {
        return file + ":" + record.line() + ": ";
    }

    @Override
    public void close() throws SQLException {
        for (Streaming query : streaming.values()) {
            query.statement().cancel();
            query.statement().close();
        }
        connection.close();
    }
}
