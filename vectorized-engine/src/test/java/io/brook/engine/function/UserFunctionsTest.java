package io.brook.engine.function;

import io.brook.engine.catalog.Column;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.Expression;
import io.brook.engine.expr.Literal;
import io.brook.engine.expr.vector.Vectors;
import io.brook.engine.function.aggregate.AggregateCall;
import io.brook.engine.function.user.UserAggregateFunction;
import io.brook.engine.function.user.UserAggregateGroups;
import io.brook.engine.function.user.UserFunctionDefinition;
import io.brook.engine.function.user.UserScalarFunction;
import io.brook.engine.operator.aggregation.EmitPolicy;
import io.brook.engine.operator.aggregation.HashAggregationOperator;
import io.brook.engine.query.QueryContext;
import io.brook.engine.testing.CollectingSink;
import io.brook.engine.testing.TestSupport;
import io.brook.engine.testing.TestSupport.Schema;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeParser;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import static io.brook.engine.testing.TestSupport.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** User functions through the registry, with plain Java standing in for the Python runtime. */
class UserFunctionsTest {
    private final FunctionRegistry registry = new FunctionRegistry();
    private final TestSupport support = TestSupport.create();

    @AfterEach
    void close() {
        support.close();
    }

    /** add_one(x int64) -> nullable(int64): x + 1, NULL for NULL; checks it sees dense columns. */
    private static final UserScalarFunction ADD_ONE = (QueryContext context, List<FieldVector> arguments, int rowCount,
                                                       BrookType resultType) -> {
        BigIntVector input = (BigIntVector) arguments.getFirst();
        assertEquals(rowCount, input.getValueCount());
        BigIntVector output = (BigIntVector) Vectors.allocate(TypeParser.parse("nullable(int64)"), rowCount, context.allocator());
        for (int row = 0; row < rowCount; row++) {
            if (input.isNull(row)) {
                output.setNull(row);
            } else {
                output.set(row, input.get(row) + 1);
            }
        }
        output.setValueCount(rowCount);
        return output;
    };

    /** my_sum(x int64) -> int64, with checkpointable states; records how the rows arrived. */
    private static final class SumGroups implements UserAggregateGroups {
        private long[] totals = new long[0];
        private int calls;

        private long[] totals(int groupCount) {
            if (totals.length < groupCount) {
                totals = Arrays.copyOf(totals, groupCount);
            }
            return totals;
        }

        @Override
        public void process(List<FieldVector> arguments, int[] groups, int[] starts, int runs) {
            calls++;
            BigIntVector input = (BigIntVector) arguments.getFirst();
            assertEquals(starts[runs], input.getValueCount());
            for (int run = 0; run < runs; run++) {
                for (int row = starts[run]; row < starts[run + 1]; row++) {
                    totals(groups[run] + 1)[groups[run]] += input.isNull(row) ? 0 : input.get(row);
                }
            }
        }

        @Override
        public void finalizeInto(int[] groups, int from, int count, FieldVector output) {
            for (int index = 0; index < count; index++) {
                int group = groups[from + index];
                ((BigIntVector) output).setSafe(index, group < totals.length ? totals[group] : 0);
            }
            output.setValueCount(count);
        }

        @Override
        public byte[] serialize(int groupCount) {
            ByteBuffer buffer = ByteBuffer.allocate(8 * groupCount);
            for (int group = 0; group < groupCount; group++) {
                buffer.putLong(totals(groupCount)[group]);
            }
            return buffer.array();
        }

        @Override
        public void deserialize(byte[] data, int groupCount) {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            for (int group = 0; group < groupCount; group++) {
                totals(groupCount)[group] = buffer.getLong();
            }
        }

        @Override
        public void close() {
        }
    }

    private static final List<SumGroups> MADE = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static final UserAggregateFunction MY_SUM = new UserAggregateFunction() {
        @Override
        public UserAggregateGroups newGroups(QueryContext context) {
            SumGroups groups = new SumGroups();
            MADE.add(groups);
            return groups;
        }

        @Override
        public String checkpointProblem() {
            return null;
        }
    };

    private static UserFunctionDefinition definition(String name, boolean aggregate, BrookType returns) {
        return new UserFunctionDefinition(name, aggregate, List.of(Column.of("x", BrookType.INT64)), returns, "python", "", 1);
    }

    @Test
    void scalarUserFunctionOverSelectedRowsWithConversion() {
        registry.register(UserFunctions.scalar(definition("add_one", false, TypeParser.parse("nullable(int64)")), ADD_ONE));
        Schema schema = Schema.of("v", TypeParser.parse("nullable(int32)"));
        Expression call = registry.call("add_one", List.of(schema.column("v")));
        assertEquals(Arrays.asList(2L, null, -4L), support.evaluateRows(call, schema, List.of(row(1), row((Object) null), row(-5)), row(100)));
        Expression constant = registry.call("add_one", List.of(Literal.of(41, BrookType.INT8)));
        try (Chunk chunk = Chunk.of(List.of(), 2)) {
            assertEquals(List.of(42L, 42L), support.evaluate(constant, chunk));
        }
    }

