package io.brook.engine.operator.aggregation;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.Expression;
import io.brook.engine.expr.Literal;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.function.aggregate.AggregateCall;
import io.brook.engine.operator.FilterOperator;
import io.brook.engine.operator.Operator;
import io.brook.engine.testing.CollectingSink;
import io.brook.engine.testing.TestSupport;
import io.brook.engine.testing.TestSupport.Schema;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.brook.engine.testing.TestSupport.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A WHERE predicate fused into a global aggregation must give what a filter operator in front of
 * the same aggregation gives: for every predicate kernel, every aggregate, nulls, NaN and
 * infinities, chunks where all, some or no rows pass, and chunks that arrive with a selection.
 */
class AggregationFilterTest {
    private final FunctionRegistry registry = new FunctionRegistry();
    private final TestSupport support = TestSupport.create();
    private final Schema schema = Schema.of(
            "v", BrookType.FLOAT64,
            "n", TypeParser.parse("nullable(float64)"),
            "i", BrookType.INT64,
            "j", TypeParser.parse("nullable(int32)"),
            "u", BrookType.UINT32,
            "f", BrookType.FLOAT32,
            "s", TypeParser.parse("nullable(string)"),
            "d", TypeParser.parse("decimal(10, 2)"),
            "b", TypeParser.parse("nullable(bool)"));
    private final List<Object> filler = row(Double.NaN, Double.NaN, 0L, 0, 0L, Float.NaN, "filler",
            new BigDecimal("99.99"), true);

    @AfterEach
    void close() {
        support.close();
    }

    private Expression column(String name) {
        return schema.column(name);
    }

    private Expression call(String name, Expression... arguments) {
        return registry.call(name, List.of(arguments));
    }

    private static Literal number(double value) {
        return Literal.of(value, BrookType.FLOAT64);
    }

    private static Literal integer(long value) {
        return Literal.of(value, BrookType.INT64);
    }

    private AggregateCall aggregate(String name, boolean distinct, Expression... arguments) {
        return registry.aggregate(name, List.of(arguments), distinct);
    }

    /** Row {@code k}: NaN, infinities, -0.0 and nulls spread so that every 64-row word has some. */
    private static List<Object> generatedRow(int k) {
        double v = k % 17 == 3 ? Double.NaN : k % 29 == 5 ? Double.POSITIVE_INFINITY : k % 31 == 7
                ? Double.NEGATIVE_INFINITY : k % 13 == 0 ? -0.0 : ((k * 7) % 41 - 20) / 2.0;
        Double n = k % 5 == 1 ? null : k % 23 == 2 ? Double.NaN : ((k * 3) % 19 - 9) / 4.0;
        long i = (k * 11) % 9 - 4;
        Integer j = k % 7 == 4 ? null : (k * 5) % 13 - 6;
        long u = (k * 13L) % 10;
        float f = ((k * 3) % 11 - 5) / 2.0f;
        String s = k % 6 == 0 ? null : "s" + (k % 4);
        BigDecimal d = BigDecimal.valueOf((k * 37) % 500 - 250, 2);
        Boolean b = k % 3 == 0 ? null : k % 3 == 1;
        return row(v, n, i, j, u, f, s, d, b);
    }

    private static List<List<List<Object>>> generatedBatches() {
        List<List<List<Object>>> batches = new ArrayList<>();
        int next = 0;
        // one row, a word's tail, exactly a word, a word and one, several words with a tail
        for (int size : new int[] {1, 63, 64, 65, 200, 1000, 130}) {
            List<List<Object>> rows = new ArrayList<>();
            for (int index = 0; index < size; index++) {
                rows.add(generatedRow(next++));
            }
            batches.add(rows);
        }
        return batches;
    }

    private List<Expression> predicates() {
        Expression v = column("v");
        return List.of(
                call("greater", v, number(0)),
                call("greater_or_equals", v, number(-0.0)),
                call("less_or_equals", v, number(3)),
                call("not_equals", v, number(2.5)),
                call("equals", v, number(Double.NaN)),
                call("not_equals", v, number(Double.NaN)),
                call("greater", v, number(1e300)),
                call("greater", number(2), v),
                call("greater", column("n"), number(0)),
                call("greater_or_equals", column("i"), integer(0)),
                call("not_equals", column("i"), integer(1)),
                call("greater_or_equals", column("i"), integer(Long.MIN_VALUE)),
                call("less", column("j"), integer(2)),
                call("greater", column("j"), number(-2.5)),
                call("greater", column("u"), integer(5)),
                call("less", column("f"), number(1.5)),
                call("equals", column("s"), Literal.of("s1", BrookType.STRING)),
                call("greater", column("d"), number(0)),
                column("b"),
                call("and", call("greater", v, number(0)), call("less", column("i"), integer(3))),
                call("or", column("b"), call("less", column("n"), number(-1))),
                call("greater", v, Literal.nullOf(TypeParser.parse("nullable(float64)"))),
                Literal.of(true, BrookType.BOOL),
                Literal.nullOf(TypeParser.parse("nullable(bool)")));
    }

