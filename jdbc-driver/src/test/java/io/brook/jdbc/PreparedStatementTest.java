package io.brook.jdbc;

import io.brook.engine.StatementResult;
import io.brook.engine.catalog.Column;
import io.brook.engine.types.BrookType;
import io.brook.jdbc.testing.ScriptedSession;
import io.brook.jdbc.testing.TestConnections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PreparedStatementTest {
    private static final String INSERT = "INSERT INTO s (a, b, c) VALUES (?, ?, ?)";
    private final ScriptedSession session = new ScriptedSession();
    private Connection connection;

    @BeforeEach
    void connect() throws SQLException {
        session.answer(INSERT, parameters -> new StatementResult.Update(1));
        connection = TestConnections.open(new BrookDriver(properties -> session), "jdbc:brook:mem:prepared");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void parametersReachTheEngineAsRowClasses() throws SQLException {
        Instant instant = Instant.parse("2024-01-31T12:34:56.789Z");
        UUID uuid = UUID.randomUUID();
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setInt(1, 7);
            statement.setString(2, "x");
            statement.setTimestamp(3, Timestamp.from(instant));
            assertEquals(1, statement.executeUpdate());
            assertEquals(List.of(7, "x", instant), session.calls().getLast().parameters());

            statement.setLong(1, 8L);
            statement.setDate(2, Date.valueOf(LocalDate.of(2024, 2, 29)));
            statement.setObject(3, uuid);
            statement.executeUpdate();
            assertEquals(List.of(8L, LocalDate.of(2024, 2, 29), uuid), session.calls().getLast().parameters());

            statement.setNull(1, Types.INTEGER);
            statement.setBigDecimal(2, new BigDecimal("1.50"));
            statement.setBoolean(3, true);
            statement.executeUpdate();
            assertEquals(Arrays.asList(null, new BigDecimal("1.50"), true), session.calls().getLast().parameters());
        }
    }

    @Test
    void anUnsetParameterFailsWithCode36() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setInt(1, 1);
            SQLException failure = assertThrows(SQLException.class, statement::executeUpdate);
            assertEquals(36, failure.getErrorCode());
            assertEquals("Parameter 2 is not set (BAD_ARGUMENTS)", failure.getMessage());
        }
    }

    @Test
    void aBatchRunsAsOneExecutionWithAllItsRows() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            for (int i = 0; i < 3; i++) {
                statement.setInt(1, i);
                statement.setString(2, "row " + i);
                statement.setDouble(3, i * 1.5);
                statement.addBatch();
            }
            assertArrayEquals(new int[] {1, 1, 1}, statement.executeBatch());
        }
        assertEquals(1, session.batches().size());
        ScriptedSession.BatchCall batch = session.batches().getFirst();
        assertEquals(INSERT, batch.sql());
        assertEquals(List.of(List.of(0, "row 0", 0.0), List.of(1, "row 1", 1.5), List.of(2, "row 2", 3.0)), batch.rows());
        assertEquals(List.of(), session.calls(), "no row ran on its own");
    }

    @Test
    void parameterAndResultMetadataComeFromPrepare() throws SQLException {
        session.describe("SELECT a FROM s WHERE b = ?", List.of(Column.of("a", BrookType.INT32)));
        try (PreparedStatement statement = connection.prepareStatement("SELECT a FROM s WHERE b = ?")) {
            ParameterMetaData parameters = statement.getParameterMetaData();
            assertEquals(1, parameters.getParameterCount());
            assertEquals(Types.OTHER, parameters.getParameterType(1));
            assertEquals(1, statement.getMetaData().getColumnCount());
            assertEquals("a", statement.getMetaData().getColumnName(1));
            assertEquals(Types.INTEGER, statement.getMetaData().getColumnType(1));
        }
    }

    @Test
    void statementBatchesRunEachStatement() throws SQLException {
        session.answer("CREATE STREAM t (a int32)", parameters -> new StatementResult.Update(0));
        try (var statement = connection.createStatement()) {
            statement.addBatch("CREATE STREAM t (a int32)");
            statement.addBatch(INSERT.replace("?", "1"));
            session.answer(INSERT.replace("?", "1"), parameters -> new StatementResult.Update(1));
            assertArrayEquals(new int[] {0, 1}, statement.executeBatch());
            assertFalse(statement.execute("CREATE STREAM t (a int32)"));
            assertEquals(0, statement.getUpdateCount());
        }
    }
}
