package io.brook.engine.window;

import io.brook.engine.Engine;
import io.brook.engine.EngineConfig;
import io.brook.engine.QueryResult;
import io.brook.engine.Session;
import io.brook.engine.error.BrookException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.brook.engine.testing.Sql.takeLines;
import static io.brook.engine.testing.Sql.lines;
import static io.brook.engine.testing.Sql.run;
import static io.brook.engine.testing.Sql.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** tumble, hop and session through SQL (SPEC 1.8): bounded and streaming, emit policies, errors. */
class WindowQueryTest {
    private Engine engine;
    private Session session;

    @BeforeEach
    void open() {
        engine = Engine.open(EngineConfig.memory("windows"));
        session = engine.openSession(Map.of());
        run(session, "CREATE STREAM m (host string, v float64, ts datetime64(3, 'UTC'))");
    }

    @AfterEach
    void close() {
        session.close();
        engine.close();
    }

    private void insert(String... rows) {
        run(session, "INSERT INTO m (host, v, ts) VALUES " + String.join(", ", rows));
    }

    private static String row(String host, double v, String seconds) {
        return "('" + host + "', " + v + ", '2026-01-01 00:00:" + seconds + "')";
    }

    @Test
    void boundedTumbleGroupsStoredRowsByWindowAndKey() {
        insert(row("a", 1, "01"), row("b", 2, "04"), row("a", 3, "05"), row("a", 4, "09.999"), row("b", 5, "12"));
        assertEquals(List.of(
                        "2026-01-01T00:00:00Z|2026-01-01T00:00:05Z|a|1|1.0",
                        "2026-01-01T00:00:00Z|2026-01-01T00:00:05Z|b|1|2.0",
                        "2026-01-01T00:00:05Z|2026-01-01T00:00:10Z|a|2|7.0",
                        "2026-01-01T00:00:10Z|2026-01-01T00:00:15Z|b|1|5.0"),
                lines(session, "SELECT window_start, window_end, host, count(), sum(v) FROM tumble(table(m), ts, 5s)"
                        + " GROUP BY window_start, host"));
    }

    @Test
    void hopPutsARowInEveryWindowThatHoldsIt() {
        insert(row("a", 1, "01"), row("a", 2, "03"), row("a", 4, "05"));
        assertEquals(List.of(
                        "2025-12-31T23:59:58Z|2026-01-01T00:00:02Z|1|1.0",
                        "2026-01-01T00:00:00Z|2026-01-01T00:00:04Z|2|3.0",
                        "2026-01-01T00:00:02Z|2026-01-01T00:00:06Z|2|6.0",
                        "2026-01-01T00:00:04Z|2026-01-01T00:00:08Z|1|4.0"),
                lines(session, "SELECT window_start, window_end, count(), sum(v) FROM hop(table(m), ts, 2s, 4s)"
                        + " GROUP BY window_start ORDER BY window_start"));
    }

    @Test
    void withoutAggregationEachRowCarriesItsWindows() {
        insert(row("a", 1, "01"), row("b", 2, "03"));
        assertEquals(List.of("a|2026-01-01T00:00:00Z|2026-01-01T00:00:05Z", "b|2026-01-01T00:00:00Z|2026-01-01T00:00:05Z"),
                lines(session, "SELECT host, window_start, window_end FROM tumble(table(m), ts, 5s)"));
        assertEquals(List.of("a|2025-12-31T23:59:58Z", "a|2026-01-01T00:00:00Z", "b|2026-01-01T00:00:00Z",
                        "b|2026-01-01T00:00:02Z"),
                lines(session, "SELECT host, window_start FROM hop(table(m), ts, 2s, 4s) ORDER BY host, window_start"));
        assertEquals(List.of("b"), lines(session,
                "SELECT host FROM tumble(table(m), ts, 5s) WHERE window_start = to_datetime64('2026-01-01 00:00:00', 3, 'UTC')"
                        + " AND v > 1"));
    }

    @Test
    void sessionsSplitOnTheIdleGapPerKey() {
        insert(row("a", 1, "00"), row("a", 2, "02"), row("b", 3, "03"), row("a", 4, "09"), row("a", 5, "10"));
        assertEquals(List.of(
                        "a|2026-01-01T00:00:00Z|2026-01-01T00:00:05Z|2|3.0",
                        "a|2026-01-01T00:00:09Z|2026-01-01T00:00:13Z|2|9.0",
                        "b|2026-01-01T00:00:03Z|2026-01-01T00:00:06Z|1|3.0"),
                lines(session, "SELECT host, window_start, window_end, count(), sum(v) FROM session(table(m), ts, 3s)"
                        + " GROUP BY host, window_start ORDER BY host, window_start"));
    }

    @Test
    void dayWindowsFollowTheTimeColumnsZone() {
        run(session, "CREATE STREAM local (v int32, ts datetime64(3, 'Asia/Shanghai'))");
        run(session, "INSERT INTO local (v, ts) VALUES (1, '2026-01-01 23:30:00'), (2, '2026-01-02 00:30:00')");
        run(session, "CREATE STREAM m2 (v int32, ts datetime64(3, 'UTC'))");
        run(session, "INSERT INTO m2 (v, ts) VALUES (1, '2025-12-29 00:00:00'), (2, '2026-01-04 23:59:59')");
        assertEquals(List.of("2025-12-31T16:00:00Z|1", "2026-01-01T16:00:00Z|2"),
                lines(session, "SELECT window_start, sum(v) FROM tumble(table(local), ts, 1d)"
                        + " GROUP BY window_start ORDER BY window_start"),
                "days start at midnight in Shanghai, 16:00 UTC the day before");
        assertEquals(List.of("2025-12-29T00:00:00Z|3"), lines(session,
                "SELECT window_start, sum(v) FROM tumble(table(m2), ts, 1w) GROUP BY window_start"),
                "weeks start on Mondays");
    }