    private List<AggregateCall> everyAggregate() {
        Expression v = column("v");
        Expression n = column("n");
        return List.of(
                aggregate("count", false), aggregate("count", false, n), aggregate("count", false, column("j")),
                aggregate("sum", false, v), aggregate("sum", false, n), aggregate("sum", false, column("i")),
                aggregate("sum", false, column("j")), aggregate("sum", false, column("u")), aggregate("sum", false, column("f")),
                aggregate("sum", false, column("d")),
                aggregate("avg", false, v), aggregate("avg", false, n), aggregate("avg", false, column("j")),
                aggregate("avg", false, column("u")), aggregate("avg", false, column("d")),
                aggregate("min", false, v), aggregate("max", false, n), aggregate("min", false, column("s")),
                aggregate("max", false, column("i")), aggregate("any", false, column("s")), aggregate("any_last", false, n),
                aggregate("uniq", false, column("s")), aggregate("count", true, column("j")), aggregate("sum", true, column("i")),
                aggregate("sum", false, call("multiply", v, number(2))), aggregate("avg", false, call("plus", column("j"), integer(1))));
    }

    /** Pushes the batches, every other one as a chunk with a selection when {@code sparse}. */
    private void push(Operator operator, List<List<List<Object>>> batches, boolean sparse) {
        for (int index = 0; index < batches.size(); index++) {
            try (Chunk chunk = sparse && index % 2 == 1 ? support.sparseChunk(schema, batches.get(index), filler)
                    : support.chunk(schema, batches.get(index))) {
                operator.push(chunk);
            }
        }
        operator.finish();
    }

    private List<List<Object>> fused(Expression predicate, List<AggregateCall> calls, List<List<List<Object>>> batches, boolean sparse) {
        CollectingSink sink = new CollectingSink();
        try (Operator operator = new HashAggregationOperator(List.of(), predicate, calls, EmitPolicy.onFinish(), support.context(), sink)) {
            push(operator, batches, sparse);
        }
        return sink.rows();
    }

    private List<List<Object>> separate(Expression predicate, List<AggregateCall> calls, List<List<List<Object>>> batches, boolean sparse) {
        CollectingSink sink = new CollectingSink();
        try (Operator operator = new FilterOperator(predicate, support.context(),
                new HashAggregationOperator(List.of(), calls, EmitPolicy.onFinish(), support.context(), sink))) {
            push(operator, batches, sparse);
        }
        return sink.rows();
    }

    @Test
    void everyPredicateAndAggregateMatchesASeparateFilter() {
        List<List<List<Object>>> batches = generatedBatches();
        List<AggregateCall> calls = everyAggregate();
        for (Expression predicate : predicates()) {
            for (boolean sparse : new boolean[] {false, true}) {
                assertEquals(separate(predicate, calls, batches, sparse), fused(predicate, calls, batches, sparse),
                        "WHERE " + predicate.describe() + (sparse ? " over chunks with a selection" : ""));
            }
        }
    }

    @Test
    void rowsThatDoNotPassLeaveNoTrace() {
        List<List<Object>> rows = new ArrayList<>();
        // only rows with i > 0 pass; the others hold NaN, infinities and nulls
        rows.add(row(1.5, 2.0, 1L, 10, 1L, 1.0f, "a", new BigDecimal("1.00"), true));
        rows.add(row(Double.NaN, Double.NaN, 0L, null, 2L, Float.NaN, "z", new BigDecimal("9.00"), null));
        rows.add(row(Double.POSITIVE_INFINITY, null, -1L, 7, 3L, Float.POSITIVE_INFINITY, null, new BigDecimal("9.00"), false));
        rows.add(row(2.0, null, 2L, null, 4L, 2.5f, "b", new BigDecimal("2.50"), true));
        rows.add(row(Double.NEGATIVE_INFINITY, Double.NaN, 0L, 5, 5L, -1.0f, "y", new BigDecimal("9.00"), true));
        List<List<Object>> physical = new ArrayList<>();
        for (int copy = 0; copy < 30; copy++) {
            physical.addAll(rows);
        }
        Expression predicate = call("greater", column("i"), integer(0));
        List<AggregateCall> calls = List.of(aggregate("count", false), aggregate("count", false, column("n")),
                aggregate("sum", false, column("v")), aggregate("sum", false, column("n")), aggregate("sum", false, column("j")),
                aggregate("sum", false, column("f")), aggregate("avg", false, column("v")), aggregate("avg", false, column("n")),
                aggregate("min", false, column("v")), aggregate("max", false, column("v")), aggregate("max", false, column("s")),
                aggregate("sum", false, column("d")));
        List<List<Object>> expected = List.of(Arrays.asList(60L, 30L, 105.0, 60.0, 300L, 105.0, 1.75, 2.0, 1.5, 2.0, "b",
                new BigDecimal("105.00")));
        assertEquals(expected, fused(predicate, calls, List.of(physical), false));
        assertEquals(expected, separate(predicate, calls, List.of(physical), false));
    }

