package io.brook.engine.stream;

import io.brook.engine.catalog.Column;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.ColumnReference;
import io.brook.engine.expr.Expression;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.function.aggregate.AggregateCall;
import io.brook.engine.operator.Operator;
import io.brook.engine.operator.OperatorFactory;
import io.brook.engine.operator.aggregation.EmitPolicy;
import io.brook.engine.operator.aggregation.HashAggregationOperator;
import io.brook.engine.testing.CollectingSink;
import io.brook.engine.testing.TestSupport;
import io.brook.engine.testing.TestSupport.Schema;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeParser;
import io.brook.storage.log.LogSettings;
import io.brook.storage.log.LogStart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongUnaryOperator;

import static io.brook.engine.testing.TestSupport.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParallelAggregationSourceTest {
    private static final int ENTRIES = 7;
    private static final int ROWS_PER_ENTRY = 1_000;
    private static final Schema STORED = Schema.of("k", TypeParser.parse("nullable(string)"),
            "n", TypeParser.parse("nullable(int64)"), "v", BrookType.FLOAT64, "_tp_time", BrookType.TP_TIME);

    private final FunctionRegistry registry = new FunctionRegistry();
    private TestSupport support = TestSupport.create();
    private StreamTable table;

    @TempDir
    Path directory;

    @AfterEach
    void close() {
        if (table != null) {
            table.close();
        }
        support.close();
    }

    /**
     * Seven entries; keys of 5 to 14 bytes, some NULL, new ones appearing in later entries; values
     * exact in binary so any order sums alike.
     */
    private void fill(int distinctKeys) {
        fill(i -> (i * 7919) % Math.min(distinctKeys, 50 + i / 10));
    }

    private void fill(LongUnaryOperator keyOfRow) {
        List<Column> declared = List.of(Column.of("k", STORED.types().get(0)), Column.of("n", STORED.types().get(1)),
                Column.of("v", BrookType.FLOAT64));
        StreamSchema schema = new StreamSchema(declared);
        table = new StreamTable("s", schema, Map.of(),
                new StreamStore(directory).create("s", schema.arrowSchema(), LogSettings.DEFAULT));
        for (int entry = 0; entry < ENTRIES; entry++) {
            List<List<Object>> rows = new ArrayList<>();
            for (int index = 0; index < ROWS_PER_ENTRY; index++) {
                long i = (long) entry * ROWS_PER_ENTRY + index;
                long key = keyOfRow.applyAsLong(i);
                String k = key % 11 == 0 ? null : "key-" + "x".repeat((int) (key % 5)) + key;
                rows.add(row(k, i % 13 == 0 ? null : key % 3, (i % 100) * 0.25, Instant.ofEpochMilli(1_700_000_000_000L + i)));
            }
            try (Chunk chunk = support.chunk(STORED, rows)) {
                table.append(chunk);
            }
        }
    }

    private List<Expression> keys() {
        return List.of(STORED.column("k"), STORED.column("n"));
    }

    private List<AggregateCall> calls() {
        ColumnReference k = STORED.column("k");
        ColumnReference n = STORED.column("n");
        ColumnReference v = STORED.column("v");
        return List.of(registry.aggregate("count", List.of(), false), registry.aggregate("count", List.of(n), false),
                registry.aggregate("sum", List.of(v), false), registry.aggregate("sum", List.of(n), false),
                registry.aggregate("avg", List.of(v), false), registry.aggregate("min", List.of(k), false),
                registry.aggregate("max", List.of(v), false), registry.aggregate("min", List.of(n), false));
    }

    /** One thread, the way a query over the log runs without splitting. */
    private List<List<Object>> serial(List<Expression> keys) throws InterruptedException {
        CollectingSink sink = new CollectingSink();
        try (LogChunkSource scan = new LogChunkSource(table, LogStart.earliest(), true, false, support.context());
             Operator aggregation = new HashAggregationOperator(keys, calls(), EmitPolicy.onFinish(), support.context(), sink)) {
            while (true) {
                try (Chunk chunk = scan.next(0)) {
                    if (chunk == null) {
                        break;
                    }
                    aggregation.push(chunk);
                }
            }
            aggregation.finish();
        }
        return sink.rows();
    }

    private List<List<Object>> drain(ParallelAggregationSource source) {
        List<List<Object>> rows = new ArrayList<>();
        while (true) {
            try (Chunk chunk = source.next(0)) {
                if (chunk == null) {
                    break;
                }
                CollectingSink sink = new CollectingSink();
                sink.push(chunk);
                rows.addAll(sink.rows());
            }
        }
        assertTrue(source.isFinished());
        return rows;
    }

    private ParallelAggregationSource source(List<OperatorFactory> steps, List<Expression> keys, int threads) {
        return new ParallelAggregationSource(table, LogStart.earliest(), false, steps, keys, calls(), threads, support.context());
    }

    @Test
    void everyThreadCountGivesTheOneThreadResultRowForRow() throws InterruptedException {
        fill(400);
        for (List<Expression> keys : List.of(keys(), List.<Expression>of())) {
            List<List<Object>> expected = serial(keys);
            assertTrue(keys.isEmpty() ? expected.size() == 1 : expected.size() > 400, "groups: " + expected.size());
            for (int threads = 1; threads <= 4; threads++) {
                try (ParallelAggregationSource source = source(List.of(), keys, threads)) {
                    assertEquals(threads, source.threadCount());
                    assertEquals(expected, drain(source), threads + " threads, keys " + keys);
                }
            }
        }
        assertEquals(0, support.context().allocator().getAllocatedMemory(), "everything freed");
    }

    @Test
    void theThreadsShareTheEntries() throws InterruptedException {
        fill(100);
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch bothArrived = new CountDownLatch(2);
        // each thread holds its first entry until the other has one too, so both must take part
        OperatorFactory meet = step(chunk -> {
            if (seen.add(Thread.currentThread())) {
                bothArrived.countDown();
            }
            await(bothArrived);
        });
        try (ParallelAggregationSource source = source(List.of(meet), keys(), 2)) {
            assertEquals(serial(keys()), drain(source));
        }
        assertEquals(2, seen.size());
    }

    @Test
    void aFailingThreadFailsTheScanAndStopsTheOthers() {
        fill(100);
        IllegalStateException boom = new IllegalStateException("boom");
        OperatorFactory failOnThird = new OperatorFactory() {
            private final java.util.concurrent.atomic.AtomicInteger chunks = new java.util.concurrent.atomic.AtomicInteger();

            @Override
            public Operator create(io.brook.engine.query.QueryContext context, Operator downstream) {
                return new PassingStep(downstream, chunk -> {
                    if (chunks.incrementAndGet() == 3) {
                        throw boom;
                    }
                });
            }

            @Override
            public String describe() {
                return "fail on the third chunk";
            }
        };
        try (ParallelAggregationSource source = source(List.of(failOnThird), keys(), 3)) {
            assertEquals(boom, assertThrows(IllegalStateException.class, () -> source.next(0)));
            assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(thread -> thread.getName().contains("-scan-")),
                    "every helper thread has ended");
        }
        assertEquals(0, support.context().allocator().getAllocatedMemory(), "everything freed");
    }

    @Test
    void cancellingStopsEveryThread() {
        fill(100);
        CountDownLatch started = new CountDownLatch(1);
        OperatorFactory slow = step(chunk -> {
            started.countDown();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (ParallelAggregationSource source = source(List.of(slow), keys(), 3)) {
            Thread.ofPlatform().start(() -> {
                await(started);
                support.context().cancel();
            });
            BrookException error = assertThrows(BrookException.class, () -> source.next(0));
            assertEquals(ErrorCode.QUERY_WAS_CANCELLED, error.code());
            assertFalse(source.isFinished());
        }
        Thread.interrupted();
        assertEquals(0, support.context().allocator().getAllocatedMemory(), "everything freed");
    }

    @Test
    void runningOutOfQueryMemoryOnAnyThreadIsTheMemoryLimitError() {
        support.close();
        support = TestSupport.withMemoryLimit(512L << 10);
        fill(i -> i); // a group per row: no thread's share fits

        try (ParallelAggregationSource source = source(List.of(), keys(), 2)) {
            BrookException error = assertThrows(BrookException.class, () -> drain(source));
            assertEquals(ErrorCode.MEMORY_LIMIT_EXCEEDED, error.code());
        }
        assertEquals(0, support.context().allocator().getAllocatedMemory(), "everything freed");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS), "the other thread never came");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A step that runs {@code action} on each chunk, then passes it on. */
    private static OperatorFactory step(Consumer<Chunk> action) {
        return new OperatorFactory() {
            @Override
            public Operator create(io.brook.engine.query.QueryContext context, Operator downstream) {
                return new PassingStep(downstream, action);
            }

            @Override
            public String describe() {
                return "test step";
            }
        };
    }

    private record PassingStep(Operator downstream, Consumer<Chunk> action) implements Operator {
        @Override
        public void push(Chunk chunk) {
            action.accept(chunk);
            downstream.push(chunk);
        }

        @Override
        public void finish() {
            downstream.finish();
        }

        @Override
        public void close() {
            downstream.close();
        }
    }
}
