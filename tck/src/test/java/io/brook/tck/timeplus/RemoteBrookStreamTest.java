package io.brook.tck.timeplus;

import io.brook.engine.QueryResult;
import io.brook.engine.Session;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.expr.vector.VectorReader;
import io.brook.server.auth.UserFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code type='timeplus'} external streams (SPEC 4.4) between two real Brook servers, A and B:
 * migrating a stream from A to B with a view, shipping filtered rows from B to A through pause,
 * resume and A going away, and one stream spread over both as shards.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RemoteBrookStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(40);

    @TempDir
    Path directory;
    private RemoteServers servers;
    private RemoteServers.Running a;
    private RemoteServers.Running b;

    @BeforeEach
    void start() {
        servers = new RemoteServers();
        a = servers.start(directory.resolve("a"));
        b = servers.start(directory.resolve("b"));
    }

    @AfterEach
    void stop() {
        servers.close();
    }

    @Test
    void settingsErrorsHaveTheSpecTextsAndCodes() throws Exception {
        BrookException noHosts = assertThrows(BrookException.class,
                () -> b.execute("CREATE EXTERNAL STREAM r (id int64) SETTINGS type='timeplus', stream='s'"));
        assertEquals("Setting `hosts` cannot be empty. (BAD_ARGUMENTS)", noHosts.getMessage());
        assertEquals(36, noHosts.code().number());
        BrookException noStream = assertThrows(BrookException.class,
                () -> b.execute("CREATE EXTERNAL STREAM r (id int64) SETTINGS type='timeplus', hosts='127.0.0.1:1'"));
        assertEquals("Setting `stream` cannot be empty. (BAD_ARGUMENTS)", noStream.getMessage());
        BrookException unknown = assertThrows(BrookException.class, () -> b.execute(
                "CREATE EXTERNAL STREAM r (id int64) SETTINGS type='timeplus', hosts='h:1', stream='s', topic='t'"));
        assertEquals(115, unknown.code().number());
        assertEquals("Unknown setting topic: for storage ExternalStream (UNKNOWN_SETTING)", unknown.getMessage());
        BrookException missing = assertThrows(BrookException.class, () -> b.execute(
                "CREATE EXTERNAL STREAM r SETTINGS type='timeplus', hosts='" + a.host() + "', stream='nope'"));
        assertEquals(60, missing.code().number());
        assertEquals("Brook server " + a.host() + ": Stream nope doesn't exist (UNKNOWN_STREAM)", missing.getMessage());
        a.stop();
        BrookException down = assertThrows(BrookException.class, () -> b.execute(
                "CREATE EXTERNAL STREAM r SETTINGS type='timeplus', hosts='" + a.host() + "', stream='s'"));
        assertEquals(210, down.code().number());
        assertTrue(down.getMessage().startsWith("Cannot query Brook server " + a.host() + ": "), down.getMessage());
        assertEquals(List.of(), b.rows("SHOW STREAMS"));
    }

    @Test
    void migrationCopiesEveryRowOfTheRemoteStreamWithItsTime() throws Exception {
        a.execute("CREATE STREAM src (id int64, name string, amount decimal(10, 2), at datetime64(3, 'UTC'))");
        a.execute("INSERT INTO src (id, name, amount, at) VALUES (1, 'one', 1.25, '2024-01-01 00:00:00.001'), "
                + "(2, 'two', 2.50, '2024-01-02 00:00:00')");
        a.execute("INSERT INTO src (id, name, amount, at) VALUES (3, 'three', 3, '2024-01-03 00:00:00')");
        b.execute("CREATE EXTERNAL STREAM a_src SETTINGS type='timeplus', hosts='" + a.host() + "', stream='src'");
        assertEquals(List.of("id|int64|||", "name|string|||", "amount|decimal(10, 2)|||",
                "at|datetime64(3, 'UTC')|||", "_tp_time|datetime64(3, 'UTC')|||"), b.rows("DESCRIBE a_src"));
        String source = "SELECT id, name, amount, at, _tp_time FROM table(src) ORDER BY id";
        String copied = "SELECT id, name, amount, at, _tp_time FROM table(copy) ORDER BY id";
        List<String> original = a.rows(source);
        assertEquals(original, b.rows("SELECT id, name, amount, at, _tp_time FROM table(a_src) ORDER BY id"));

        b.execute("CREATE STREAM copy (id int64, name string, amount decimal(10, 2), at datetime64(3, 'UTC'))");
        b.execute("CREATE MATERIALIZED VIEW migrate INTO copy AS SELECT * FROM a_src WHERE _tp_time > earliest_ts()");
        b.await(copied, rows -> rows.size() == 3, WAIT);
        a.execute("INSERT INTO src (id, name, amount, at) VALUES (4, 'four', 4.75, '2024-01-04 00:00:00')");
        List<String> all = b.await(copied, rows -> rows.size() >= 4, WAIT);
        assertEquals(a.rows(source), all);
        assertEquals(4, all.size());
    }

    @Test
    void aStreamThatReadItsSchemaReopensWhileTheRemoteIsAway() throws Exception {
        a.execute("CREATE STREAM src (id int64, name string)");
        a.execute("INSERT INTO src (id, name) VALUES (1, 'one')");
        b.execute("CREATE EXTERNAL STREAM a_src SETTINGS type='timeplus', hosts='" + a.host() + "', stream='src'");
        a.stop();
        b.stop();
        b.start();
        assertEquals(List.of("id|int64|||", "name|string|||", "_tp_time|datetime64(3, 'UTC')|||"),
                b.rows("DESCRIBE a_src"));
        BrookException away = assertThrows(BrookException.class, () -> b.rows("SELECT id FROM table(a_src)"));
        assertEquals(210, away.code().number());
        a.start();
        assertEquals(List.of("1|one"), b.rows("SELECT id, name FROM table(a_src)"));
    }

    @Test
    void declaredColumnsThatDoNotMatchTheRemoteFailTheRead() throws Exception {
        a.execute("CREATE STREAM src (name string)");
        a.execute("INSERT INTO src (name) VALUES ('abc')");
        b.execute("CREATE EXTERNAL STREAM as_date (name date) SETTINGS type='timeplus', hosts='" + a.host()
                + "', stream='src'");
        BrookException unfit = assertThrows(BrookException.class, () -> b.rows("SELECT name FROM table(as_date)"));
        assertEquals(6, unfit.code().number());
        assertTrue(unfit.getMessage().startsWith("Brook server " + a.host()
                + " sent a row of stream src that does not fit its columns: "), unfit.getMessage());
        b.execute("CREATE EXTERNAL STREAM other (nope int64) SETTINGS type='timeplus', hosts='" + a.host()
                + "', stream='src'");
        BrookException missing = assertThrows(BrookException.class, () -> b.rows("SELECT nope FROM table(other)"));
        assertTrue(missing.getMessage().startsWith("Brook server " + a.host() + ": "), missing.getMessage());
        assertTrue(missing.getMessage().contains("nope"), missing.getMessage());
    }

    @Test
    void theEmbeddedJdbcDriverHasTheTypeAndReportsItsErrorsAsSqlExceptions() throws Exception {
        a.execute("CREATE STREAM s (id int64, name string)");
        try (Connection connection = DriverManager.getConnection("jdbc:brook:mem:timeplus-" + System.nanoTime());
             Statement statement = connection.createStatement()) {
            SQLException noHosts = assertThrows(SQLException.class, () -> statement.execute(
                    "CREATE EXTERNAL STREAM r SETTINGS type='timeplus', stream='s'"));
            assertEquals(36, noHosts.getErrorCode());
            assertEquals("Setting `hosts` cannot be empty. (BAD_ARGUMENTS)", noHosts.getMessage());
            statement.execute("CREATE EXTERNAL STREAM r SETTINGS type='timeplus', hosts='" + a.host() + "', stream='s'");
            assertEquals(2, statement.executeUpdate("INSERT INTO r (id, name) VALUES (1, 'one'), (2, 'two')"));
            try (ResultSet rows = statement.executeQuery("SELECT id, name FROM table(r) ORDER BY id")) {
                List<String> read = new ArrayList<>();
                while (rows.next()) {
                    read.add(rows.getLong(1) + "|" + rows.getString(2));
                }
                assertEquals(List.of("1|one", "2|two"), read);
            }
        }
    }

    @Test
    void tensOfThousandsOfRowsCrossInChunksBothWays() throws Exception {
        a.execute("CREATE STREAM big (id int64, label string)");
        b.execute("CREATE EXTERNAL STREAM remote_big SETTINGS type='timeplus', hosts='" + a.host() + "', stream='big'");
        StringBuilder values = new StringBuilder("INSERT INTO remote_big (id, label) VALUES ");
        for (int id = 1; id <= 20_000; id++) {
            values.append(id > 1 ? ", " : "").append('(').append(id).append(", 'row ").append(id).append("')");
        }
        b.execute(values.toString());
        assertEquals(List.of("20000|200010000|20000"), a.rows("SELECT count(), sum(id), uniq_exact(label) FROM table(big)"));
        b.execute("CREATE STREAM copy (id int64, label string)");
        b.execute("CREATE MATERIALIZED VIEW pull INTO copy AS SELECT * FROM remote_big SETTINGS seek_to='earliest'");
        String totals = "SELECT count(), sum(id), uniq_exact(label) FROM table(copy)";
        assertEquals(List.of("20000|200010000|20000"), b.await(totals, rows -> rows.getFirst().startsWith("20000|"), WAIT));
    }

    @Test
    void streamingReadSeesEachNewRowPromptlyAndSeekToEarliestReplays() throws Exception {
        a.execute("CREATE STREAM src (id int64)");
        a.execute("INSERT INTO src (id) VALUES (1)");
        b.execute("CREATE EXTERNAL STREAM r (id int64) SETTINGS type='timeplus', hosts='" + a.host() + "', stream='src'");
        assertTrue(b.rows("EXPLAIN SELECT id FROM r WHERE _tp_time > earliest_ts()").toString()
                .contains("external stream r (type timeplus, streaming from _tp_time 1970-01-01T00:00:00Z)"));
        assertTrue(b.rows("EXPLAIN SELECT id FROM r SETTINGS seek_to='earliest'").toString()
                .contains("external stream r (type timeplus, streaming from earliest)"));
        try (Session session = b.engine().openSession(Map.of());
             QueryResult replay = (QueryResult) session.execute("SELECT id FROM r SETTINGS seek_to='earliest'");
             QueryResult fresh = (QueryResult) session.execute("SELECT id * 10 FROM r WHERE id > 0");
             QueryResult lastHour = (QueryResult) session.execute("SELECT id FROM r WHERE _tp_time > now() - 1h")) {
            assertEquals(List.of(1L), ids(replay, 1));
            assertEquals(List.of(1L), ids(lastHour, 1));
            a.execute("INSERT INTO src (id) VALUES (2)");
            // the one new row arrives alone: nothing waits for a following row
            assertEquals(List.of(2L), ids(replay, 1));
            assertEquals(List.of(20L), ids(fresh, 1), "a read without a start sees only rows appended after it began");
            assertEquals(List.of(2L), ids(lastHour, 1));

            a.stop();
            BrookException lost = assertThrows(BrookException.class, () -> ids(replay, 1));
            assertTrue(lost.getMessage().contains("Brook server " + a.host()), lost.getMessage());
        }
    }

    @Test
    void edgeToCloudDeliversFilteredRowsThroughPauseResumeAndAnOutage() throws Exception {
        a.execute("CREATE STREAM cloud (id int64, level string)");
        b.execute("CREATE STREAM edge (id int64, level string)");
        b.execute("CREATE EXTERNAL STREAM to_cloud (id int64, level string) SETTINGS type='timeplus', hosts='"
                + a.host() + "', stream='cloud'");
        b.execute("CREATE MATERIALIZED VIEW ship INTO to_cloud AS SELECT id, level, _tp_time FROM edge "
                + "WHERE level = 'error' SETTINGS retry_backoff_ms=100, checkpoint_interval=0.2");
        String delivered = "SELECT DISTINCT id FROM table(cloud) ORDER BY id";
        b.execute("INSERT INTO edge (id, level) VALUES (1, 'info'), (2, 'error'), (3, 'error'), (4, 'debug')");
        assertEquals(List.of("2", "3"), a.await(delivered, rows -> rows.size() >= 2, WAIT));

        b.execute("SYSTEM PAUSE MATERIALIZED VIEW ship");
        b.execute("INSERT INTO edge (id, level) VALUES (5, 'error'), (6, 'info')");
        Thread.sleep(1_000);
        assertEquals(List.of("2", "3"), a.rows(delivered), "a paused view delivers nothing");
        b.execute("SYSTEM RESUME MATERIALIZED VIEW ship");
        assertEquals(List.of("2", "3", "5"), a.await(delivered, rows -> rows.size() >= 3, WAIT));

        a.stop();
        b.execute("INSERT INTO edge (id, level) VALUES (7, 'error'), (8, 'info'), (9, 'error')");
        List<String> failing = b.await("SELECT state, last_error FROM system.materialized_views WHERE name = 'ship'",
                rows -> rows.getFirst().contains("NETWORK_ERROR"), WAIT);
        assertTrue(failing.getFirst().contains("Brook server " + a.host()), failing.toString());
        a.start();
        assertEquals(List.of("2", "3", "5", "7", "9"), a.await(delivered, rows -> rows.size() >= 5, WAIT));

        // the edge restarts: its external stream (declared columns, so the cloud is not asked) and view come back
        b.stop();
        b.start();
        b.execute("INSERT INTO edge (id, level) VALUES (10, 'error'), (11, 'info')");
        assertEquals(List.of("2", "3", "5", "7", "9", "10"), a.await(delivered, rows -> rows.size() >= 6, WAIT));
        assertEquals(List.of("error"), a.rows("SELECT DISTINCT level FROM table(cloud)"));
    }

    @Test
    void severalHostsAreShardsWrittenInTurnAndReadMerged() throws Exception {
        a.execute("CREATE STREAM s (id int64)");
        b.execute("CREATE STREAM s (id int64)");
        b.execute("CREATE EXTERNAL STREAM both_hosts SETTINGS type='timeplus', hosts='" + a.host() + "," + b.host()
                + "', stream='s'");
        for (int id = 1; id <= 4; id++) {
            b.execute("INSERT INTO both_hosts (id) VALUES (" + id + ")");
        }
        assertEquals(2, a.rows("SELECT id FROM table(s)").size());
        assertEquals(2, b.rows("SELECT id FROM table(s)").size());
        assertEquals(List.of("1", "2", "3", "4"), b.rows("SELECT id FROM table(both_hosts) ORDER BY id"));
        try (Session session = b.engine().openSession(Map.of());
             QueryResult merged = (QueryResult) session.execute("SELECT id FROM both_hosts WHERE _tp_time > earliest_ts()")) {
            List<Long> ids = ids(merged, 4);
            b.execute("INSERT INTO both_hosts (id) VALUES (5), (6)");
            ids.addAll(ids(merged, 2));
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), ids.stream().sorted().toList());
        }
    }

    @Test
    void valuesOfEveryKindRoundTripThroughWritesAndReads() throws Exception {
        a.execute("CREATE STREAM t (n nullable(int32), u uuid, d date, a array(string), m map(string, int64), "
                + "x decimal(20, 4), f float64, b bool, big uint64, tu tuple(int8, string))");
        b.execute("CREATE EXTERNAL STREAM rt SETTINGS type='timeplus', hosts='" + a.host() + "', stream='t'");
        b.execute("INSERT INTO rt (n, u, d, a, m, x, f, b, big, tu, _tp_time) VALUES "
                + "(NULL, '61f0c404-5cb3-11e7-907b-a6006ad3dba0', '2024-02-29', ['x', 'y\"z'], map('k', 7), "
                + "CAST('1234567890123456.7891' AS decimal(20, 4)), 0.1, true, 18446744073709551615, (-3, 'é'), '2024-01-01 00:00:00.123'), "
                + "(5, '00000000-0000-0000-0000-000000000000', '1970-01-01', [], map(), CAST('-0.0001' AS decimal(20, 4)), -2.5, false, 0, (0, ''), "
                + "'2024-01-01 00:00:01')");
        String columns = "n, u, d, a, m, x, f, b, big, tu, _tp_time";
        List<String> stored = a.rows("SELECT " + columns + " FROM table(t) ORDER BY _tp_time");
        assertEquals(2, stored.size());
        assertEquals("null|61f0c404-5cb3-11e7-907b-a6006ad3dba0|2024-02-29|[x, y\"z]|{k=7}|1234567890123456.7891|0.1|true"
                + "|18446744073709551615|[-3, é]|2024-01-01T00:00:00.123Z", stored.getFirst());
        assertEquals(stored, b.rows("SELECT " + columns + " FROM table(rt) ORDER BY _tp_time"));
    }

    @Test
    void credentialsReachAServerWithUsers() throws Exception {
        Path users = directory.resolve("users");
        UserFile.put(users, "edge", "s3cret".toCharArray());
        RemoteServers.Running guarded = servers.start(directory.resolve("guarded"), users);
        guarded.execute("CREATE STREAM s (id int64)");
        b.execute("CREATE EXTERNAL STREAM good (id int64) SETTINGS type='timeplus', hosts='" + guarded.host()
                + "', stream='s', user='edge', password='s3cret'");
        b.execute("CREATE EXTERNAL STREAM bad (id int64) SETTINGS type='timeplus', hosts='" + guarded.host()
                + "', stream='s', user='edge', password='wrong'");
        b.execute("INSERT INTO good (id) VALUES (1), (2)");
        assertEquals(List.of("1", "2"), b.rows("SELECT id FROM table(good) ORDER BY id"));
        BrookException refused = assertThrows(BrookException.class, () -> b.execute("INSERT INTO bad (id) VALUES (3)"));
        assertEquals("Brook server " + guarded.host() + " refused the credentials: check the settings user and password"
                + " (AUTHENTICATION_FAILED)", refused.getMessage());
        assertEquals(516, refused.code().number());
        assertThrows(BrookException.class, () -> b.rows("SELECT id FROM table(bad)"));
        assertEquals(List.of("1", "2"), guarded.rows("SELECT id FROM table(s) ORDER BY id"));
    }

    /** The first column of the next {@code count} rows of a streaming query. */
    private static List<Long> ids(QueryResult result, int count) throws InterruptedException {
        List<Long> ids = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (ids.size() < count) {
            assertTrue(System.nanoTime() < deadline, "only " + ids + " arrived");
            Chunk chunk = result.next(TimeUnit.MILLISECONDS.toNanos(200));
            if (chunk != null) {
                try (chunk) {
                    for (int row = 0; row < chunk.size(); row++) {
                        ids.add((Long) VectorReader.value(chunk.column(0), chunk.position(row)));
                    }
                }
            }
        }
        return ids;
    }
}
