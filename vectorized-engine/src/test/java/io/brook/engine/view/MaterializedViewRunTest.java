package io.brook.engine.view;

import io.brook.engine.Engine;
import io.brook.engine.EngineConfig;
import io.brook.engine.QueryResult;
import io.brook.engine.Session;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.expr.vector.VectorReader;
import io.brook.engine.external.CountingStreamType;
import io.brook.engine.testing.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.brook.engine.testing.Sql.awaitRows;
import static io.brook.engine.testing.Sql.awaitStatus;
import static io.brook.engine.testing.Sql.rows;
import static io.brook.engine.testing.Sql.run;
import static io.brook.engine.testing.Sql.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Views running: into streams and external streams, their own stream, pause and resume, failures. */
class MaterializedViewRunTest {
    private Engine engine;
    private Session session;

    @BeforeEach
    void open() {
        engine = Engine.open(EngineConfig.memory("views-run-" + System.nanoTime()));
        session = engine.openSession(Map.of());
        run(session, "CREATE STREAM src (id int64, name string, v float64)");
    }

    @AfterEach
    void close() {
        session.close();
        engine.close();
    }

    @Test
    void aViewIntoAStreamSendsColumnsByNameFromWhenItWasCreated() {
        run(session, "CREATE STREAM dst (v float64, label string DEFAULT 'none', id int64)");
        run(session, "INSERT INTO src VALUES (1, 'before', 1.5)");
        run(session, "CREATE MATERIALIZED VIEW copy INTO dst AS SELECT id, v * 2 AS v FROM src WHERE id % 2 = 0");
        run(session, "INSERT INTO src VALUES (2, 'a', 1.0), (3, 'b', 2.0), (4, 'c', 3.0)");
        awaitRows(session, "SELECT id, v, label FROM table(dst) ORDER BY id",
                List.of(List.of(2L, 2.0, "none"), List.of(4L, 6.0, "none")));
        run(session, "INSERT INTO src VALUES (6, 'd', 0.5)");
        awaitRows(session, "SELECT id FROM table(dst) ORDER BY id", List.of(List.of(2L), List.of(4L), List.of(6L)));
        Map<String, Object> status = status(session, "copy");
        assertEquals("running", status.get("state"));
        assertEquals("dst", status.get("target"));
        assertEquals(4L, status.get("rows_in"));
        assertEquals(3L, status.get("rows_out"));
        assertEquals(0L, status.get("source_lag"));
        assertInstanceOf(Instant.class, status.get("last_checkpoint"));
        assertEquals("", status.get("last_error"));
    }

    @Test
    void seekToEarliestStartsTheFirstRunAtTheOldestRow() {
        run(session, "CREATE STREAM dst (id int64)");
        run(session, "INSERT INTO src VALUES (1, 'old', 0)");
        run(session, "CREATE MATERIALIZED VIEW copy INTO dst AS SELECT id FROM src SETTINGS seek_to='earliest'");
        run(session, "INSERT INTO src VALUES (2, 'new', 0)");
        awaitRows(session, "SELECT id FROM table(dst) ORDER BY id", List.of(List.of(1L), List.of(2L)));
        awaitStatus(session, "copy", row -> Long.valueOf(0).equals(row.get("source_lag")));
    }

    @Test
    void aViewMayReadTheStreamOfAnotherView() {
        run(session, "CREATE MATERIALIZED VIEW named AS SELECT id, name FROM src WHERE name != ''");
        run(session, "CREATE MATERIALIZED VIEW shouted AS SELECT id, upper(name) AS loud FROM named");
        run(session, "INSERT INTO src VALUES (1, 'a', 0), (2, '', 0), (3, 'c', 0)");
        awaitRows(session, "SELECT id, loud FROM table(shouted) ORDER BY id", List.of(List.of(1L, "A"), List.of(3L, "C")));
        BrookException used = assertThrows(BrookException.class, () -> run(session, "DROP VIEW named"));
        assertTrue(used.getMessage().startsWith("Stream named is used by materialized view shouted"), used.getMessage());
        run(session, "DROP VIEW shouted");
        run(session, "DROP VIEW named");
    }

