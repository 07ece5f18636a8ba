package io.brook.jdbc;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Statement.cancel() and the query timeout also stop a statement that returns no result set. */
class BlockingStatementCancelTest {

    @Test
    void cancelStopsAStreamingInsertSelect() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:brook:mem:blocking-cancel");
             Statement setup = connection.createStatement();
             Statement copy = connection.createStatement()) {
            setup.execute("CREATE STREAM source (v int64)");
            setup.execute("CREATE STREAM target (v int64)");
            CompletableFuture<SQLException> running = CompletableFuture.supplyAsync(() -> {
                try {
                    copy.execute("INSERT INTO target SELECT v FROM source");
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            Thread.sleep(500);
            long started = System.nanoTime();
            copy.cancel();
            SQLException failure = running.get(5, TimeUnit.SECONDS);
            assertTrue(failure != null, "the copy ended without an error");
            assertEquals(394, failure.getErrorCode());
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(2));
            try (ResultSet rows = setup.executeQuery("SELECT count() FROM table(target)")) {
                assertTrue(rows.next());
            }
        }
    }

    @Test
    void queryTimeoutStopsAStreamingInsertSelect() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:brook:mem:blocking-timeout");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE STREAM source (v int64)");
            statement.execute("CREATE STREAM target (v int64)");
            statement.setQueryTimeout(1);
            SQLException failure = assertThrows(SQLException.class,
                    () -> statement.execute("INSERT INTO target SELECT v FROM source"));
            assertEquals(394, failure.getErrorCode());
        }
    }
}
