package io.brook.engine;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.brook.engine.SessionFixture.rows;
import static io.brook.engine.SessionFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineTest {

    @Test
    void createInsertAndQueryBounded() throws Exception {
        try (Engine engine = Engine.open(EngineConfig.memory("basic")); Session session = engine.openSession(Map.of())) {
            run(session, "CREATE STREAM s (id int64, name string)");
            run(session, "INSERT INTO s VALUES (2, 'b'), (1, 'a')");
            assertEquals(List.of(List.of(1L, "a"), List.of(2L, "b")),
                    rows(session, "SELECT id, name FROM table(s) ORDER BY id"));
        }
    }

    @Test
    void reopeningADirectoryGivesBackStreamsAndRows(@TempDir Path directory) throws Exception {
        try (Engine engine = Engine.open(EngineConfig.file(directory)); Session session = engine.openSession(Map.of())) {
            run(session, "CREATE STREAM kept (v int32) SETTINGS logstore_retention_ms=86400000");
            run(session, "INSERT INTO kept VALUES (1), (2)");
        }
        try (Engine engine = Engine.open(EngineConfig.file(directory)); Session session = engine.openSession(Map.of())) {
            run(session, "INSERT INTO kept VALUES (3)");
            assertEquals(List.of(List.of(1, 0L), List.of(2, 1L), List.of(3, 2L)),
                    rows(session, "SELECT v, _tp_sn FROM table(kept) ORDER BY v"));
        }
    }

    @Test
    void streamingQuerySeesNewRowsAndEndsAtLimit() throws Exception {
        try (Engine engine = Engine.open(EngineConfig.memory("tail")); Session session = engine.openSession(Map.of())) {
            run(session, "CREATE STREAM s (v int64)");
            run(session, "INSERT INTO s VALUES (1)");
            try (QueryResult query = (QueryResult) session.execute("SELECT v FROM s LIMIT 2")) {
                assertTrue(query.isStreaming());
                CompletableFuture<List<List<Object>>> rows = CompletableFuture.supplyAsync(() -> {
                    try {
                        return SessionFixture.drain(query, 10_000);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                run(session, "INSERT INTO s VALUES (2)");
                run(session, "INSERT INTO s VALUES (3)");
                assertEquals(List.of(List.of(2L), List.of(3L)), rows.get(10, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void cancelEndsAWaitingStreamingQueryWithCode394() throws Exception {
        try (Engine engine = Engine.open(EngineConfig.memory("cancel")); Session session = engine.openSession(Map.of())) {
            run(session, "CREATE STREAM s (v int64)");
            try (QueryResult query = (QueryResult) session.execute("SELECT v FROM s")) {
                CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS).execute(query::cancel);
                long started = System.nanoTime();
                BrookException failure = assertThrows(BrookException.class, () -> SessionFixture.drain(query, 10_000));
                assertEquals(ErrorCode.QUERY_WAS_CANCELLED, failure.code());
                assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(2));
            }
        }
    }

    @Test
    void idleStreamingQueryUsesNoCpu() throws Exception {
        try (Engine engine = Engine.open(EngineConfig.memory("idle")); Session session = engine.openSession(Map.of())) {
            run(session, "CREATE STREAM s (v int64)");
            var threads = ManagementFactory.getThreadMXBean();
            long before = totalCpu(threads);
            try (QueryResult query = (QueryResult) session.execute("SELECT count() FROM s WHERE v > 0")) {
                Thread.sleep(1_500);
                assertTrue(query.next(0) == null);
            }
            long used = TimeUnit.NANOSECONDS.toMillis(totalCpu(threads) - before);
            // Two queries' worth of idle time would be 3,000 ms; waiting costs almost nothing.
            assertTrue(used < 300, "idle streaming query used " + used + " ms of CPU");
        }
    }

    private static long totalCpu(java.lang.management.ThreadMXBean threads) {
        long total = 0;
        for (long id : threads.getAllThreadIds()) {
            total += Math.max(0, threads.getThreadCpuTime(id));
        }
        return total;
    }

    @Test
    void queryMemoryLimitFailsTheQueryNotTheEngine() throws Exception {
        try (Engine engine = Engine.open(EngineConfig.memory("memory")); Session session = engine.openSession(Map.of())) {
            run(session, "CREATE STREAM s (k string, v int64)");
            StringBuilder insert = new StringBuilder("INSERT INTO s VALUES ");
            for (int i = 0; i < 20_000; i++) {
                insert.append(i == 0 ? "" : ",").append("('key-").append(i).append("', ").append(i).append(')');
            }
            run(session, insert.toString());
            BrookException failure = assertThrows(BrookException.class, () -> rows(session,
                    "SELECT k, count() FROM table(s) GROUP BY k SETTINGS max_memory_usage=200000"));
            assertEquals(ErrorCode.MEMORY_LIMIT_EXCEEDED, failure.code());
            assertEquals(List.of(List.of(20_000L)), rows(session, "SELECT count() FROM table(s)"));
        }
    }

    @Test
    void failedStatementChangesNothing() throws Exception {
        try (Engine engine = Engine.open(EngineConfig.memory("atomic")); Session session = engine.openSession(Map.of())) {
            run(session, "CREATE STREAM s (v int32)");
            assertThrows(BrookException.class, () -> run(session, "INSERT INTO s VALUES (1), ('x')"));
            assertThrows(BrookException.class, () -> run(session, "CREATE STREAM s2 (v nosuchtype)"));
            assertEquals(List.of(List.of(0L)), rows(session, "SELECT count() FROM table(s)"));
            assertEquals(List.of(List.of("s")), rows(session, "SHOW STREAMS"));
        }
    }

    @Test
    void batchInsertWritesOneEntryForAllRows() throws Exception {
        try (Engine engine = Engine.open(EngineConfig.memory("batch")); Session session = engine.openSession(Map.of())) {
            run(session, "CREATE STREAM s (id int64, name string, value float64)");
            List<List<?>> batch = List.of(List.of(1L, "a", 0.5), List.of(2L, "b", 1.5), List.of(3L, "c", 2.5));
            long[] counts = session.executeBatch("INSERT INTO s VALUES (?, ?, ?)", batch, ExecuteOptions.NONE);
            assertEquals(3, counts.length);
            assertEquals(List.of(List.of(3L, 4.5)), rows(session, "SELECT count(), sum(value) FROM table(s)"));
            // One entry: every row's _tp_sn comes from the same header, so they are contiguous from 0.
            assertEquals(List.of(List.of(0L), List.of(1L), List.of(2L)),
                    rows(session, "SELECT _tp_sn FROM table(s) ORDER BY _tp_sn"));
        }
    }

    @Test
    void parameterCountAndDescribe() {
        try (Engine engine = Engine.open(EngineConfig.memory("params")); Session session = engine.openSession(Map.of())) {
            run(session, "CREATE STREAM s (id int64, name string)");
            assertEquals(2, session.parameterCount("INSERT INTO s VALUES (?, ?)"));
            assertEquals(1, session.parameterCount("SELECT id FROM table(s) WHERE id > ?"));
            assertEquals(List.of("id", "n"), session.describe("SELECT id, name AS n FROM table(s)").stream()
                    .map(io.brook.engine.catalog.Column::name).toList());
        }
    }

    @Test
    void connectionQueryModeTableMakesQueriesBounded() throws Exception {
        try (Engine engine = Engine.open(EngineConfig.memory("mode"));
             Session session = engine.openSession(Map.of("query_mode", "table"))) {
            run(session, "CREATE STREAM s (v int64)");
            run(session, "INSERT INTO s VALUES (1), (2)");
            assertEquals(List.of(List.of(2L)), rows(session, "SELECT count() FROM s"));
        }
    }

    @Test
    void retentionDropsOldRowsFromQueries() throws Exception {
        try (Engine engine = Engine.open(EngineConfig.memory("retention")); Session session = engine.openSession(Map.of())) {
            run(session, "CREATE STREAM short_lived (v int64) SETTINGS logstore_retention_ms=1000");
            run(session, "CREATE STREAM kept (v int64)");
            run(session, "INSERT INTO short_lived (v, _tp_time) VALUES (1, now64() - 10s)");
            run(session, "INSERT INTO kept (v, _tp_time) VALUES (1, now64() - 10s)");
            long deadline = System.currentTimeMillis() + 10_000;
            while (!rows(session, "SELECT count() FROM table(short_lived)").equals(List.of(List.of(0L)))) {
                assertTrue(System.currentTimeMillis() < deadline, "retention never dropped the old row");
                Thread.sleep(100);
            }
            assertEquals(List.of(List.of(1L)), rows(session, "SELECT count() FROM table(kept)"));
            run(session, "INSERT INTO short_lived VALUES (2)");
            assertEquals(List.of(List.of(2L, 1L)), rows(session, "SELECT v, _tp_sn FROM table(short_lived)"));
        }
    }

    @Test
    void unknownSettingAndBadValueFailWithTheirCodes() {
        try (Engine engine = Engine.open(EngineConfig.memory("settings")); Session session = engine.openSession(Map.of())) {
            run(session, "CREATE STREAM s (v int64)");
            assertEquals(ErrorCode.UNKNOWN_SETTING, assertThrows(BrookException.class,
                    () -> run(session, "SELECT v FROM table(s) SETTINGS nope=1")).code());
            assertEquals(ErrorCode.INVALID_SETTING_VALUE, assertThrows(BrookException.class,
                    () -> run(session, "SELECT v FROM table(s) SETTINGS max_memory_usage=-5")).code());
            assertEquals(ErrorCode.UNKNOWN_SETTING, assertThrows(BrookException.class,
                    () -> run(session, "CREATE STREAM t (v int64) SETTINGS shards=3")).code());
            BrookException word = assertThrows(BrookException.class, () -> run(session, "SELECT v FROM s SETTINGS seek_to='yesterday'"));
            assertEquals(ErrorCode.INVALID_SETTING_VALUE, word.code());
            BrookException offsets = assertThrows(BrookException.class, () -> run(session, "SELECT v FROM s SETTINGS seek_to='3,4'"));
            assertEquals(ErrorCode.INVALID_SETTING_VALUE, offsets.code());
            assertEquals("Invalid value '3,4' for setting seek_to: a stream starts at 'earliest' or 'latest' "
                    + "(positions are for external streams)", offsets.text());
        }
    }

    @Test
    void arrayAndMapParameters() throws Exception {
        try (Engine engine = Engine.open(EngineConfig.memory("nested-params")); Session session = engine.openSession(Map.of())) {
            run(session, "CREATE STREAM s (tags array(string), counts map(string, int32))");
            session.execute("INSERT INTO s VALUES (?, ?)", List.of(List.of("a", "b"), Map.of("k", 3L)), ExecuteOptions.NONE);
            assertEquals(List.of(List.of(2L, 3)), rows(session, "SELECT length(tags), counts['k'] FROM table(s)"));
        }
    }

    @Test
    void aStreamingInsertSelectStopsOnCancelAndOnTimeout() throws Exception {
        try (Engine engine = Engine.open(EngineConfig.memory("insert-cancel")); Session session = engine.openSession(Map.of())) {
            run(session, "CREATE STREAM source (v int64)");
            run(session, "CREATE STREAM target (v int64)");
            CompletableFuture<Object> copying = CompletableFuture.supplyAsync(() -> {
                try {
                    return session.execute("INSERT INTO target SELECT v FROM source");
                } catch (BrookException e) {
                    return e;
                }
            });
            Thread.sleep(300);
            run(session, "INSERT INTO source VALUES (1), (2)");
            long deadline = System.currentTimeMillis() + 10_000;
            while (!rows(session, "SELECT count() FROM table(target)").equals(List.of(List.of(2L)))) {
                assertTrue(System.currentTimeMillis() < deadline, "the streaming copy never delivered");
                Thread.sleep(50);
            }
            session.cancelRunningStatements();
            Object outcome = copying.get(5, TimeUnit.SECONDS);
            assertTrue(outcome instanceof BrookException e && e.code() == ErrorCode.QUERY_WAS_CANCELLED, String.valueOf(outcome));

            BrookException timedOut = assertThrows(BrookException.class, () -> session.execute(
                    "INSERT INTO target SELECT v FROM source", List.of(), new ExecuteOptions(200, 0)));
            assertEquals(ErrorCode.QUERY_WAS_CANCELLED, timedOut.code());
            assertEquals(List.of(List.of(2L)), rows(session, "SELECT count() FROM table(target)"));
        }
    }
}
