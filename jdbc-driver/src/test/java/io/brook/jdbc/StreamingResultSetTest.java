package io.brook.jdbc;

import io.brook.engine.ExecuteOptions;
import io.brook.engine.catalog.Column;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.types.BrookType;
import io.brook.jdbc.testing.ChunkBuilder;
import io.brook.jdbc.testing.ScriptedQueryResult;
import io.brook.jdbc.testing.ScriptedSession;
import io.brook.jdbc.testing.TestConnections;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Streaming results through the whole JDBC stack, with a query whose rows the test hands over. */
class StreamingResultSetTest {
    private static final String QUERY = "SELECT n FROM s";
    private static final List<Column> COLUMNS = List.of(Column.of("n", BrookType.INT64));

    private final BufferAllocator allocator = new RootAllocator();
    private final ScriptedSession session = new ScriptedSession();
    private final List<ScriptedQueryResult> results = new ArrayList<>();
    private Connection connection;

    @BeforeEach
    void connect() throws SQLException {
        session.answer(QUERY, parameters -> {
            ScriptedQueryResult result = new ScriptedQueryResult(COLUMNS, true);
            results.add(result);
            return result;
        });
        connection = TestConnections.open(new BrookDriver(properties -> session), "jdbc:brook:mem:streaming");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
        assertTrue(session.isClosed());
        for (ScriptedQueryResult result : results) {
            assertTrue(result.closeCount() > 0, "every query was closed");
        }
        allocator.close();
    }

    private Chunk chunk(long... values) {
        ChunkBuilder builder = ChunkBuilder.of(allocator, COLUMNS);
        for (long value : values) {
            builder.row(value);
        }
        return builder.build();
    }

    @Test
    void executeReturnsAtOnceAndNextWaitsForEachRow() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            ResultSet rows = assertTimeout(Duration.ofMillis(500), () -> statement.executeQuery(QUERY));
            ScriptedQueryResult result = results.getFirst();
            result.pushLater(300, chunk(1));
            long start = System.nanoTime();
            assertTrue(rows.next());
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(250));
            assertEquals(1L, rows.getLong(1));
            result.pushLater(200, chunk(2, 3));
            assertTrue(rows.next());
            assertEquals(2L, rows.getObject("n"));
            assertTrue(rows.next());
            assertEquals(3L, rows.getLong("n"));
            result.end();
            assertFalse(rows.next());
        }
    }

    @Test
    void cancelFromAnotherThreadEndsABlockedNextWithCode394() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            ResultSet rows = statement.executeQuery(QUERY);
            CompletableFuture.runAsync(() -> sleep(300)).thenRun(() -> cancel(statement));
            SQLException failure = assertTimeout(Duration.ofSeconds(1), () -> assertThrows(SQLException.class, rows::next));
            assertEquals(394, failure.getErrorCode());
            assertEquals("57014", failure.getSQLState());
            assertTrue(failure.getMessage().endsWith("(QUERY_WAS_CANCELLED)"), failure.getMessage());
            assertTrue(results.getFirst().wasCancelled());
            assertEquals(394, assertThrows(SQLException.class, rows::next).getErrorCode());

            // Unlike Avatica's own flag, a cancel ends one query, not the statement.
            ResultSet again = statement.executeQuery(QUERY);
            results.get(1).push(chunk(9)).end();
            assertTrue(again.next());
            assertEquals(9L, again.getLong(1));
            assertFalse(again.next());
        }
    }

    @Test
    void cancelAlsoEndsRowsAlreadyBuffered() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            ResultSet rows = statement.executeQuery(QUERY);
            results.getFirst().push(chunk(1, 2, 3));
            assertTrue(rows.next());
            statement.cancel();
            assertEquals(394, assertThrows(SQLException.class, rows::next).getErrorCode());
        }
    }

    @Test
    void theQueryTimeoutEndsABlockedNextWithCode394() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(1);
            ResultSet rows = statement.executeQuery(QUERY);
            assertEquals(new ExecuteOptions(1000, 0), session.calls().getLast().options());
            long start = System.nanoTime();
            SQLException failure = assertTimeout(Duration.ofSeconds(2), () -> assertThrows(SQLException.class, rows::next));
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(900));
            assertEquals(394, failure.getErrorCode());
            assertTrue(failure.getMessage().contains("its timeout of 1000 ms"), failure.getMessage());
        }
    }

    @Test
    void maxRowsCapsTheRowsAndStopsTheQuery() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setMaxRows(2);
            ResultSet rows = statement.executeQuery(QUERY);
            assertEquals(new ExecuteOptions(0, 2), session.calls().getLast().options());
            results.getFirst().push(chunk(1, 2, 3, 4));
            assertTrue(rows.next());
            assertTrue(rows.next());
            assertFalse(rows.next());
            assertEquals(1, results.getFirst().closeCount());
        }
    }

    @Test
    void closingTheResultSetOrTheStatementStopsTheQuery() throws SQLException {
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(QUERY);
        rows.close();
        assertEquals(1, results.getFirst().closeCount());
        statement.executeQuery(QUERY);
        statement.close();
        assertEquals(1, results.get(1).closeCount());
    }

    @Test
    void closingTheStatementFromAnotherThreadEndsABlockedNext() throws SQLException {
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(QUERY);
        CompletableFuture.runAsync(() -> sleep(200)).thenRun(() -> close(statement));
        SQLException failure = assertTimeout(Duration.ofSeconds(1), () -> assertThrows(SQLException.class, rows::next));
        assertEquals(394, failure.getErrorCode());
    }

    private static void cancel(Statement statement) {
        try {
            statement.cancel();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void close(Statement statement) {
        try {
            statement.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
