package io.brook.tck.python;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Statement.cancel() and setQueryTimeout stop a Python read that is blocked or looping, through
 * the JDBC driver as a user calls them, and the connection stays usable.
 */
class PythonCancelOverJdbcTest {
    /** A bound on the time a stop may take, generous for a busy machine; typical is far less. */
    private static final long STOP_BOUND_MILLIS = 5_000;
    private static Connection connection;

    @BeforeAll
    static void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:brook:mem:python-cancel-jdbc");
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE EXTERNAL STREAM sleeper (n int64) AS $$
                    import time
                    def sleeper():
                        yield (1,)
                        time.sleep(3600)
                        yield (2,)
                    $$ SETTINGS type='python'""");
            statement.execute("""
                    CREATE EXTERNAL STREAM looper (n int64) AS $$
                    def looper():
                        while True:
                            pass
                    $$ SETTINGS type='python'""");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    @Test
    void cancelFromAnotherThreadEndsNextWithCode394() throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT n FROM sleeper")) {
            assertTrue(rows.next());
            assertEquals(1, rows.getLong(1));
            Thread canceller = Thread.ofPlatform().start(() -> {
                try {
                    Thread.sleep(300);
                    statement.cancel();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long started = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, rows::next);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            canceller.join();
            assertEquals(394, e.getErrorCode());
            assertEquals("57014", e.getSQLState());
            assertTrue(millis < 300 + STOP_BOUND_MILLIS, "stopped after " + millis + " ms");
        }
    }

    @Test
    void theQueryTimeoutStopsAnEndlessLoop() throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(1);
            long started = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> {
                try (ResultSet rows = statement.executeQuery("SELECT n FROM looper")) {
                    while (rows.next()) {
                        // the loop yields nothing
                    }
                }
            });
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertEquals(394, e.getErrorCode());
            assertTrue(millis < 1_000 + STOP_BOUND_MILLIS, "stopped after " + millis + " ms");
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT n FROM sleeper LIMIT 1")) {
            assertTrue(rows.next(), "the connection still works");
        }
    }
}
