package io.brook.engine.operator.window;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.Expression;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.function.aggregate.AggregateCall;
import io.brook.engine.operator.Operator;
import io.brook.engine.testing.CollectingSink;
import io.brook.engine.testing.TestSupport;
import io.brook.engine.testing.TestSupport.Schema;
import io.brook.engine.types.BrookType;
import io.brook.engine.window.TimeAxis;
import io.brook.engine.window.WindowEmit;
import io.brook.engine.window.WindowKind;
import io.brook.engine.window.WindowSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static io.brook.engine.testing.TestSupport.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The windowed aggregations on their own: the same rows give the same windows and the same late
 * rows whether they come in one chunk or one per chunk (SPEC 1.8), and the watermark rules.
 */
class WindowOperatorTest {
    private static final BrookType TIME = BrookType.datetime64(3, "UTC");
    private final FunctionRegistry registry = new FunctionRegistry();
    private final Schema schema = Schema.of("k", BrookType.STRING, "v", BrookType.INT64, "t", TIME);
    private final TestSupport support = TestSupport.create();

    @AfterEach
    void close() {
        support.close();
    }

    private WindowSpec spec(WindowKind kind, long size, long slide, long maxLength) {
        return new WindowSpec(kind, schema.column("t"), TimeAxis.of(TIME, "test"), size, slide, maxLength, 3);
    }

    /** GROUP BY window_start, window_end, k with count() and sum(v). */
    private Operator operator(WindowSpec spec, WindowEmit emit, CollectingSink sink) {
        List<Expression> keys = List.of(new io.brook.engine.expr.ColumnReference(3, "window_start", TIME),
                new io.brook.engine.expr.ColumnReference(4, "window_end", TIME), schema.column("k"));
        List<AggregateCall> calls = List.of(registry.aggregate("count", List.of(), false),
                registry.aggregate("sum", List.of(schema.column("v")), false));
        return spec.kind() == WindowKind.SESSION
                ? new SessionAggregationOperator(spec, keys, calls, emit, support.context(), sink)
                : new WindowAggregationOperator(spec, keys, calls, emit, support.context(), sink);
    }

    /** Rows over 60 s on 5 keys, arriving up to 4 s out of order, with a few far-too-late ones. */
    private static List<List<Object>> disorderedRows(long seed) {
        Random random = new Random(seed);
        List<List<Object>> rows = new ArrayList<>();
        for (int index = 0; index < 400; index++) {
            long millis = index * 150L - random.nextInt(4_000);
            if (random.nextInt(40) == 0) {
                millis -= 20_000;
            }
            rows.add(row("k" + random.nextInt(5), (long) index, Instant.ofEpochMilli(1_000_000 + Math.max(0, millis))));
        }
        return rows;
    }

    private record Run(List<List<Object>> results, long lateRows) {
    }

    private Run run(WindowSpec spec, WindowEmit emit, List<List<Object>> rows, int chunkRows) {
        CollectingSink sink = new CollectingSink();
        long lateBefore = support.context().lateRows();
        try (Operator operator = operator(spec, emit, sink)) {
            for (int from = 0; from < rows.size(); from += chunkRows) {
                try (Chunk chunk = support.chunk(schema, rows.subList(from, Math.min(rows.size(), from + chunkRows)))) {
                    operator.push(chunk);
                }
            }
            operator.finish();
        }
        return new Run(new ArrayList<>(sink.rows()), support.context().lateRows() - lateBefore);
    }

    @Test
    void oneChunkOrOneRowPerChunkGiveTheSameWindowsAndLateRows() {
        WindowEmit afterClose = new WindowEmit(WindowEmit.Mode.AFTER_CLOSE, 0, 0, 0);
        WindowEmit delayed = new WindowEmit(WindowEmit.Mode.AFTER_CLOSE, 3_000, 0, 0);
        List<WindowSpec> specs = List.of(spec(WindowKind.TUMBLE, 5_000, 5_000, 0), spec(WindowKind.HOP, 6_000, 2_000, 0),
                spec(WindowKind.SESSION, 700, 0, 3_000));
        for (long seed = 1; seed <= 3; seed++) {
            List<List<Object>> rows = disorderedRows(seed);
            for (WindowSpec spec : specs) {
                for (WindowEmit emit : List.of(afterClose, delayed)) {
                    Run batch = run(spec, emit, rows, rows.size());
                    Run single = run(spec, emit, rows, 1);
                    Run sevens = run(spec, emit, rows, 7);
                    String what = spec.describe() + " " + emit.describe(spec.axis()) + " seed " + seed;
                    assertEquals(sorted(batch.results()), sorted(single.results()), what);
                    assertEquals(sorted(batch.results()), sorted(sevens.results()), what);
                    assertEquals(batch.lateRows(), single.lateRows(), what);
                    assertEquals(batch.lateRows(), sevens.lateRows(), what);
                    assertFalse(batch.results().isEmpty(), what);
                    long counted = batch.results().stream().mapToLong(result -> (Long) result.get(3)).sum();
                    long windowsPerRow = spec.windowsPerRow();
                    assertTrue(counted <= (rows.size() - batch.lateRows()) * windowsPerRow, what);
                    if (emit == afterClose) {
                        assertTrue(batch.lateRows() > 0, "rows arrive out of order, so some are late: " + what);
                    }
                }
            }
        }
    }

