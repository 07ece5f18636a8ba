package io.brook.engine.operator;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.Expression;
import io.brook.engine.expr.Literal;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.operator.aggregation.EmitPolicy;
import io.brook.engine.operator.aggregation.HashAggregationOperator;
import io.brook.engine.testing.CollectingSink;
import io.brook.engine.testing.TestSupport;
import io.brook.engine.testing.TestSupport.Schema;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.brook.engine.testing.TestSupport.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperatorsTest {
    private final FunctionRegistry registry = new FunctionRegistry();
    private final TestSupport support = TestSupport.create();
    private final Schema schema = Schema.of("id", BrookType.INT64, "name", TypeParser.parse("nullable(string)"), "value", BrookType.FLOAT64);
    private final List<List<Object>> first = List.of(row(1L, "a", 1.5), row(2L, null, -2.0), row(3L, "c", 10.0));
    private final List<List<Object>> second = List.of(row(4L, "d", 7.0), row(5L, "e", 0.5));

    @AfterEach
    void close() {
        support.close();
    }

    private Expression call(String name, Expression... arguments) {
        return registry.call(name, List.of(arguments));
    }

    private void run(Operator operator, List<List<List<Object>>> batches) {
        for (List<List<Object>> batch : batches) {
            try (Chunk chunk = support.chunk(schema, batch)) {
                operator.push(chunk);
            }
        }
        operator.finish();
        operator.close();
    }

    @Test
    void filterSelectsWithoutCopyingAndDropsEmptyChunks() {
        CollectingSink sink = new CollectingSink();
        Expression predicate = call("greater", schema.column("value"), Literal.of(1, BrookType.INT32));
        run(new FilterOperator.Factory(predicate).create(support.context(), sink), List.of(first, List.of(row(9L, "x", 0.0)), second));
        assertEquals(List.of(row(1L, "a", 1.5), row(3L, "c", 10.0), row(4L, "d", 7.0)), sink.rows());
        assertEquals(List.of(2, 1), sink.chunkSizes());
        assertTrue(sink.isFinished());
        assertTrue(sink.isClosed());
        assertEquals("Filter (value > 1)", new FilterOperator.Factory(predicate).describe());
    }

    @Test
    void filterPassesTheSameChunkWhenEveryRowMatches() {
        CollectingSink capture = new CollectingSink();
        try (Chunk chunk = support.chunk(schema, first)) {
            new FilterOperator(Literal.of(true, BrookType.BOOL), support.context(), capture).push(chunk);
            assertSame(chunk, capture.lastChunk());
        }
    }

    @Test
    void projectReusesInputColumnsAndKeepsTheSelection() {
        List<Expression> expressions = List.of(schema.column("name"), call("multiply", schema.column("value"), Literal.of(2, BrookType.INT32)),
                Literal.of("k", BrookType.STRING));
        CollectingSink sink = new CollectingSink();
        try (Chunk chunk = support.sparseChunk(schema, first, row(0L, "f", 0.0))) {
            Operator project = new ProjectOperator.Factory(expressions).create(support.context(), sink);
            project.push(chunk);
            assertSame(chunk.column(1), sink.lastColumn(0), "pass-through column is the same vector");
            project.close();
        }
        assertEquals(List.of(row("a", 3.0, "k"), row(null, -4.0, "k"), row("c", 20.0, "k")), sink.rows());
    }

    @Test
    void limitSlicesAndAsksToStop() {
        CollectingSink sink = new CollectingSink();
        Operator limit = new LimitOperator.Factory(1, 3).create(support.context(), sink);
        try (Chunk chunk = support.chunk(schema, first)) {
            limit.push(chunk);
        }
        assertFalse(support.context().isStopRequested());
        try (Chunk chunk = support.chunk(schema, second)) {
            limit.push(chunk);
        }
        assertTrue(support.context().isStopRequested());
        try (Chunk chunk = support.chunk(schema, second)) {
            limit.push(chunk);
        }
        limit.finish();
        limit.close();
        assertEquals(List.of(2L, 3L, 4L), sink.rows().stream().map(values -> values.getFirst()).toList());
        assertEquals(List.of(2, 1), sink.chunkSizes());
        assertEquals("Limit 3 offset 1", new LimitOperator.Factory(1, 3).describe());
    }

    @Test
    void distinctPassesFirstOccurrences() {
        CollectingSink sink = new CollectingSink();
        Schema pairs = Schema.of("a", TypeParser.parse("nullable(string)"), "b", BrookType.INT32);
        Operator distinct = new DistinctOperator.Factory().create(support.context(), sink);
        try (Chunk chunk = support.chunk(pairs, List.of(row("x", 1), row("x", 1), row(null, 1), row("x", 2)));
             Chunk more = support.sparseChunk(pairs, List.of(row(null, 1), row("y", 1)), row("x", 1))) {
            distinct.push(chunk);
            distinct.push(more);
        }
        distinct.finish();
        distinct.close();
        assertEquals(List.of(row("x", 1L), row(null, 1L), row("x", 2L), row("y", 1L)), sink.rows());
    }

    @Test
    void pipelineChainsAndExplains() {
        Expression predicate = call("less", schema.column("id"), Literal.of(5, BrookType.INT32));
        Pipeline pipeline = new Pipeline(List.of(
                new FilterOperator.Factory(predicate),
                new HashAggregationOperator.Factory(List.of(), List.of(registry.aggregate("sum", List.of(schema.column("value")), false),
                        registry.aggregate("count", List.of(schema.column("name")), false)), EmitPolicy.onFinish()),
                new LimitOperator.Factory(0, 10)));
        assertEquals(List.of("Filter (id < 5)", "Aggregate (sum(value), count(name)), emit on finish", "Limit 10"), pipeline.explain());
        CollectingSink sink = new CollectingSink();
        run(pipeline.instantiate(support.context(), sink), List.of(first, second));
        assertEquals(List.of(row(16.5, 3L)), sink.rows());
        assertTrue(sink.isClosed());
    }

    @Test
    void filterThenSumOfFloat64() {
        Schema values = Schema.of("value", BrookType.FLOAT64);
        CollectingSink sink = new CollectingSink();
        Pipeline pipeline = new Pipeline(List.of(
                new FilterOperator.Factory(call("greater", values.column("value"), Literal.of(0.5, BrookType.FLOAT64))),
                new HashAggregationOperator.Factory(List.of(), List.of(registry.aggregate("sum", List.of(values.column("value")), false)),
                        EmitPolicy.onFinish())));
        Operator operator = pipeline.instantiate(support.context(), sink);
        double expected = 0;
        for (int batch = 0; batch < 4; batch++) {
            List<List<Object>> rows = new java.util.ArrayList<>();
            for (int index = 0; index < 10_003; index++) {
                double value = ((index * 37 + batch * 11) % 1000) / 1000.0;
                rows.add(row(value));
                expected += value > 0.5 ? value : 0;
            }
            try (Chunk chunk = batch % 2 == 0 ? support.chunk(values, rows) : support.sparseChunk(values, rows, row(100.0))) {
                operator.push(chunk);
            }
        }
        operator.finish();
        operator.close();
        assertEquals(expected, (Double) sink.rows().getFirst().getFirst(), 1e-6);
    }

    @Test
    void chunkBuilderAndCompactor() {
        Schema all = Schema.of("a", TypeParser.parse("array(nullable(int32))"), "s", BrookType.STRING, "b", BrookType.BOOL,
                "d", TypeParser.parse("decimal(12, 3)"), "f", BrookType.fixedString(2), "t", TypeParser.parse("tuple(x int8, y string)"));
        List<List<Object>> rows = List.of(
                row(Arrays.asList(1, null), "one", true, new java.math.BigDecimal("1.000"), "ab", List.of(1, "p")),
                row(List.of(), "", false, new java.math.BigDecimal("-2.500"), "cd", List.of(2, "q")),
                row(List.of(3), "three", true, new java.math.BigDecimal("3.250"), "ef", List.of(3, "r")));
        try (Chunk sparse = support.sparseChunk(all, rows, row(List.of(9), "filler", false, java.math.BigDecimal.ZERO, "zz", List.of(9, "z")));
             Chunk dense = ChunkCompactor.compact(sparse, support.context())) {
            assertTrue(dense.isDense());
            assertEquals(3, dense.physicalRowCount());
            CollectingSink sink = new CollectingSink();
            sink.push(dense);
            List<List<Object>> expected = List.of(
                    row(Arrays.asList(1L, null), "one", true, new java.math.BigDecimal("1.000"), "ab", List.of(1L, "p")),
                    row(List.of(), "", false, new java.math.BigDecimal("-2.500"), "cd", List.of(2L, "q")),
                    row(List.of(3L), "three", true, new java.math.BigDecimal("3.250"), "ef", List.of(3L, "r")));
            assertEquals(expected, sink.rows());
            try (Chunk again = ChunkCompactor.compact(dense, support.context())) {
                assertSame(dense, again);
            }
        }
    }
}
