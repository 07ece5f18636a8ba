package io.brook.jdbc.meta;

import io.brook.engine.catalog.Column;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.types.BrookType;
import io.brook.jdbc.testing.ChunkBuilder;
import io.brook.jdbc.testing.ScriptedQueryResult;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.calcite.avatica.Meta;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunningQueryTest {
    private static final List<Column> COLUMNS = List.of(Column.of("n", BrookType.INT64));
    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void everyChunkWasReleased() {
        allocator.close();
    }

    private Chunk chunk(long... values) {
        ChunkBuilder builder = ChunkBuilder.of(allocator, COLUMNS);
        for (long value : values) {
            builder.row(value);
        }
        return builder.build();
    }

    private static List<Object> values(Meta.Frame frame) {
        List<Object> values = new java.util.ArrayList<>();
        for (Object row : frame.rows) {
            values.add(((Object[]) row)[0]);
        }
        return values;
    }

    @Test
    void aStreamingQueryAnswersAtOnceWithWhatIsReadyEvenNothing() {
        ScriptedQueryResult result = new ScriptedQueryResult(COLUMNS, true);
        try (RunningQuery query = new RunningQuery(result, 0, 0)) {
            Meta.Frame first = assertTimeout(Duration.ofMillis(500), () -> query.firstFrame(100));
            assertFalse(first.done);
            assertEquals(List.of(), values(first));
        }
    }

    @Test
    void nextFrameWaitsForTheFirstRowThenTakesWhatIsReadyWithoutWaiting() {
        ScriptedQueryResult result = new ScriptedQueryResult(COLUMNS, true);
        try (RunningQuery query = new RunningQuery(result, 0, 0)) {
            query.firstFrame(100);
            result.pushLater(300, chunk(1, 2));
            long start = System.nanoTime();
            Meta.Frame frame = query.nextFrame(0, 100);
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(250));
            assertEquals(List.of(1L, 2L), values(frame));
            assertFalse(frame.done);

            result.push(chunk(3)).push(chunk(4, 5));
            assertEquals(List.of(3L, 4L, 5L), values(query.nextFrame(2, 100)));
        }
    }

    @Test
    void aFrameStopsAtItsSizeAndTheNextContinuesInTheSameChunk() {
        ScriptedQueryResult result = new ScriptedQueryResult(COLUMNS, false).push(chunk(1, 2, 3, 4, 5)).end();
        try (RunningQuery query = new RunningQuery(result, 0, 0)) {
            Meta.Frame first = query.firstFrame(2);
            assertEquals(List.of(1L, 2L), values(first));
            assertFalse(first.done);
            assertEquals(List.of(3L, 4L), values(query.nextFrame(2, 2)));
            Meta.Frame last = query.nextFrame(4, 2);
            assertEquals(List.of(5L), values(last));
            assertTrue(last.done);
            assertEquals(1, result.closeCount(), "the result is closed as soon as it ended");
        }
    }

    @Test
    void aBoundedQueryWaitsForItsFirstRowAndSkipsEmptyChunks() {
        ScriptedQueryResult result = new ScriptedQueryResult(COLUMNS, false).push(chunk()).pushLater(200, chunk(7));
        try (RunningQuery query = new RunningQuery(result, 0, 0)) {
            assertEquals(List.of(7L), values(query.firstFrame(10)));
            result.end();
            Meta.Frame end = query.nextFrame(1, 10);
            assertTrue(end.done);
            assertEquals(List.of(), values(end));
        }
    }

    @Test
    void cancelFromAnotherThreadEndsAWaitingFetchWithCode394() {
        ScriptedQueryResult result = new ScriptedQueryResult(COLUMNS, true);
        try (RunningQuery query = new RunningQuery(result, 0, 0)) {
            CompletableFuture.runAsync(() -> sleep(200)).thenRun(query::cancel);
            BrookException failure = assertTimeout(Duration.ofSeconds(1),
                    () -> assertThrows(BrookException.class, () -> query.nextFrame(0, 10)));
            assertEquals(ErrorCode.QUERY_WAS_CANCELLED, failure.code());
            assertTrue(result.wasCancelled());
            assertEquals(1, result.closeCount());
            assertEquals(ErrorCode.QUERY_WAS_CANCELLED,
                    assertThrows(BrookException.class, () -> query.nextFrame(0, 10)).code(), "a failure stays");
        }
    }

    @Test
    void theTimeoutEndsAWaitingFetchWithCode394AndSaysWhy() {
        ScriptedQueryResult result = new ScriptedQueryResult(COLUMNS, true);
        try (RunningQuery query = new RunningQuery(result, 0, 300)) {
            long start = System.nanoTime();
            BrookException failure = assertTimeout(Duration.ofSeconds(1),
                    () -> assertThrows(BrookException.class, () -> query.nextFrame(0, 10)));
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(290));
            assertEquals(ErrorCode.QUERY_WAS_CANCELLED, failure.code());
            assertEquals("Query was cancelled: it ran longer than its timeout of 300 ms (QUERY_WAS_CANCELLED)",
                    failure.getMessage());
            assertTrue(result.wasCancelled());
        }
    }

    @Test
    void theRowCapEndsTheResultAndStopsTheQuery() {
        ScriptedQueryResult result = new ScriptedQueryResult(COLUMNS, true).push(chunk(1, 2)).push(chunk(3, 4, 5))
                .push(chunk(6));
        try (RunningQuery query = new RunningQuery(result, 3, 0)) {
            Meta.Frame frame = query.nextFrame(0, 100);
            assertEquals(List.of(1L, 2L, 3L), values(frame));
            assertTrue(frame.done);
            assertEquals(1, result.closeCount());
        }
    }

    @Test
    void anEngineFailureKeepsItsCodeAndEveryLaterFetchRepeatsIt() {
        BrookException unknown = new BrookException(ErrorCode.UNKNOWN_STREAM, "Stream s doesn't exist");
        ScriptedQueryResult result = new ScriptedQueryResult(COLUMNS, true).push(chunk(1)).fail(unknown);
        try (RunningQuery query = new RunningQuery(result, 0, 0)) {
            assertEquals(List.of(1L), values(query.nextFrame(0, 10)));
            assertEquals(unknown, assertThrows(BrookException.class, () -> query.nextFrame(1, 10)));
            assertEquals(unknown, assertThrows(BrookException.class, () -> query.nextFrame(1, 10)));
        }
    }

    @Test
    void closeFromAnotherThreadWakesTheConsumerAndFreesWhatIsLeft() {
        ScriptedQueryResult result = new ScriptedQueryResult(COLUMNS, true);
        RunningQuery query = new RunningQuery(result, 0, 0);
        result.push(chunk(1, 2, 3));
        assertEquals(List.of(1L), values(query.nextFrame(0, 1)));
        CompletableFuture.runAsync(() -> sleep(100)).thenRun(query::close);
        assertEquals(List.of(2L, 3L), values(query.nextFrame(1, 10)));
        BrookException failure = assertTimeout(Duration.ofSeconds(1),
                () -> assertThrows(BrookException.class, () -> query.nextFrame(3, 10)));
        assertEquals(ErrorCode.QUERY_WAS_CANCELLED, failure.code());
        query.close();
        assertEquals(1, result.closeCount());
    }

    @Test
    void aBoundedWaitAnswersWithAnEmptyFrameThatIsNotTheLast() {
        ScriptedQueryResult result = new ScriptedQueryResult(COLUMNS, true);
        try (RunningQuery query = new RunningQuery(result, 0, 0)) {
            long start = System.nanoTime();
            Meta.Frame quiet = query.nextFrame(0, 10, TimeUnit.MILLISECONDS.toNanos(200));
            long waited = System.nanoTime() - start;
            assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(190) && waited < TimeUnit.SECONDS.toNanos(1));
            assertFalse(quiet.done);
            assertEquals(List.of(), values(quiet));
            result.push(chunk(1));
            assertEquals(List.of(1L), values(query.nextFrame(0, 10, TimeUnit.MILLISECONDS.toNanos(200))));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
