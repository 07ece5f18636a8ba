package io.brook.server;

import io.brook.server.auth.UserFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.brook.server.ServerFixture.avatica;
import static io.brook.server.ServerFixture.execute;
import static io.brook.server.ServerFixture.post;
import static io.brook.server.ServerFixture.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code brook server} over loopback: Avatica in both serializations, Brook's URL, streaming, cancel, users. */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BrookServerTest {
    @TempDir
    Path directory;
    private BrookServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeEach
    void start() {
        server = BrookServer.start(ServerOptions.local(0, directory.resolve("data")).withClientTimeout(Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
        server.close();
    }

    @Test
    void theStockAvaticaDriverWorksInBothSerializationsAndBrooksUrlToo() throws SQLException {
        try (Connection protobuf = avatica(server, "protobuf")) {
            execute(protobuf, "CREATE STREAM s (id int64, name string)");
            execute(protobuf, "INSERT INTO s (id, name) VALUES (1, 'one'), (2, 'two')");
            assertEquals(List.of("1|one", "2|two"), rows(protobuf, "SELECT id, name FROM table(s) ORDER BY id"));
        }
        try (Connection json = avatica(server, "json")) {
            assertEquals(List.of("2"), rows(json, "SELECT count() FROM table(s)"));
        }
        try (Connection brook = DriverManager.getConnection(server.jdbcUrl())) {
            assertEquals(List.of("two"), rows(brook, "SELECT name FROM table(s) WHERE id = 2"));
            SQLException error = assertThrows(SQLException.class, () -> rows(brook, "SELECT nope FROM table(s)"));
            assertTrue(error.getMessage().contains("Unknown identifier: nope"), error.getMessage());
        }
    }

    @Test
    void typedValuesCrossTheWire() throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl())) {
            execute(connection, "CREATE STREAM typed (t datetime64(3, 'UTC'), d decimal(10, 2), a array(int32), b bool,"
                    + " f float64, day date)");
            execute(connection, "INSERT INTO typed (t, d, a, b, f, day) VALUES ('2026-01-02 03:04:05.678', 12.34, [1, 2],"
                    + " true, 0.5, '2026-01-02')");
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT t, d, a, b, f, day FROM table(typed)")) {
                assertTrue(rows.next());
                assertEquals(java.time.Instant.parse("2026-01-02T03:04:05.678Z"), rows.getTimestamp(1).toInstant());
                assertEquals(new java.math.BigDecimal("12.34"), rows.getBigDecimal(2));
                assertEquals(List.of(1, 2), java.util.Arrays.stream((Object[]) rows.getArray(3).getArray())
                        .map(value -> ((Number) value).intValue()).toList());
                assertTrue(rows.getBoolean(4));
                assertEquals(0.5, rows.getDouble(5));
                assertEquals("2026-01-02", rows.getString(6));
                assertTrue(!rows.next());
            }
        }
    }

    @Test
    void aPreparedBatchRunsRemotelyInBothSerializations() throws SQLException {
        try (Connection protobuf = avatica(server, "protobuf"); Connection json = avatica(server, "json")) {
            execute(protobuf, "CREATE STREAM batch (id int64, name string)");
            for (Connection connection : List.of(protobuf, json)) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO batch (id, name) VALUES (?, ?)")) {
                    for (int row = 0; row < 3; row++) {
                        insert.setLong(1, connection == protobuf ? row : 10 + row);
                        insert.setString(2, connection == protobuf ? "protobuf" : "json");
                        insert.addBatch();
                    }
                    assertArrayEquals(new int[] {1, 1, 1}, insert.executeBatch());
                }
            }
            assertEquals(List.of("json|3|10|12", "protobuf|3|0|2"),
                    rows(protobuf, "SELECT name, count(), min(id), max(id) FROM table(batch) GROUP BY name ORDER BY name"));
        }
    }

    @Test
    void aStreamingQueryReachesTheClientRowByRowAndClosingTheClientStopsIt() throws Exception {
        try (Connection writer = DriverManager.getConnection(server.jdbcUrl());
             Connection reader = DriverManager.getConnection(server.jdbcUrl());
             Statement statement = reader.createStatement()) {
            execute(writer, "CREATE STREAM events (id int64)");
            // seek_to='earliest': the inserts below cannot come before the query's start. Brook's
            // remote result sets read no row ahead, so next() returns each row as it arrives
            // (Avatica's own client would wait for the following row first).
            Future<ResultSet> started = threads.submit(() -> statement.executeQuery(
                    "SELECT id FROM events SETTINGS seek_to='earliest'"));
            ResultSet rows = started.get(20, TimeUnit.SECONDS);
            for (long id = 1; id <= 3; id++) {
                Future<Long> next = threads.submit(() -> rows.next() ? rows.getLong(1) : -1L);
                Thread.sleep(100);
                execute(writer, "INSERT INTO events (id) VALUES (" + id + ")");
                assertEquals(id, next.get(20, TimeUnit.SECONDS), "row " + id + " arrives while the query runs");
            }
            reader.close();
            assertEquals(1, server.openConnections(), "closing the client closed its connection and query");
        }
    }

    @Test
    void cancelThroughBrooksUrlStopsTheQueryOnTheServer() throws Exception {
        try (Connection writer = DriverManager.getConnection(server.jdbcUrl());
             Connection reader = DriverManager.getConnection(server.jdbcUrl());
             Statement statement = reader.createStatement()) {
            execute(writer, "CREATE STREAM ticks (id int64)");
            Future<ResultSet> started = threads.submit(() -> statement.executeQuery(
                    "SELECT id FROM ticks SETTINGS seek_to='earliest'"));
            execute(writer, "INSERT INTO ticks (id) VALUES (1)");
            ResultSet rows = started.get(20, TimeUnit.SECONDS);
            Future<Boolean> waiting = threads.submit(() -> rows.next() && rows.next());
            Thread.sleep(300);
            statement.cancel();
            java.util.concurrent.ExecutionException stopped = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> waiting.get(20, TimeUnit.SECONDS));
            assertTrue(String.valueOf(stopped.getCause()).contains("Query was cancelled"), String.valueOf(stopped.getCause()));
        }
    }

    @Test
    void aClientThatGoesAwayIsClosedAfterTheTimeout() throws Exception {
        String open = "{\"request\":\"openConnection\",\"connectionId\":\"gone-1\",\"info\":{}}";
        assertEquals(200, post(server.httpUrl(), open).status());
        assertEquals(1, server.openConnections());
        long deadline = System.currentTimeMillis() + 20_000;
        while (server.openConnections() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, server.openConnections(), "the silent connection was closed");
    }

    @Test
    void badRequestsGetErrorsAndTheServerKeepsServing() throws SQLException {
        ServerFixture.Reply garbage = post(server.httpUrl(), "\u0001\u0002not protobuf");
        assertTrue(garbage.status() >= 400, garbage.toString());
        ServerFixture.Reply badJson = post(server.httpUrl(), "{\"request\": ");
        assertTrue(badJson.status() >= 400, badJson.toString());
        ServerFixture.Reply unknownStatement = post(server.httpUrl(),
                "{\"request\":\"fetch\",\"connectionId\":\"none\",\"statementId\":42,\"offset\":0,\"fetchMaxRowCount\":10}");
        assertTrue(unknownStatement.body().contains("\"missingStatement\":true"), unknownStatement.toString());
        ServerFixture.Reply missing = post(server.httpUrl() + "/no/such/path", "{}");
        assertEquals(404, missing.status());
        try (Connection connection = avatica(server, "protobuf")) {
            assertEquals(List.of("1"), rows(connection, "SELECT 1"));
        }
    }

    @Test
    void anOversizedRequestIsRefused() {
        server.close();
        server = BrookServer.start(ServerOptions.local(0, directory.resolve("data")).withMaxRequestBytes(1_000));
        ServerFixture.Reply reply = post(server.httpUrl() + "/brook/v1/query", "SELECT '" + "x".repeat(2_000) + "'");
        assertEquals(413, reply.status(), reply.body());
        assertEquals(200, post(server.httpUrl() + "/brook/v1/query", "SELECT 1").status());
    }

    @Test
    void withAUsersFileWrongCredentialsGet401AndNothingRuns(@TempDir Path config) throws Exception {
        server.close();
        Path users = config.resolve("users");
        UserFile.put(users, "ann", "s3cret".toCharArray());
        server = BrookServer.start(ServerOptions.local(0, directory.resolve("data")).withUsers(users));
        String query = server.httpUrl() + "/brook/v1/query";
        assertEquals(401, post(query, "CREATE STREAM must_not_exist (a int32)").status());
        assertEquals(401, post(query, "CREATE STREAM must_not_exist (a int32)", "ann", "wrong").status());
        assertEquals(401, post(query, "CREATE STREAM must_not_exist (a int32)", "bob", "s3cret").status());
        Properties wrong = new Properties();
        wrong.setProperty("user", "ann");
        wrong.setProperty("password", "wrong");
        assertThrows(Exception.class, () -> DriverManager.getConnection(server.jdbcUrl(), wrong).createStatement()
                .executeQuery("SELECT 1"));
        Properties right = new Properties();
        right.setProperty("user", "ann");
        right.setProperty("password", "s3cret");
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), right)) {
            assertEquals(List.of("0"), rows(connection, "SELECT count() FROM system.streams WHERE name = 'must_not_exist'"));
        }
        assertEquals(200, post(query, "SELECT 1", "ann", "s3cret").status());
        assertTrue(!java.nio.file.Files.readString(users).contains("s3cret"), "only a hash is stored");
    }
}
