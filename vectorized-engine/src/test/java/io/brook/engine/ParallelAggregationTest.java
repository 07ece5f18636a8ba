package io.brook.engine;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.brook.engine.SessionFixture.rows;
import static io.brook.engine.SessionFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bounded aggregations over enough stored rows to be split between threads give exactly what
 * one thread gives: the same groups, values and order ({@code max_threads=1} against more).
 */
class ParallelAggregationTest {
    private static final int ENTRIES = 8;
    private static final int ROWS_PER_ENTRY = 40_000;

    private static Engine engine;
    private static Session session;

    @BeforeAll
    static void load() {
        engine = Engine.open(EngineConfig.memory("parallel"));
        session = engine.openSession(Map.of());
        run(session, "CREATE STREAM t (i int64, k nullable(string), n nullable(int32), v nullable(float64), d decimal(10, 2))");
        for (int entry = 0; entry < ENTRIES; entry++) {
            List<List<?>> batch = new ArrayList<>(ROWS_PER_ENTRY);
            for (int index = 0; index < ROWS_PER_ENTRY; index++) {
                long i = (long) entry * ROWS_PER_ENTRY + index;
                // new keys keep appearing in later entries; short, 8-byte and long strings
                long key = (i * 7919) % (100 + i / 500);
                String k = key % 17 == 0 ? null : key % 4 == 0 ? "" : "k".repeat((int) (key % 12)) + key;
                Integer n = i % 5 == 0 ? null : (int) (i % 3);
                // multiples of 1/4: every sum is exact, whatever order it is added in
                Double v = i % 13 == 0 ? null : (i % 200) * 0.25 - 20;
                batch.add(Arrays.asList(i, k, n, v, BigDecimal.valueOf(i % 1000 - 500, 2)));
            }
            session.executeBatch("INSERT INTO t VALUES (?, ?, ?, ?, ?)", batch, ExecuteOptions.NONE);
        }
    }

    @AfterAll
    static void close() {
        session.close();
        engine.close();
    }

    private static void assertSameOnOneAndManyThreads(String query) throws InterruptedException {
        List<List<Object>> one = rows(session, query + " SETTINGS max_threads=1");
        for (int threads : new int[] {2, 3, 8}) {
            assertEquals(one, rows(session, query + " SETTINGS max_threads=" + threads), threads + " threads: " + query);
        }
        assertTrue(String.join("\n", explain(query)).contains("split between"), "planned to split: " + query);
    }

    private static List<String> explain(String query) throws InterruptedException {
        List<String> lines = new ArrayList<>();
        for (List<Object> row : rows(session, "EXPLAIN " + query)) {
            lines.add((String) row.getFirst());
        }
        return lines;
    }

    @Test
    void groupsValuesAndOrderMatchOneThread() throws InterruptedException {
        assertSameOnOneAndManyThreads("SELECT k, n, count(), count(v), sum(v), sum(n), sum(d), avg(v), min(k), max(k),"
                + " min(v), max(d), min(i) FROM table(t) GROUP BY k, n");
        assertSameOnOneAndManyThreads("SELECT k, sum(i) FROM table(t) GROUP BY k");
        assertSameOnOneAndManyThreads("SELECT n, max(v) FROM table(t) GROUP BY n");
    }

    @Test
    void globalAggregatesMatchOneThread() throws InterruptedException {
        assertSameOnOneAndManyThreads("SELECT count(), count(k), sum(v), avg(v), min(k), max(k), sum(d) FROM table(t)");
        assertEquals(List.of(List.of((long) ENTRIES * ROWS_PER_ENTRY)), rows(session, "SELECT count() FROM table(t)"));
    }

    @Test
    void whereHavingOrderAndLimitAroundTheSplitMatchOneThread() throws InterruptedException {
        assertSameOnOneAndManyThreads("SELECT k, count() AS c, sum(v) FROM table(t) WHERE v > 0 AND i % 3 != 0"
                + " GROUP BY k HAVING c > 100 ORDER BY c DESC, k LIMIT 20");
        assertSameOnOneAndManyThreads("SELECT k, max(_tp_sn), min(_tp_sn) FROM table(t) GROUP BY k");
        assertSameOnOneAndManyThreads("SELECT k, count() FROM table(t) WHERE i < 0 GROUP BY k");
        assertSameOnOneAndManyThreads("SELECT count(), sum(v) FROM table(t) WHERE i < 0");
    }

    @Test
    void aggregatesThatDoNotMergeStayOnOneThread() throws InterruptedException {
        for (String query : List.of("SELECT k, any(v) FROM table(t) GROUP BY k",
                "SELECT k, count(DISTINCT n) FROM table(t) GROUP BY k", "SELECT uniq(k) FROM table(t)")) {
            assertTrue(explain(query).stream().noneMatch(line -> line.contains("split between")), query);
        }
        assertEquals(List.of(List.of(3L)), rows(session, "SELECT uniq(n) FROM table(t)"));
    }

    @Test
    void maxThreadsMustBePositive() {
        BrookException error = assertThrows(BrookException.class,
                () -> rows(session, "SELECT count() FROM table(t) SETTINGS max_threads=0"));
        assertEquals(ErrorCode.INVALID_SETTING_VALUE, error.code());
    }
}
