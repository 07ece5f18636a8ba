package io.brook.jdbc;

import io.brook.engine.catalog.Column;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
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

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Engine failures reach the user with their Timeplus code, SQLState and exact message (SPEC 2). */
class ErrorMappingTest {
    private static final String MISSING = "SELECT * FROM missing";
    private static final String MESSAGE = "Stream missing doesn't exist (UNKNOWN_STREAM)";

    private final BufferAllocator allocator = new RootAllocator();
    private final ScriptedSession session = new ScriptedSession();
    private Connection connection;

    @BeforeEach
    void connect() throws SQLException {
        BrookException unknown = new BrookException(ErrorCode.UNKNOWN_STREAM, "Stream missing doesn't exist");
        session.answer(MISSING, parameters -> {
            throw unknown;
        });
        session.failPrepare("SELEC 1", new BrookException(ErrorCode.SYNTAX_ERROR, "Syntax error at line 1, column 0"));
        connection = TestConnections.open(new BrookDriver(properties -> session), "jdbc:brook:mem:errors");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
        allocator.close();
    }

    private static void assertUnknownStream(SQLException failure) {
        assertEquals(60, failure.getErrorCode());
        assertEquals("42P01", failure.getSQLState());
        assertEquals(MESSAGE, failure.getMessage());
    }

    @Test
    void executeFailures() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            assertUnknownStream(assertThrows(SQLException.class, () -> statement.executeQuery(MISSING)));
            assertUnknownStream(assertThrows(SQLException.class, () -> statement.execute(MISSING)));
            assertUnknownStream(assertThrows(SQLException.class, () -> statement.executeUpdate(MISSING)));
        }
    }

    @Test
    void prepareFailures() {
        SQLException failure = assertThrows(SQLException.class, () -> connection.prepareStatement("SELEC 1"));
        assertEquals(62, failure.getErrorCode());
        assertEquals("42601", failure.getSQLState());
        assertEquals("Syntax error at line 1, column 0 (SYNTAX_ERROR)", failure.getMessage());
    }

    @Test
    void preparedExecuteFailures() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(MISSING)) {
            assertUnknownStream(assertThrows(SQLException.class, statement::executeQuery));
            assertUnknownStream(assertThrows(SQLException.class, statement::execute));
            assertUnknownStream(assertThrows(SQLException.class, statement::executeUpdate));
        }
    }

    @Test
    void batchFailuresAreBatchUpdateExceptionsWithTheCode() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.addBatch(MISSING);
            BatchUpdateException failure = assertThrows(BatchUpdateException.class, statement::executeBatch);
            assertUnknownStream(failure);
        }
    }

    @Test
    void aFailureWhileStreamingKeepsItsCode() throws SQLException {
        List<Column> columns = List.of(Column.of("n", BrookType.INT32));
        ScriptedQueryResult result = new ScriptedQueryResult(columns, true)
                .push(ChunkBuilder.of(allocator, columns).row(1).build())
                .fail(new BrookException(ErrorCode.ILLEGAL_DIVISION, "Division by zero"));
        session.answer("SELECT 1 / n FROM s", parameters -> result);
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT 1 / n FROM s")) {
            assertTrue(rows.next());
            SQLException failure = assertThrows(SQLException.class, rows::next);
            assertEquals(153, failure.getErrorCode());
            assertEquals("22012", failure.getSQLState());
            assertEquals("Division by zero (ILLEGAL_DIVISION)", failure.getMessage());
        }
    }

    @Test
    void failuresWithoutAnEngineCodeAreGeneralErrors() {
        SQLException failure = SqlErrors.translate(new IllegalStateException("boom"));
        assertEquals("HY000", failure.getSQLState());
        assertEquals(49, failure.getErrorCode());
        assertEquals("boom", failure.getMessage());
    }

    @Test
    void anEngineFailureIsFoundUnderAvaticasWrapping() {
        BrookException engine = new BrookException(ErrorCode.UNKNOWN_SETTING, "Unknown setting foo");
        SQLException wrapped = new SQLException("Error while executing SQL \"x\": ...", new RuntimeException(engine));
        SQLException translated = SqlErrors.translate(wrapped);
        assertEquals(115, translated.getErrorCode());
        assertEquals("42704", translated.getSQLState());
        assertEquals("Unknown setting foo (UNKNOWN_SETTING)", translated.getMessage());
        assertEquals(engine, translated.getCause());
    }
}
