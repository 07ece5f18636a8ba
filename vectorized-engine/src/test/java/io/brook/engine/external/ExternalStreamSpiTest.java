package io.brook.engine.external;

import io.brook.engine.Engine;
import io.brook.engine.EngineConfig;
import io.brook.engine.QueryResult;
import io.brook.engine.Session;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExternalStreamSpiTest {

    private static long single(Session session, String sql) throws InterruptedException {
        try (QueryResult result = (QueryResult) session.execute(sql)) {
            long value = Long.MIN_VALUE;
            while (!result.isFinished()) {
                Chunk chunk = result.next(5_000_000_000L);
                if (chunk != null) {
                    try (chunk) {
                        value = ((Number) chunk.column(0).getObject(chunk.position(0))).longValue();
                    }
                }
            }
            return value;
        }
    }

    @Test
    void typesAreFoundThroughServiceLoaderAndShareEngineServices(@TempDir Path directory) throws Exception {
        int createdBefore = CountingStreamType.Tally.CREATED.get();
        int closedBefore = CountingStreamType.Tally.CLOSED.get();
        try (Engine engine = Engine.open(EngineConfig.file(directory)); Session session = engine.openSession(Map.of())) {
            session.execute("CREATE EXTERNAL STREAM numbers (n int64) SETTINGS type='counting', count=4");
            session.execute("CREATE EXTERNAL STREAM more (n int64) SETTINGS type='counter'");
            assertEquals(10, single(session, "SELECT sum(n) FROM numbers"));
            assertEquals(3, single(session, "SELECT count() FROM more WHERE n > 0"));
            session.execute("INSERT INTO numbers (n) VALUES (7), (8)");
            session.execute("INSERT INTO more SELECT n FROM table(numbers)");
            assertEquals(1, CountingStreamType.Tally.CREATED.get() - createdBefore, "one shared tally per engine");
        }
        assertEquals(1, CountingStreamType.Tally.CLOSED.get() - closedBefore, "closed with the engine");
        try (Engine engine = Engine.open(EngineConfig.file(directory)); Session session = engine.openSession(Map.of())) {
            assertEquals(10, single(session, "SELECT sum(n) FROM numbers"), "re-created from the catalog");
            session.execute("DROP STREAM numbers");
            BrookException gone = assertThrows(BrookException.class, () -> session.execute("SELECT n FROM numbers"));
            assertEquals(ErrorCode.UNKNOWN_STREAM, gone.code());
        }
    }

    @Test
    void aReadIsToldWhichVirtualColumnsTheQueryNeverNames() throws InterruptedException {
        try (Engine engine = Engine.open(EngineConfig.memory("spi-unread")); Session session = engine.openSession(Map.of())) {
            session.execute("CREATE EXTERNAL STREAM seq (n int64) SETTINGS type='counting', count=3, virtual='_seq'");
            assertEquals(6, single(session, "SELECT sum(n) FROM table(seq)"));
            assertEquals(java.util.Set.of("_seq"), CountingStreamType.lastRead.unreadColumns());
            assertEquals(false, CountingStreamType.lastRead.reads("_seq"));
            assertEquals(60, single(session, "SELECT sum(_seq) FROM table(seq)"));
            assertTrue(CountingStreamType.lastRead.reads("_seq"));
            assertEquals(3, single(session, "SELECT count() FROM (SELECT n, _seq AS s FROM table(seq)) WHERE s > 0"));
            assertTrue(CountingStreamType.lastRead.unreadColumns().isEmpty(), "a subquery's mention counts");
        }
    }

    @Test
    void writesAreOneCallPerChunk() throws InterruptedException {
        try (Engine engine = Engine.open(EngineConfig.memory("spi-writes")); Session session = engine.openSession(Map.of())) {
            session.execute("CREATE EXTERNAL STREAM sink (n int64) SETTINGS type='counting'");
            session.execute("INSERT INTO sink VALUES (1), (2)");
            assertEquals(2, CountingStreamType.Tally.last.rows.get());
            assertEquals(1, CountingStreamType.Tally.last.writeCalls.get(), "a two-row INSERT is one write");
            assertEquals(2L, single(session, "SELECT rows FROM system.counting"), "types attach system tables at open");
            BrookException unknown = assertThrows(BrookException.class,
                    () -> session.execute("CREATE EXTERNAL STREAM bad (n int64) SETTINGS type='counting', nope=1"));
            assertEquals(ErrorCode.UNKNOWN_SETTING, unknown.code());
            BrookException missing = assertThrows(BrookException.class,
                    () -> session.execute("CREATE EXTERNAL STREAM k (n int64) SETTINGS type='kafka'"));
            assertEquals(ErrorCode.NOT_IMPLEMENTED, missing.code());
            assertTrue(missing.getMessage().startsWith("External stream type 'kafka' is not available"));
        }
    }

    @Test
    void anInsertWhoseSinkFailsToOpenFreesItsRows() {
        try (Engine engine = Engine.open(EngineConfig.memory("spi-open-fails")); Session session = engine.openSession(Map.of())) {
            session.execute("CREATE EXTERNAL STREAM refusing (n int64) SETTINGS type='counting', fail_open=1");
            BrookException refused = assertThrows(BrookException.class,
                    () -> session.execute("INSERT INTO refusing VALUES (1), (2)"));
            assertEquals("counting sink refused to open", refused.text());
            // a leak shows as the query allocator's complaint, suppressed behind the error
            assertEquals(0, refused.getSuppressed().length, java.util.Arrays.toString(refused.getSuppressed()));
        }
    }
}