    @Test
    void aRestoredCheckpointContinuesAsIfNothingHappened() {
        WindowEmit emit = new WindowEmit(WindowEmit.Mode.AFTER_CLOSE, 2_000, 0, 0);
        List<List<Object>> rows = disorderedRows(7);
        for (WindowSpec spec : List.of(spec(WindowKind.TUMBLE, 5_000, 5_000, 0), spec(WindowKind.HOP, 6_000, 2_000, 0),
                spec(WindowKind.SESSION, 700, 0, 3_000))) {
            Run whole = run(spec, emit, rows, 50);
            CollectingSink first = new CollectingSink();
            byte[] checkpoint;
            try (Operator operator = operator(spec, emit, first)) {
                try (Chunk chunk = support.chunk(schema, rows.subList(0, 200))) {
                    operator.push(chunk);
                }
                checkpoint = ((io.brook.engine.operator.Checkpointable) operator).checkpoint();
            }
            CollectingSink second = new CollectingSink();
            try (Operator operator = operator(spec, emit, second)) {
                ((io.brook.engine.operator.Checkpointable) operator).restore(checkpoint);
                try (Chunk chunk = support.chunk(schema, rows.subList(200, rows.size()))) {
                    operator.push(chunk);
                }
                operator.finish();
            }
            List<List<Object>> resumed = new ArrayList<>(first.rows());
            resumed.addAll(second.rows());
            assertEquals(sorted(whole.results()), sorted(resumed), spec.describe());
        }
    }

    @Test
    void aTumbleWindowClosesWhenARowReachesItsEndAndLaterRowsForItAreLate() {
        CollectingSink sink = new CollectingSink();
        try (Operator operator = operator(spec(WindowKind.TUMBLE, 5_000, 5_000, 0),
                new WindowEmit(WindowEmit.Mode.AFTER_CLOSE, 0, 0, 0), sink)) {
            push(operator, row("a", 1L, at(1_000)), row("a", 2L, at(4_999)));
            assertEquals(List.of(), sink.rows(), "the window [0, 5s) is still open");
            push(operator, row("a", 4L, at(5_000)));
            assertEquals(List.of(List.of(at(0), at(5_000), "a", 2L, 3L)), sink.rows(),
                    "a row at exactly 5 s belongs to the next window and closes [0, 5s)");
            push(operator, row("a", 8L, at(3_000)));
            assertEquals(1, support.context().lateRows());
            operator.finish();
            assertEquals(List.of(at(5_000), at(10_000), "a", 1L, 4L), sink.rows().get(1));
        }
    }

    @Test
    void withDelayAWindowWaitsAndTakesRowsUpToTheDelay() {
        CollectingSink sink = new CollectingSink();
        try (Operator operator = operator(spec(WindowKind.TUMBLE, 5_000, 5_000, 0),
                new WindowEmit(WindowEmit.Mode.AFTER_CLOSE, 2_000, 0, 0), sink)) {
            push(operator, row("a", 1L, at(1_000)), row("a", 2L, at(6_000)));
            push(operator, row("a", 4L, at(4_000)));
            assertEquals(List.of(), sink.rows(), "the watermark is 4 s: [0, 5s) still open");
            push(operator, row("a", 8L, at(7_000)));
            assertEquals(List.of(List.of(at(0), at(5_000), "a", 2L, 5L)), sink.rows());
            assertEquals(0, support.context().lateRows());
        }
    }

    @Test
    void aSessionEndsAfterTheIdleGapOrTheMaxLength() {
        CollectingSink sink = new CollectingSink();
        try (Operator operator = operator(spec(WindowKind.SESSION, 1_000, 0, 3_000),
                new WindowEmit(WindowEmit.Mode.AFTER_CLOSE, 0, 0, 0), sink)) {
            push(operator, row("a", 1L, at(0)), row("b", 10L, at(100)), row("a", 2L, at(900)), row("a", 3L, at(1_800)));
            assertEquals(List.of(List.of(at(100), at(1_100), "b", 1L, 10L)), sink.rows(),
                    "b idles from 100 ms: its session ends at 1.1 s, which the row at 1.8 s passed");
            push(operator, row("a", 4L, at(2_700)), row("a", 5L, at(3_100)));
            assertEquals(List.of(at(0), at(3_000), "a", 4L, 10L), sink.rows().get(1),
                    "a's session reached its max length of 3 s; the row at 3.1 s starts another");
            operator.finish();
            assertEquals(List.of(at(3_100), at(4_100), "a", 1L, 5L), sink.rows().get(2));
        }
    }

    private void push(Operator operator, List<Object>... rows) {
        try (Chunk chunk = support.chunk(schema, List.of(rows))) {
            operator.push(chunk);
        }
    }

    private static Instant at(long millis) {
        return Instant.ofEpochMilli(millis);
    }

    private static List<String> sorted(List<List<Object>> rows) {
        return rows.stream().map(Object::toString).sorted(Comparator.naturalOrder()).toList();
    }
}