    @Test
    void allAndNoRowsPassing() {
        List<List<List<Object>>> batches = generatedBatches();
        List<AggregateCall> calls = List.of(aggregate("count", false), aggregate("sum", false, column("i")),
                aggregate("sum", false, column("n")), aggregate("avg", false, column("i")), aggregate("min", false, column("i")));
        // i is in [-4, 4]: every row, then none
        List<List<Object>> all = fused(call("greater", column("i"), integer(-5)), calls, batches, true);
        List<List<Object>> unfiltered = separate(Literal.of(true, BrookType.BOOL), calls, batches, true);
        assertEquals(unfiltered, all);
        assertEquals(List.of(Arrays.asList(0L, 0L, null, Double.NaN, 0L)),
                fused(call("greater", column("i"), integer(4)), calls, batches, true));
    }

    @Test
    void argumentsAreOnlyComputedForRowsThatPass() {
        // int_div by zero fails, so the division must not see the rows the filter removes
        List<List<Object>> rows = new ArrayList<>();
        for (int k = 0; k < 100; k++) {
            rows.add(generatedRow(k));
        }
        Expression predicate = call("not_equals", column("i"), integer(0));
        List<AggregateCall> calls = List.of(aggregate("sum", false, call("int_div", integer(100), column("i"))),
                aggregate("count", false));
        assertEquals(separate(predicate, calls, List.of(rows), false), fused(predicate, calls, List.of(rows), false));
        assertThrows(RuntimeException.class, () -> fused(Literal.of(true, BrookType.BOOL), calls, List.of(rows), false));
    }

    @Test
    void onUpdateAndPeriodicIgnoreChunksWithoutPassingRows() {
        Expression predicate = call("greater", column("i"), integer(0));
        List<AggregateCall> calls = List.of(aggregate("count", false));
        List<List<Object>> none = List.of(generatedRow(0), generatedRow(5)); // i = -4, -3
        List<List<Object>> some = List.of(generatedRow(3), generatedRow(1)); // i = 2, -2
        CollectingSink updates = new CollectingSink();
        try (HashAggregationOperator operator = new HashAggregationOperator(List.of(), predicate, calls, EmitPolicy.onUpdate(),
                support.context(), updates)) {
            pushOne(operator, none);
            assertEquals(List.of(), updates.take(), "nothing passed, nothing changed");
            pushOne(operator, some);
            assertEquals(List.of(List.of(1L)), updates.take());
        }
        CollectingSink periodic = new CollectingSink();
        try (HashAggregationOperator operator = new HashAggregationOperator(List.of(), predicate, calls,
                EmitPolicy.periodic(1000, false), support.context(), periodic)) {
            operator.tick(0);
            pushOne(operator, some);
            operator.tick(1000);
            assertEquals(List.of(List.of(1L)), periodic.take());
            pushOne(operator, none);
            operator.tick(2000);
            assertEquals(List.of(), periodic.take(), "no passing rows since the last emit");
            operator.finish();
            assertEquals(List.of(), periodic.take());
        }
    }

    private void pushOne(Operator operator, List<List<Object>> rows) {
        try (Chunk chunk = support.chunk(schema, rows)) {
            operator.push(chunk);
        }
    }

    @Test
    void checkpointOfAFusedAggregationRestoresAnywhere() {
        Expression predicate = call("greater", column("v"), number(0));
        List<AggregateCall> calls = List.of(aggregate("count", false), aggregate("sum", false, column("v")),
                aggregate("avg", false, column("n")), aggregate("min", false, column("s")), aggregate("uniq", false, column("j")));
        List<List<List<Object>>> batches = generatedBatches();
        List<List<Object>> straight = fused(predicate, calls, batches, true);
        byte[] checkpoint;
        try (HashAggregationOperator first = new HashAggregationOperator(List.of(), predicate, calls, EmitPolicy.onFinish(),
                support.context(), new CollectingSink())) {
            for (List<List<Object>> batch : batches.subList(0, 4)) {
                pushOne(first, batch);
            }
            checkpoint = first.checkpoint();
        }
        CollectingSink resumed = new CollectingSink();
        try (HashAggregationOperator second = new HashAggregationOperator(List.of(), predicate, calls, EmitPolicy.onFinish(),
                support.context(), resumed)) {
            second.restore(checkpoint);
            for (List<List<Object>> batch : batches.subList(4, batches.size())) {
                pushOne(second, batch);
            }
            second.finish();
        }
        assertEquals(straight, resumed.rows());
        // the state is the one an unfused aggregation keeps, so a plan change keeps a checkpoint valid
        CollectingSink unfused = new CollectingSink();
        HashAggregationOperator aggregation = new HashAggregationOperator(List.of(), calls, EmitPolicy.onFinish(),
                support.context(), unfused);
        try (Operator second = new FilterOperator(predicate, support.context(), aggregation)) {
            aggregation.restore(checkpoint);
            for (List<List<Object>> batch : batches.subList(4, batches.size())) {
                pushOne(second, batch);
            }
            second.finish();
        }
        assertEquals(straight, unfused.rows());
    }
}