    @Test
    void aViewIntoAnExternalStreamWritesThroughItsSink() {
        run(session, "CREATE EXTERNAL STREAM counted (n int64) SETTINGS type='counting'");
        CountingStreamType.Tally tally = CountingStreamType.Tally.last;
        run(session, "CREATE MATERIALIZED VIEW out INTO counted AS SELECT id AS n FROM src");
        run(session, "INSERT INTO src VALUES (1, 'a', 0), (2, 'b', 0)");
        run(session, "INSERT INTO src VALUES (3, 'c', 0)");
        Sql.await(session, "SELECT rows FROM system.counting", rows -> rows.equals(List.of(List.of(3L))));
        assertEquals(3L, tally.rows.get());
        assertEquals("counted", status(session, "out").get("target"));
    }

    @Test
    void aViewWithoutIntoOwnsAStreamToTailAndToScan() throws Exception {
        run(session, "CREATE MATERIALIZED VIEW totals AS SELECT id, upper(name) AS big FROM src");
        run(session, "INSERT INTO src VALUES (1, 'a', 0)");
        awaitRows(session, "SELECT id, big FROM table(totals)", List.of(List.of(1L, "A")));
        try (QueryResult tail = (QueryResult) session.execute("SELECT id, big FROM totals")) {
            run(session, "INSERT INTO src VALUES (2, 'b', 0), (3, 'c', 0)");
            assertEquals(List.of(List.of(2L, "B"), List.of(3L, "C")), take(tail, 2));
        }
        assertEquals(List.of(List.of(1L, "A"), List.of(2L, "B"), List.of(3L, "C")),
                rows(session, "SELECT id, big FROM table(totals) ORDER BY id"));
        assertEquals(List.of(List.of(3L)), rows(session, "SELECT count() FROM table(totals)"));
        assertEquals("totals", status(session, "totals").get("target"));
        run(session, "DROP VIEW totals");
        run(session, "CREATE STREAM totals (x int64)");
        assertEquals(List.of(), rows(session, "SELECT * FROM table(totals)"), "the view's data went with it");
    }

    @Test
    void aViewIntoAStreamReadsItsTargetWhenQueried() {
        run(session, "CREATE STREAM dst (id int64)");
        run(session, "CREATE MATERIALIZED VIEW copy INTO dst AS SELECT id FROM src");
        run(session, "INSERT INTO src VALUES (7, 'x', 0)");
        awaitRows(session, "SELECT id FROM table(copy)", List.of(List.of(7L)));
    }

    @Test
    void rowsInsertedWhilePausedArriveAfterResumeOnce() {
        run(session, "CREATE STREAM dst (id int64)");
        run(session, "CREATE MATERIALIZED VIEW copy INTO dst AS SELECT id FROM src");
        run(session, "INSERT INTO src VALUES (1, 'a', 0)");
        awaitRows(session, "SELECT id FROM table(dst)", List.of(List.of(1L)));
        run(session, "SYSTEM PAUSE MATERIALIZED VIEW copy");
        assertEquals("paused", status(session, "copy").get("state"));
        run(session, "INSERT INTO src VALUES (2, 'b', 0), (3, 'c', 0)");
        Sql.pause(300);
        assertEquals(List.of(List.of(1L)), rows(session, "SELECT id FROM table(dst)"), "nothing moves while paused");
        assertEquals(2L, status(session, "copy").get("source_lag"));
        run(session, "SYSTEM RESUME MATERIALIZED VIEW copy");
        awaitRows(session, "SELECT id FROM table(dst) ORDER BY id", List.of(List.of(1L), List.of(2L), List.of(3L)));
        run(session, "SYSTEM PAUSE MATERIALIZED VIEW copy");
        run(session, "INSERT INTO src VALUES (4, 'd', 0)");
        run(session, "SYSTEM UNPAUSE MATERIALIZED VIEW copy");
        run(session, "INSERT INTO src VALUES (5, 'e', 0)");
        awaitRows(session, "SELECT id FROM table(dst) ORDER BY id",
                List.of(List.of(1L), List.of(2L), List.of(3L), List.of(4L), List.of(5L)));
    }

    @Test
    void pauseOnStartHoldsRowsUntilResume() {
        run(session, "CREATE MATERIALIZED VIEW held AS SELECT id FROM src SETTINGS pause_on_start=true");
        run(session, "INSERT INTO src VALUES (1, 'a', 0), (2, 'b', 0)");
        assertEquals("paused", status(session, "held").get("state"));
        Sql.pause(300);
        assertEquals(List.of(), rows(session, "SELECT id FROM table(held)"));
        run(session, "SYSTEM RESUME MATERIALIZED VIEW held");
        awaitRows(session, "SELECT id FROM table(held) ORDER BY id", List.of(List.of(1L), List.of(2L)));
    }