    @Test
    void theResultIsNullableWhenDeclaredSoOrWhenAnArgumentIs() {
        registry.register(UserFunctions.scalar(definition("declared_nullable", false, TypeParser.parse("nullable(int64)")), ADD_ONE));
        registry.register(UserFunctions.scalar(definition("plain_result", false, BrookType.INT64), ADD_ONE));
        Schema schema = Schema.of("plain", BrookType.INT64, "maybe", TypeParser.parse("nullable(int64)"));
        assertEquals(TypeParser.parse("nullable(int64)"), registry.call("declared_nullable", List.of(schema.column("plain"))).type());
        assertEquals(BrookType.INT64, registry.call("plain_result", List.of(schema.column("plain"))).type());
        assertEquals(TypeParser.parse("nullable(int64)"), registry.call("plain_result", List.of(schema.column("maybe"))).type());
    }

    @Test
    void aggregateUserFunctionPerGroupWithCheckpoint() {
        MADE.clear();
        registry.register(UserFunctions.aggregate(definition("my_sum", true, BrookType.INT64), MY_SUM));
        Schema schema = Schema.of("k", BrookType.STRING, "x", BrookType.INT64);
        AggregateCall call = registry.aggregate("my_sum", List.of(schema.column("x")), false);
        byte[] checkpoint;
        try (HashAggregationOperator operator = new HashAggregationOperator(List.of(schema.column("k")), List.of(call),
                EmitPolicy.onFinish(), support.context(), new CollectingSink());
             Chunk chunk = support.sparseChunk(schema, List.of(row("a", 1L), row("b", 10L), row("a", 2L)), row("a", 1000L))) {
            operator.push(chunk);
            checkpoint = operator.checkpoint();
        }
        CollectingSink sink = new CollectingSink();
        try (HashAggregationOperator operator = new HashAggregationOperator(List.of(schema.column("k")), List.of(call),
                EmitPolicy.onFinish(), support.context(), sink);
             Chunk chunk = support.chunk(schema, List.of(row("b", 5L), row("c", 7L)))) {
            operator.restore(checkpoint);
            operator.push(chunk);
            operator.finish();
        }
        assertEquals(List.of(row("a", 3L), row("b", 15L), row("c", 7L)), sink.rows());
        // one call per chunk, however many groups it holds
        assertEquals(List.of(1, 1), MADE.stream().map(groups -> groups.calls).toList());
    }

    @Test
    void aSmallChunkAmongManyGroupsReachesTheRightGroups() {
        registry.register(UserFunctions.aggregate(definition("my_sum", true, BrookType.INT64), MY_SUM));
        Schema schema = Schema.of("k", BrookType.INT64, "x", BrookType.INT64);
        AggregateCall call = registry.aggregate("my_sum", List.of(schema.column("x")), false);
        List<List<Object>> many = new java.util.ArrayList<>();
        for (long key = 0; key < 1_000; key++) {
            many.add(row(key, key));
        }
        CollectingSink sink = new CollectingSink();
        try (HashAggregationOperator operator = new HashAggregationOperator(List.of(schema.column("k")), List.of(call),
                EmitPolicy.onFinish(), support.context(), sink)) {
            try (Chunk chunk = support.chunk(schema, many)) {
                operator.push(chunk);
            }
            // three rows of two groups far apart, after 1,000 groups: ordered by sorting, not counting
            try (Chunk chunk = support.sparseChunk(schema, List.of(row(900L, 1L), row(3L, 10L), row(900L, 100L)), row(5L, 1000L))) {
                operator.push(chunk);
            }
            operator.finish();
        }
        List<List<Object>> rows = sink.rows();
        assertEquals(1_000, rows.size());
        for (List<Object> result : rows) {
            long key = (Long) result.get(0);
            long expected = key + (key == 900 ? 101 : key == 3 ? 10 : 0);
            assertEquals(expected, result.get(1), result.toString());
        }
    }

    @Test
    void aggregateWithoutCheckpointSaysWhy() {
        UserAggregateFunction plain = new UserAggregateFunction() {
            @Override
            public UserAggregateGroups newGroups(QueryContext context) {
                return new SumGroups();
            }

            @Override
            public String checkpointProblem() {
                return "no serialize";
            }
        };
        registry.register(UserFunctions.aggregate(definition("plain_sum", true, BrookType.INT64), plain));
        Schema schema = Schema.of("x", BrookType.INT32);
        AggregateCall call = registry.aggregate("plain_sum", List.of(schema.column("x")), false);
        assertEquals("no serialize", call.checkpointProblem());
        assertEquals(TypeParser.parse("int64"), call.arguments().getFirst().type());
    }
}
