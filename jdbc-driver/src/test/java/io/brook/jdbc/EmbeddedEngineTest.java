package io.brook.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded driver over the real engine, through DriverManager as an application uses it. */
@Timeout(60)
class EmbeddedEngineTest {
    private String url;
    private Connection connection;

    @BeforeEach
    void connect(TestInfo test) throws SQLException {
        url = "jdbc:brook:mem:" + test.getTestMethod().orElseThrow().getName();
        connection = DriverManager.getConnection(url);
        execute("CREATE STREAM ticks (n int64, label string)");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Inserts from another connection to the same engine, after {@code delayMillis}. */
    private CompletableFuture<Void> insertLater(long delayMillis, String values) {
        return CompletableFuture.runAsync(() -> {
            try (Connection other = DriverManager.getConnection(url); Statement statement = other.createStatement()) {
                Thread.sleep(delayMillis);
                statement.executeUpdate("INSERT INTO ticks (n, label) VALUES " + values);
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aPreparedBatchInsertsEveryRowAndABoundedQueryReadsThemBack() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ticks (n, label) VALUES (?, ?)")) {
            for (int i = 0; i < 1000; i++) {
                insert.setLong(1, i);
                insert.setString(2, "tick " + i);
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            assertEquals(1000, counts.length);
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(), sum(n) FROM table(ticks)")) {
            assertTrue(rows.next());
            assertEquals(1000L, rows.getLong(1));
            assertEquals(499_500L, rows.getLong(2));
            assertFalse(rows.next());
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT n, label FROM table(ticks) WHERE n >= ? ORDER BY n LIMIT 2")) {
            select.setInt(1, 998);
            try (ResultSet rows = select.executeQuery()) {
                assertEquals(Types.BIGINT, rows.getMetaData().getColumnType(1));
                assertEquals("string", rows.getMetaData().getColumnTypeName(2));
                assertTrue(rows.next());
                assertEquals(998L, rows.getObject(1));
                assertEquals("tick 998", rows.getString("label"));
                assertTrue(rows.next());
                assertEquals(999L, rows.getLong("n"));
                assertFalse(rows.next());
            }
        }
    }

    @Test
    void aStreamingQueryWaitsForNewRowsAndLimitEndsIt() throws SQLException {
        execute("INSERT INTO ticks (n, label) VALUES (0, 'before')");
        try (Statement statement = connection.createStatement();
             ResultSet rows = assertTimeout(Duration.ofSeconds(5),
                     () -> statement.executeQuery("SELECT n, label FROM ticks LIMIT 3"))) {
            insertLater(300, "(1, 'a'), (2, 'b')");
            insertLater(800, "(3, 'c')");
            List<Long> seen = new ArrayList<>();
            while (rows.next()) {
                seen.add(rows.getLong(1));
            }
            assertEquals(List.of(1L, 2L, 3L), seen);
        }
    }

    @Test
    void cancelFromAnotherThreadEndsAStreamingQueryWithCode394() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            ResultSet rows = statement.executeQuery("SELECT n FROM ticks");
            CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(300);
                    statement.cancel();
                } catch (SQLException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            SQLException failure = assertTimeout(Duration.ofSeconds(2), () -> assertThrows(SQLException.class, rows::next));
            assertEquals(394, failure.getErrorCode());
            assertEquals("57014", failure.getSQLState());
        }
        // The engine stays usable.
        execute("INSERT INTO ticks (n, label) VALUES (1, 'after')");
    }

    @Test
    void theQueryTimeoutEndsAStreamingQueryWithCode394() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(1);
            ResultSet rows = statement.executeQuery("SELECT n FROM ticks");
            long start = System.nanoTime();
            SQLException failure = assertTimeout(Duration.ofSeconds(3), () -> assertThrows(SQLException.class, rows::next));
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(900));
            assertEquals(394, failure.getErrorCode(), failure.getMessage());
            assertEquals("Query was cancelled: it ran longer than its timeout of 1000 ms (QUERY_WAS_CANCELLED)",
                    failure.getMessage());
        }
    }

    @Test
    void maxRowsCapsAStreamingQuery() throws SQLException {
        execute("INSERT INTO ticks (n, label) VALUES (1, 'a'), (2, 'b'), (3, 'c')");
        try (Statement statement = connection.createStatement()) {
            statement.setMaxRows(2);
            try (ResultSet rows = statement.executeQuery("SELECT n FROM ticks WHERE _tp_time > earliest_ts()")) {
                assertTrue(rows.next());
                assertTrue(rows.next());
                assertFalse(rows.next());
            }
        }
    }

    @Test
    void theQueryModeTablePropertyMakesEveryQueryEnd() throws SQLException {
        execute("INSERT INTO ticks (n, label) VALUES (1, 'a'), (2, 'b')");
        try (Connection bounded = DriverManager.getConnection(url + ";query_mode=table");
             Statement statement = bounded.createStatement();
             ResultSet rows = assertTimeout(Duration.ofSeconds(5), () -> statement.executeQuery("SELECT n FROM ticks"))) {
            int count = 0;
            while (rows.next()) {
                count++;
            }
            assertEquals(2, count);
        }
    }

    @Test
    void valuesOfManyTypesReadBackExactly() throws SQLException {
        execute("CREATE STREAM typed (a int8, b uint64, c decimal(10, 2), d bool, e fixed_string(4), "
                + "f uuid, g date, h datetime64(3, 'UTC'), i array(int64), j nullable(float64))");
        execute("INSERT INTO typed VALUES (-8, 18446744073709551615, 12345.67, true, 'ab', "
                + "'123e4567-e89b-12d3-a456-426614174000', '2024-02-29', '2024-02-29 23:59:59.123', [1, 2, 3], NULL)");
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT a, b, c, d, e, f, g, h, i, j FROM table(typed)")) {
            assertTrue(rows.next());
            assertEquals((byte) -8, rows.getObject("a"));
            assertEquals(new BigDecimal("18446744073709551615"), rows.getObject("b"));
            assertEquals(new BigDecimal("12345.67"), rows.getBigDecimal("c"));
            assertEquals(true, rows.getObject("d"));
            assertEquals("ab", rows.getString("e"));
            assertEquals(java.util.UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), rows.getObject("f"));
            assertEquals(java.sql.Date.valueOf("2024-02-29"), rows.getDate("g"));
            assertEquals(Timestamp.from(Instant.parse("2024-02-29T23:59:59.123Z")), rows.getTimestamp("h"));
            assertEquals("2024-02-29 23:59:59.123", rows.getString("h"));
            assertArrayEquals(new Object[] {1L, 2L, 3L}, (Object[]) rows.getArray("i").getArray());
            assertEquals(0.0, rows.getDouble("j"));
            assertTrue(rows.wasNull());
        }
    }

    @Test
    void aMaterializedViewIsReportedAsAViewWithItsColumns() throws SQLException {
        execute("CREATE MATERIALIZED VIEW tick_labels AS SELECT upper(label) AS big, n * 2 AS twice FROM ticks");
        DatabaseMetaData metadata = connection.getMetaData();
        try (ResultSet tables = metadata.getTables(null, "default", "tick%", null)) {
            List<String> found = new ArrayList<>();
            while (tables.next()) {
                found.add(tables.getString("TABLE_NAME") + " " + tables.getString("TABLE_TYPE"));
            }
            assertEquals(List.of("ticks TABLE", "tick_labels VIEW"), found);
        }
        try (ResultSet views = metadata.getTables(null, null, null, new String[] {"VIEW"})) {
            assertTrue(views.next());
            assertEquals("tick_labels", views.getString("TABLE_NAME"));
            assertFalse(views.next());
        }
        List<String> columns = new ArrayList<>();
        try (ResultSet rows = metadata.getColumns(null, "default", "tick_labels", null)) {
            while (rows.next()) {
                columns.add(rows.getString("COLUMN_NAME") + " " + rows.getString("TYPE_NAME"));
            }
        }
        assertEquals(List.of("big string", "twice int64"), columns);
        execute("DROP VIEW tick_labels");
    }

    @Test
    void metadataListsTheStreamAndItsColumns() throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        try (ResultSet tables = metadata.getTables(null, "default", "ticks", null)) {
            assertTrue(tables.next());
            assertEquals("TABLE", tables.getString("TABLE_TYPE"));
            assertFalse(tables.next());
        }
        List<String> columns = new ArrayList<>();
        try (ResultSet rows = metadata.getColumns(null, "default", "ticks", null)) {
            while (rows.next()) {
                columns.add(rows.getString("COLUMN_NAME") + " " + rows.getString("TYPE_NAME"));
            }
        }
        assertTrue(columns.containsAll(List.of("n int64", "label string")), columns.toString());
        try (ResultSet schemas = metadata.getSchemas()) {
            List<String> names = new ArrayList<>();
            while (schemas.next()) {
                names.add(schemas.getString(1));
            }
            assertTrue(names.containsAll(List.of("default", "system")), names.toString());
        }
    }

    @Test
    void engineErrorsKeepTheirCodes() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            SQLException missing = assertThrows(SQLException.class, () -> statement.executeQuery("SELECT * FROM missing"));
            assertEquals(60, missing.getErrorCode());
            assertEquals("Stream missing doesn't exist (UNKNOWN_STREAM)", missing.getMessage());
            SQLException syntax = assertThrows(SQLException.class, () -> statement.execute("SELEC 1"));
            assertEquals(62, syntax.getErrorCode());
            assertEquals("42601", syntax.getSQLState());
        }
        SQLException prepare = assertThrows(SQLException.class, () -> connection.prepareStatement("SELECT FROM WHERE"));
        assertEquals(62, prepare.getErrorCode());
    }
}