    @Test
    void anAggregationViewEmitsRunningTotalsIntoItsStream() {
        run(session, "CREATE MATERIALIZED VIEW sums AS SELECT name, count() AS n, sum(v) AS total FROM src "
                + "GROUP BY name EMIT PERIODIC 100ms");
        run(session, "INSERT INTO src VALUES (1, 'a', 1.0), (2, 'b', 2.0), (3, 'a', 3.0)");
        Sql.await(session, "SELECT name, n, total FROM table(sums) ORDER BY _tp_time DESC, name LIMIT 2",
                rows -> rows.contains(List.of("a", java.math.BigInteger.TWO, 4.0))
                        || rows.contains(List.of("a", 2L, 4.0)));
    }

    @Test
    void aFailingSinkIsRetriedFromTheCheckpointWithoutSkippingRows() {
        run(session, "CREATE EXTERNAL STREAM flaky (n int64) SETTINGS type='counting', fail_writes=3");
        CountingStreamType.Tally tally = CountingStreamType.Tally.last;
        run(session, "CREATE MATERIALIZED VIEW out INTO flaky AS SELECT id AS n FROM src SETTINGS retry_backoff_ms=20");
        run(session, "INSERT INTO src VALUES (1, 'a', 0), (2, 'b', 0)");
        Map<String, Object> status = awaitStatus(session, "out", row -> "running".equals(row.get("state"))
                && tally.rows.get() >= 2);
        assertTrue(((String) status.get("last_error")).startsWith("counting sink flaky refused a write of 2 rows"),
                status.toString());
        assertEquals(2L, tally.rows.get(), "every row once the sink took it");
        run(session, "INSERT INTO src VALUES (3, 'c', 0)");
        Sql.await(session, "SELECT rows FROM system.counting", rows -> rows.equals(List.of(List.of(3L))));
    }

    @Test
    void aViewWhoseQueryKeepsFailingShowsTheErrorAndCanBeDropped() {
        run(session, "CREATE STREAM dst (n int64)");
        run(session, "CREATE MATERIALIZED VIEW broken INTO dst AS SELECT to_int64(name) AS n FROM src "
                + "SETTINGS retry_backoff_ms=10");
        run(session, "INSERT INTO src VALUES (1, 'not a number', 0)");
        Map<String, Object> status = awaitStatus(session, "broken", row -> !"".equals(row.get("last_error")));
        assertTrue(List.of("error", "recovering").contains(status.get("state")), status.toString());
        assertTrue(((String) status.get("last_error")).contains("(CANNOT_PARSE_TEXT)"), status.toString());
        run(session, "DROP VIEW broken");
        assertEquals(List.of(), rows(session, "SELECT * FROM table(dst)"));
    }

    @Test
    void distinctViewsKeepWhatTheySawAcrossAPause() {
        run(session, "CREATE MATERIALIZED VIEW names AS SELECT DISTINCT name FROM src");
        run(session, "INSERT INTO src VALUES (1, 'a', 0), (2, 'b', 0), (3, 'a', 0)");
        awaitRows(session, "SELECT name FROM table(names) ORDER BY name", List.of(List.of("a"), List.of("b")));
        run(session, "SYSTEM PAUSE MATERIALIZED VIEW names");
        run(session, "SYSTEM RESUME MATERIALIZED VIEW names");
        run(session, "INSERT INTO src VALUES (4, 'b', 0), (5, 'c', 0)");
        awaitRows(session, "SELECT name FROM table(names) ORDER BY name",
                List.of(List.of("a"), List.of("b"), List.of("c")));
    }

    private static List<List<Object>> take(QueryResult result, int count) throws InterruptedException {
        List<List<Object>> rows = new ArrayList<>();
        long deadline = System.currentTimeMillis() + Sql.DEADLINE_MILLIS;
        while (rows.size() < count && System.currentTimeMillis() < deadline) {
            Chunk chunk = result.next(100_000_000L);
            if (chunk == null) {
                continue;
            }
            try (chunk) {
                for (int row = 0; row < chunk.size(); row++) {
                    rows.add(List.of(VectorReader.value(chunk.column(0), chunk.position(row)),
                            VectorReader.value(chunk.column(1), chunk.position(row))));
                }
            }
        }
        return rows;
    }
}
