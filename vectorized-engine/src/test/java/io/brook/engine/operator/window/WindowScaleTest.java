package io.brook.engine.operator.window;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.ColumnReference;
import io.brook.engine.expr.Expression;
import io.brook.engine.expr.vector.Vectors;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.function.aggregate.AggregateCall;
import io.brook.engine.operator.Operator;
import io.brook.engine.operator.aggregation.HashAggregationOperator;
import io.brook.engine.operator.aggregation.EmitPolicy;
import io.brook.engine.query.QueryContext;
import io.brook.engine.testing.TestSupport;
import io.brook.engine.types.BrookType;
import io.brook.engine.window.TimeAxis;
import io.brook.engine.window.WindowEmit;
import io.brook.engine.window.WindowKind;
import io.brook.engine.window.WindowSpec;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Windowed and global aggregation hold a million groups within the default memory limit, and a
 * limit too small for them fails the query with code 241 (MEMORY_LIMIT_EXCEEDED).
 */
class WindowScaleTest {
    private static final int GROUPS = 1_000_000;
    private static final int CHUNK = 65_536;
    private static final BrookType TIME = BrookType.datetime64(3, "UTC");
    private final FunctionRegistry registry = new FunctionRegistry();
    private final ColumnReference host = new ColumnReference(0, "host", BrookType.STRING);
    private final ColumnReference value = new ColumnReference(1, "value", BrookType.FLOAT64);
    private final ColumnReference time = new ColumnReference(2, "ts", TIME);

    private List<AggregateCall> calls() {
        return List.of(registry.aggregate("count", List.of(), false), registry.aggregate("avg", List.of(value), false));
    }

    private Operator tumble(QueryContext context, Operator sink) {
        WindowSpec spec = new WindowSpec(WindowKind.TUMBLE, time, TimeAxis.of(TIME, "test"), 1_000, 1_000, 0, 3);
        List<Expression> keys = List.of(new ColumnReference(3, "window_start", TIME), host);
        return new WindowAggregationOperator(spec, keys, calls(), new WindowEmit(WindowEmit.Mode.AFTER_CLOSE, 0, 0, 0),
                context, sink);
    }

    private Operator global(QueryContext context, Operator sink) {
        return new HashAggregationOperator(List.of(host), calls(), EmitPolicy.onFinish(), context, sink);
    }

    /** Two rows per host, all in the window [0, 1s), then a row at 1 s that closes it. */
    private static void feed(QueryContext context, Operator operator) {
        for (int round = 0; round < 2; round++) {
            for (int from = 0; from < GROUPS; from += CHUNK) {
                try (Chunk chunk = chunk(context, from, Math.min(CHUNK, GROUPS - from), 500)) {
                    operator.push(chunk);
                }
            }
        }
        try (Chunk closing = chunk(context, 0, 1, 1_000)) {
            operator.push(closing);
        }
    }

    private static Chunk chunk(QueryContext context, int from, int rows, long millis) {
        VarCharVector hosts = (VarCharVector) Vectors.allocate("host", BrookType.STRING, rows, context.allocator());
        Float8Vector values = (Float8Vector) Vectors.allocate("value", BrookType.FLOAT64, rows, context.allocator());
        TimeStampVector times = (TimeStampVector) Vectors.allocate("ts", TIME, rows, context.allocator());
        for (int row = 0; row < rows; row++) {
            hosts.setSafe(row, ("host-" + (from + row)).getBytes(StandardCharsets.UTF_8));
            values.set(row, from + row);
            times.set(row, millis);
        }
        for (FieldVector vector : List.<FieldVector>of(hosts, values, times)) {
            vector.setValueCount(rows);
        }
        return Chunk.of(List.of(hosts, values, times), rows);
    }

    @Test
    void aTumbleWindowOfAMillionHostsFitsTheDefaultLimit() {
        try (TestSupport support = TestSupport.create()) {
            CountingSink sink = new CountingSink();
            try (Operator operator = tumble(support.context(), sink)) {
                feed(support.context(), operator);
            }
            assertEquals(GROUPS, sink.rows, "one row per host of the closed window");
            assertEquals(2L * GROUPS, sink.counted);
        }
    }

    @Test
    void aGlobalAggregationOfAMillionHostsFitsTheDefaultLimit() {
        try (TestSupport support = TestSupport.create()) {
            CountingSink sink = new CountingSink();
            try (Operator operator = global(support.context(), sink)) {
                feed(support.context(), operator);
                operator.finish();
            }
            assertEquals(GROUPS, sink.rows);
        }
    }

    @Test
    void aMemoryLimitTooSmallForTheGroupsFailsTheQuery() {
        for (boolean windowed : new boolean[] {true, false}) {
            try (TestSupport support = TestSupport.withMemoryLimit(48L << 20)) {
                QueryContext context = support.context();
                BrookException error = assertThrows(BrookException.class, () -> {
                    try (Operator operator = windowed ? tumble(context, new CountingSink()) : global(context, new CountingSink())) {
                        feed(context, operator);
                        operator.finish();
                    }
                });
                assertEquals(ErrorCode.MEMORY_LIMIT_EXCEEDED, error.code(), error.getMessage());
                assertTrue(error.getMessage().contains("max_memory_usage"), error.getMessage());
            }
        }
    }

    /** Counts result rows and adds up the count() column (index 2 of window_start, host, count, avg). */
    private static final class CountingSink implements Operator {
        long rows;
        long counted;

        @Override
        public void push(Chunk chunk) {
            rows += chunk.size();
            FieldVector counts = chunk.column(chunk.columnCount() - 2);
            for (int row = 0; row < chunk.size(); row++) {
                counted += ((org.apache.arrow.vector.UInt8Vector) counts).get(chunk.position(row));
            }
        }

        @Override
        public void finish() {
        }

        @Override
        public void close() {
        }
    }
}