    @Test
    void aStreamingTumbleEmitsEachWindowOnceWhenItClosesAndCountsLateRows() {
        try (QueryResult result = (QueryResult) session.execute(
                "SELECT window_start, host, count() FROM tumble(m, ts, 5s) GROUP BY window_start, host")) {
            insert(row("a", 1, "01"), row("b", 1, "02"), row("a", 1, "04.999"));
            assertEquals(List.of(), within(result, 300), "nothing closed yet");
            insert(row("a", 1, "05"));
            assertEquals(List.of("2026-01-01T00:00:00Z|a|2", "2026-01-01T00:00:00Z|b|1"), takeLines(result, 2));
            insert(row("b", 1, "03"), row("a", 1, "11"));
            assertEquals(List.of("2026-01-01T00:00:05Z|a|1"), takeLines(result, 1));
            assertEquals(1, result.lateRows());
        }
    }

    @Test
    void withDelayLateRowsWithinTheDelayStillCount() {
        try (QueryResult result = (QueryResult) session.execute("SELECT window_start, count() FROM tumble(m, ts, 5s)"
                + " GROUP BY window_start EMIT AFTER WINDOW CLOSE WITH DELAY 2s")) {
            insert(row("a", 1, "01"), row("a", 1, "06"), row("a", 1, "03"));
            assertEquals(List.of(), within(result, 300));
            insert(row("a", 1, "07"));
            assertEquals(List.of("2026-01-01T00:00:00Z|2"), takeLines(result, 1));
            assertEquals(0, result.lateRows());
        }
    }

    @Test
    void onUpdateEmitsTheGroupsEachInsertChanged() {
        try (QueryResult result = (QueryResult) session.execute("SELECT window_start, host, count() FROM tumble(m, ts, 5s)"
                + " GROUP BY window_start, host EMIT ON UPDATE")) {
            insert(row("a", 1, "01"), row("b", 1, "02"));
            assertEquals(List.of("2026-01-01T00:00:00Z|a|1", "2026-01-01T00:00:00Z|b|1"), takeLines(result, 2));
            insert(row("a", 1, "03"));
            assertEquals(List.of("2026-01-01T00:00:00Z|a|2"), takeLines(result, 1));
        }
    }

    @Test
    void periodicEmitsRunningResultsOfOpenWindows() {
        try (QueryResult result = (QueryResult) session.execute("SELECT window_start, count() FROM tumble(m, ts, 1h)"
                + " GROUP BY window_start EMIT PERIODIC 200ms")) {
            insert(row("a", 1, "01"), row("b", 1, "02"));
            assertEquals(List.of("2026-01-01T00:00:00Z|2"), takeLines(result, 1));
            insert(row("a", 1, "03"));
            assertEquals(List.of("2026-01-01T00:00:00Z|3"), takeLines(result, 1));
        }
    }

    @Test
    void timeoutClosesTheLastWindowsOfAnIdleSource() {
        try (QueryResult result = (QueryResult) session.execute("SELECT window_start, count() FROM tumble(m, ts, 5s)"
                + " GROUP BY window_start EMIT TIMEOUT 300ms")) {
            insert(row("a", 1, "01"), row("a", 1, "06"));
            List<String> rows = takeLines(result, 2);
            assertEquals(List.of("2026-01-01T00:00:00Z|1", "2026-01-01T00:00:05Z|1"), rows);
            insert(row("a", 1, "07"));
            assertEquals(List.of(), within(result, 600), "the window [5s, 10s) was closed by the timeout");
            assertEquals(1, result.lateRows());
        }
    }

    @Test
    void badWindowsFailClearly() {
        assertError(36, "The hop slide of hop() must not be longer than its window size",
                "SELECT count() FROM hop(m, ts, 5s, 2s)");
        assertError(36, "The window size of tumble() needs a fixed-length unit",
                "SELECT count() FROM tumble(m, ts, INTERVAL 1 MONTH)");
        assertError(43, "The time column of tumble() must be datetime or datetime64, not string",
                "SELECT count() FROM tumble(m, host, 5s)");
        assertError(42, "tumble() takes a stream, an optional time column and a window size",
                "SELECT count() FROM tumble(m, ts)");
        assertError(36, "A session window emits only after it closes",
                "SELECT count() FROM session(m, ts, 5s) EMIT ON UPDATE");
        assertError(36, "WHERE of a windowed aggregation cannot read window_start or window_end",
                "SELECT count() FROM tumble(m, ts, 5s) WHERE window_start > now()");
        assertError(36, "The window size of tumble() is finer than its time column",
                "SELECT count() FROM tumble(m, ts, 500us)");
    }

    private void assertError(int code, String message, String sql) {
        BrookException error = assertThrows(BrookException.class, () -> lines(session, sql));
        assertEquals(code, error.code().number(), error.getMessage());
        assertTrue(error.getMessage().startsWith(message), error.getMessage());
    }
}
