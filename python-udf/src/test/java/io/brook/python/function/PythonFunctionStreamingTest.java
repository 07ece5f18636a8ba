package io.brook.python.function;

import io.brook.engine.QueryResult;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.testing.Sql;
import io.brook.python.SharedSessionTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC 3.8 and 3.7: Python functions in streaming queries and windows, and stopping runaway ones. */
@Timeout(120)
class PythonFunctionStreamingTest extends SharedSessionTest {

    @Test
    void aggregatesInTumbleWindowsEmitWhenTheWindowCloses() throws Exception {
        session.execute("""
                CREATE AGGREGATE FUNCTION st_spread(v float64) RETURNS float64 LANGUAGE PYTHON AS $$
                class st_spread:
                    def __init__(self):
                        self.low = None
                        self.high = None
                    def process(self, values):
                        low, high = min(values), max(values)
                        self.low = low if self.low is None else min(self.low, low)
                        self.high = high if self.high is None else max(self.high, high)
                    def finalize(self):
                        return 0.0 if self.low is None else self.high - self.low
                $$""");
        session.execute("""
                CREATE FUNCTION st_scale(v float64) RETURNS float64 LANGUAGE PYTHON AS $$
                def st_scale(v):
                    return [x * 10 for x in v]
                $$""");
        session.execute("CREATE STREAM st_ticks (ts datetime64(3, 'UTC'), v float64)");
        try (QueryResult result = (QueryResult) session.execute("""
                SELECT window_start, st_spread(st_scale(v)) FROM tumble(st_ticks, ts, 5s)
                GROUP BY window_start EMIT AFTER WINDOW CLOSE LIMIT 2""")) {
            Thread.sleep(300);
            session.execute("INSERT INTO st_ticks (ts, v) VALUES ('2024-01-01 00:00:01', 1), ('2024-01-01 00:00:02', 4)");
            session.execute("INSERT INTO st_ticks (ts, v) VALUES ('2024-01-01 00:00:03', 2.5), ('2024-01-01 00:00:06', 7)");
            session.execute("INSERT INTO st_ticks (ts, v) VALUES ('2024-01-01 00:00:09', 6), ('2024-01-01 00:00:16', 0)");
            List<List<Object>> rows = Sql.take(result, 2);
            assertEquals(2, rows.size(), rows.toString());
            assertEquals(30.0, rows.get(0).get(1));
            assertEquals(10.0, rows.get(1).get(1));
        }
    }

    @Test
    void aRunawayFunctionIsStoppedByCancelAndByTheTimeout() throws Exception {
        session.execute("""
                CREATE FUNCTION st_spin(v int64) RETURNS int64 LANGUAGE PYTHON AS $$
                def st_spin(v):
                    x = 0
                    while True:
                        x += 1
                $$""");
        session.execute("CREATE STREAM st_spin_input (v int64)");
        session.execute("INSERT INTO st_spin_input (v) VALUES (1)");
        try (QueryResult result = (QueryResult) session.execute("SELECT st_spin(v) FROM table(st_spin_input)")) {
            Thread.sleep(500);
            result.cancel();
            BrookException cancelled = assertThrows(BrookException.class, () -> Sql.take(result, 1));
            assertEquals(ErrorCode.QUERY_WAS_CANCELLED, cancelled.code());
        }
        try (QueryResult result = (QueryResult) session.execute(
                "SELECT st_spin(v) FROM table(st_spin_input) SETTINGS max_execution_time=0.5")) {
            BrookException timedOut = assertThrows(BrookException.class, () -> Sql.take(result, 1));
            assertEquals(ErrorCode.QUERY_WAS_CANCELLED, timedOut.code());
            assertTrue(timedOut.text().contains("timeout"), timedOut.text());
        }
        // the engine and its Python runtime go on
        assertEquals(List.of(List.of(1L)), Sql.rows(session, "SELECT count() FROM table(st_spin_input)"));
        session.execute("""
                CREATE FUNCTION st_after(v int64) RETURNS int64 LANGUAGE PYTHON AS $$
                def st_after(v):
                    return [x + 1 for x in v]
                $$""");
        assertEquals(List.of(List.of(2L)), Sql.rows(session, "SELECT st_after(v) FROM table(st_spin_input)"));
    }
}
