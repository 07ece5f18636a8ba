package io.brook.engine.operator.aggregation;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.Expression;
import io.brook.engine.expr.Literal;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.function.aggregate.AggregateCall;
import io.brook.engine.testing.CollectingSink;
import io.brook.engine.testing.TestSupport;
import io.brook.engine.testing.TestSupport.Schema;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.brook.engine.testing.TestSupport.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HashAggregationOperatorTest {
    private final FunctionRegistry registry = new FunctionRegistry();
    private TestSupport support = TestSupport.create();
    private final Schema schema = Schema.of(
            "k", TypeParser.parse("nullable(string)"),
            "i", TypeParser.parse("nullable(int32)"),
            "u", BrookType.UINT16,
            "f", BrookType.FLOAT64,
            "d", TypeParser.parse("decimal(10, 2)"),
            "t", BrookType.DATE);
    private final List<Object> filler = row("filler", 1000, 1000, 1000.0, new BigDecimal("1000.00"), LocalDate.parse("2100-01-01"));

    @AfterEach
    void close() {
        support.close();
    }

    private AggregateCall aggregate(String name, boolean distinct, String... columns) {
        List<Expression> arguments = Arrays.stream(columns).map(column -> (Expression) schema.column(column)).toList();
        return registry.aggregate(name, arguments, distinct);
    }

    private HashAggregationOperator operator(List<String> keys, List<AggregateCall> calls, EmitPolicy policy, CollectingSink sink) {
        List<Expression> keyExpressions = keys.stream().map(key -> (Expression) schema.column(key)).toList();
        return new HashAggregationOperator(keyExpressions, calls, policy, support.context(), sink);
    }

    /** Pushes each batch of rows, the odd ones as sparse (selected) chunks. */
    private void push(HashAggregationOperator operator, List<List<List<Object>>> batches) {
        for (int index = 0; index < batches.size(); index++) {
            try (Chunk chunk = index % 2 == 0 ? support.chunk(schema, batches.get(index))
                    : support.sparseChunk(schema, batches.get(index), filler)) {
                operator.push(chunk);
            }
        }
    }

    private final List<List<List<Object>>> batches = List.of(
            List.of(row("a", 1, 10, 1.5, new BigDecimal("1.10"), LocalDate.parse("2024-01-02")),
                    row("b", null, 20, 2.5, new BigDecimal("2.20"), LocalDate.parse("2024-01-01"))),
            List.of(row("a", 3, 30, -1.0, new BigDecimal("-0.30"), LocalDate.parse("2023-12-31")),
                    row(null, 4, 40, 0.0, new BigDecimal("0.00"), LocalDate.parse("2024-06-01")),
                    row("a", 1, 50, 0.5, new BigDecimal("5.00"), LocalDate.parse("2024-01-03"))),
            List.of(row(null, null, 60, 10.0, new BigDecimal("0.01"), LocalDate.parse("2024-01-01"))));

    @Test
    void globalAggregatesOverSeveralChunks() {
        CollectingSink sink = new CollectingSink();
        List<AggregateCall> calls = List.of(aggregate("count", false), aggregate("count", false, "i"), aggregate("sum", false, "i"),
                aggregate("sum", false, "u"), aggregate("sum", false, "f"), aggregate("sum", false, "d"), aggregate("avg", false, "i"),
                aggregate("min", false, "k"), aggregate("max", false, "t"), aggregate("any", false, "k"), aggregate("uniq", false, "k"),
                aggregate("count", true, "i"), aggregate("sum", true, "i"), aggregate("max", false, "f"), aggregate("min", false, "d"));
        try (HashAggregationOperator operator = operator(List.of(), calls, EmitPolicy.onFinish(), sink)) {
            push(operator, batches);
            operator.finish();
        }
        assertEquals(List.of(List.of(6L, 4L, 9L, 210L, 13.5, new BigDecimal("8.01"), 2.25, "a", LocalDate.parse("2024-06-01"),
                "a", 2L, 3L, 8L, 10.0, new BigDecimal("-0.30"))), sink.rows());
        assertTrue(sink.isFinished());
        assertTrue(sink.isClosed());
    }

    @Test
    void resultTypesFollowTheRules() {
        assertEquals("nullable(int64)", aggregate("sum", false, "i").type().toString());
        assertEquals(BrookType.UINT64, aggregate("sum", false, "u").type());
        assertEquals("decimal(38, 2)", aggregate("sum", false, "d").type().toString());
        assertEquals("nullable(float64)", aggregate("avg", false, "i").type().toString());
        assertEquals(BrookType.UINT64, aggregate("count", false).type());
        assertEquals(BrookType.DATE, aggregate("min", false, "t").type());
    }

    @Test
    void groupsByANullableStringKey() {
        CollectingSink sink = new CollectingSink();
        List<AggregateCall> calls = List.of(aggregate("count", false), aggregate("sum", false, "i"), aggregate("min", false, "t"),
                aggregate("count", true, "u"));
        try (HashAggregationOperator operator = operator(List.of("k"), calls, EmitPolicy.onFinish(), sink)) {
            push(operator, batches);
            operator.finish();
        }
        assertEquals(List.of(
                List.of("a", 3L, 5L, LocalDate.parse("2023-12-31"), 3L),
                Arrays.asList("b", 1L, null, LocalDate.parse("2024-01-01"), 1L),
                Arrays.asList(null, 2L, 4L, LocalDate.parse("2024-01-01"), 2L)), sink.rows());
    }

    @Test
    void groupsBySeveralKeys() {
        CollectingSink sink = new CollectingSink();
        try (HashAggregationOperator operator = operator(List.of("k", "i"), List.of(aggregate("sum", false, "u")), EmitPolicy.onFinish(), sink)) {
            push(operator, batches);
            operator.finish();
        }
        assertEquals(List.of(List.of("a", 1L, 60L), Arrays.asList("b", null, 20L), List.of("a", 3L, 30L),
                Arrays.asList(null, 4L, 40L), Arrays.asList(null, null, 60L)), sink.rows());
    }

    @Test
    void emptyBoundedInputGivesOneGlobalRowAndNoGroups() {
        CollectingSink global = new CollectingSink();
        try (HashAggregationOperator operator = operator(List.of(), List.of(aggregate("count", false), aggregate("sum", false, "u"),
                aggregate("sum", false, "i"), aggregate("min", false, "k")), EmitPolicy.onFinish(), global)) {
            operator.finish();
        }
        assertEquals(List.of(Arrays.asList(0L, 0L, null, null)), global.rows());
        CollectingSink grouped = new CollectingSink();
        try (HashAggregationOperator operator = operator(List.of("k"), List.of(aggregate("count", false)), EmitPolicy.onFinish(), grouped)) {
            operator.finish();
        }
        assertEquals(List.of(), grouped.rows());
    }

    @Test
    void periodicEmitOnlyAfterNewRowsUnlessRepeat() {
        CollectingSink sink = new CollectingSink();
        try (HashAggregationOperator operator = operator(List.of(), List.of(aggregate("count", false)), EmitPolicy.periodic(1000, false), sink)) {
            operator.tick(10_000);
            push(operator, batches.subList(0, 1));
            operator.tick(10_500);
            assertEquals(List.of(), sink.take(), "interval not yet elapsed");
            operator.tick(11_000);
            assertEquals(List.of(List.of(2L)), sink.take());
            operator.tick(12_000);
            assertEquals(List.of(), sink.take(), "no new rows, no repeat");
            push(operator, batches.subList(1, 2));
            operator.tick(13_100);
            assertEquals(List.of(List.of(5L)), sink.take(), "running result, not reset");
            assertEquals(5, sink.ticks());
        }
        CollectingSink repeating = new CollectingSink();
        try (HashAggregationOperator operator = operator(List.of(), List.of(aggregate("count", false)), EmitPolicy.periodic(1000, true), repeating)) {
            operator.tick(0);
            operator.tick(1000);
            operator.tick(2000);
            assertEquals(List.of(List.of(0L), List.of(0L)), repeating.take());
        }
    }

    @Test
    void onUpdateEmitsTheGroupsEachChunkChanged() {
        CollectingSink sink = new CollectingSink();
        try (HashAggregationOperator operator = operator(List.of("k"), List.of(aggregate("count", false)), EmitPolicy.onUpdate(), sink)) {
            push(operator, batches.subList(0, 1));
            assertEquals(List.of(List.of("a", 1L), List.of("b", 1L)), sink.take());
            push(operator, batches.subList(1, 2));
            assertEquals(List.of(List.of("a", 3L), Arrays.asList(null, 1L)), sink.take());
            operator.finish();
            assertEquals(List.of(), sink.take(), "nothing new at finish");
        }
    }

    @Test
    void streamingFinishFlushesUnemittedChanges() {
        CollectingSink sink = new CollectingSink();
        try (HashAggregationOperator operator = operator(List.of(), List.of(aggregate("count", false)), EmitPolicy.periodic(60_000, false), sink)) {
            push(operator, batches);
            operator.finish();
        }
        assertEquals(List.of(List.of(6L)), sink.rows());
    }

    @Test
    void outputIsSplitIntoBlocks() {
        support.close();
        support = TestSupport.withSettings(Map.of("max_block_size", "2"));
        CollectingSink sink = new CollectingSink();
        try (HashAggregationOperator operator = operator(List.of("u"), List.of(aggregate("count", false)), EmitPolicy.onFinish(), sink)) {
            push(operator, batches);
            operator.finish();
        }
        assertEquals(List.of(2, 2, 2), sink.chunkSizes());
    }

    @Test
    void checkpointRestoresTheSameRunningState() {
        List<AggregateCall> calls = List.of(aggregate("count", false), aggregate("sum", false, "i"), aggregate("sum", false, "f"),
                aggregate("sum", false, "d"), aggregate("avg", false, "u"), aggregate("min", false, "t"), aggregate("max", false, "k"),
                aggregate("any", false, "i"), aggregate("uniq", false, "u"), aggregate("count", true, "k"));
        CollectingSink straight = new CollectingSink();
        try (HashAggregationOperator operator = operator(List.of("k"), calls, EmitPolicy.onFinish(), straight)) {
            push(operator, batches);
            operator.finish();
        }
        byte[] checkpoint;
        try (HashAggregationOperator first = operator(List.of("k"), calls, EmitPolicy.onFinish(), new CollectingSink())) {
            push(first, batches.subList(0, 2));
            checkpoint = first.checkpoint();
        }
        CollectingSink resumed = new CollectingSink();
        try (HashAggregationOperator second = operator(List.of("k"), calls, EmitPolicy.onFinish(), resumed)) {
            second.restore(checkpoint);
            assertEquals(3, second.groupCount());
            push(second, batches.subList(2, 3));
            second.finish();
        }
        assertEquals(straight.rows(), resumed.rows());
    }

    @Test
    void globalCheckpointRoundTrip() {
        List<AggregateCall> calls = List.of(aggregate("count", false), aggregate("sum", false, "u"), aggregate("uniq", false, "k"));
        byte[] checkpoint;
        try (HashAggregationOperator first = operator(List.of(), calls, EmitPolicy.onFinish(), new CollectingSink())) {
            push(first, batches.subList(0, 2));
            checkpoint = first.checkpoint();
        }
        CollectingSink sink = new CollectingSink();
        try (HashAggregationOperator second = operator(List.of(), calls, EmitPolicy.onFinish(), sink)) {
            second.restore(checkpoint);
            push(second, batches.subList(1, 3));
            second.finish();
        }
        assertEquals(List.of(List.of(9L, 330L, 2L)), sink.rows());
        assertThrows(BrookException.class, () -> {
            try (HashAggregationOperator other = operator(List.of(), List.of(aggregate("avg", false, "u"),
                    aggregate("count", false), aggregate("count", false)), EmitPolicy.onFinish(), new CollectingSink())) {
                other.restore(checkpoint);
            }
        });
    }

    @Test
    void minAndMaxOfTimestampsAndStrings() {
        Schema events = Schema.of("at", BrookType.TP_TIME, "name", BrookType.STRING);
        CollectingSink sink = new CollectingSink();
        List<AggregateCall> calls = List.of(registry.aggregate("min", List.of(events.column("at")), false),
                registry.aggregate("max", List.of(events.column("name")), false),
                registry.aggregate("any_last", List.of(events.column("name")), false));
        try (HashAggregationOperator operator = new HashAggregationOperator(List.of(), calls, EmitPolicy.onFinish(), support.context(), sink);
             Chunk chunk = support.chunk(events, List.of(row(Instant.parse("2024-01-02T00:00:00.5Z"), "pear"),
                     row(Instant.parse("2024-01-01T00:00:00.25Z"), "zebra apple"), row(Instant.parse("2024-01-03T00:00:00Z"), "zebra")))) {
            operator.push(chunk);
            operator.finish();
        }
        assertEquals(List.of(List.of(Instant.parse("2024-01-01T00:00:00.25Z"), "zebra apple", "zebra")), sink.rows());
    }

    @Test
    void explainLine() {
        HashAggregationOperator.Factory factory = new HashAggregationOperator.Factory(List.of(schema.column("k")),
                List.of(aggregate("count", false), aggregate("sum", true, "i")), EmitPolicy.periodic(2000, false));
        assertEquals("Aggregate by (k) (count(), sum(DISTINCT i)), emit periodic 2000ms", factory.describe());
        Expression positive = registry.call("greater", schema.column("f"), Literal.of(0.0, BrookType.FLOAT64));
        HashAggregationOperator.Factory fused = new HashAggregationOperator.Factory(List.of(), positive,
                List.of(aggregate("sum", false, "f")), EmitPolicy.onFinish());
        assertEquals("Aggregate (sum(f)) where (f > 0.0), emit on finish", fused.describe());
        assertThrows(IllegalArgumentException.class, () -> new HashAggregationOperator.Factory(List.of(schema.column("k")),
                positive, List.of(aggregate("count", false)), EmitPolicy.onFinish()));
    }
}
