package io.brook.benchmarks;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.ColumnReference;
import io.brook.engine.expr.Expression;
import io.brook.engine.expr.Literal;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.vector.Vectors;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.function.aggregate.AggregateCall;
import io.brook.engine.operator.FilterOperator;
import io.brook.engine.operator.Operator;
import io.brook.engine.operator.aggregation.EmitPolicy;
import io.brook.engine.operator.aggregation.HashAggregationOperator;
import io.brook.engine.query.QueryContext;
import io.brook.engine.query.QuerySettings;
import io.brook.engine.types.BrookType;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * (c) The kernels alone, on one thread: {@code WHERE value > threshold} then {@code sum(value)}
 * over the {@code value} column held in memory as Arrow chunks of 64K float64 rows. The
 * predicate and the aggregate are bound through the engine's {@link FunctionRegistry} and run by
 * the operator a query plans: a {@link HashAggregationOperator} without keys that takes the WHERE
 * predicate itself (the planner fuses a filter into a global aggregation), so this measures what
 * a query's inner loop costs, minus storage and JDBC.
 *
 * <p>{@link #handWrittenLoop} is the yardstick: one scalar fused pass over the same Arrow buffers
 * with no selection vector. {@link #filterOperatorThenSum} is the plan before the fusion (a
 * {@link FilterOperator} handing the aggregation a selection vector, as still planned in front of
 * GROUP BY); {@link #filterOnly} and {@link #sumOnly} split that pipeline's cost in two.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
public class FilterSumKernelBenchmark {
    static final int CHUNK_ROWS = 65_536;

    @Param(BenchmarkData.DEFAULT_ROWS)
    public long rows;
    /** Values are uniform in [0, 100), so 50 keeps half the rows: the hardest case for branches. */
    @Param("50")
    public double threshold;

    private RootAllocator allocator;
    private QueryContext context;
    private final List<Chunk> chunks = new ArrayList<>();
    private Expression predicate;
    private AggregateCall sum;

    @Setup(Level.Trial)
    public void setUp() {
        allocator = new RootAllocator(Long.MAX_VALUE);
        context = new QueryContext(1, allocator, QuerySettings.defaults());
        BenchmarkData.Values values = BenchmarkData.values();
        for (long first = 0; first < rows; first += CHUNK_ROWS) {
            int count = (int) Math.min(CHUNK_ROWS, rows - first);
            // allocated as the engine allocates a float64 column: a field that cannot hold NULL
            Float8Vector vector = (Float8Vector) Vectors.allocate("value", BrookType.FLOAT64, count, context.allocator());
            for (int row = 0; row < count; row++) {
                vector.set(row, values.next());
            }
            vector.setValueCount(count);
            chunks.add(Chunk.of(List.<FieldVector>of(vector), count));
        }
        FunctionRegistry functions = new FunctionRegistry();
        ColumnReference value = new ColumnReference(0, "value", BrookType.FLOAT64);
        predicate = functions.call("greater", value, Literal.of(threshold, BrookType.FLOAT64));
        sum = functions.aggregate("sum", List.of(value), false);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        chunks.forEach(Chunk::close);
        chunks.clear();
        context.close();
        allocator.close();
    }

    /**
     * The engine's operators, as the planner wires them for {@code SELECT sum(value) ... WHERE
     * value > threshold}: a global aggregation with the WHERE predicate fused into it, emitting at
     * the end.
     */
    @Benchmark
    public double filterThenSum() {
        SingleValueSink result = new SingleValueSink();
        try (Operator pipeline = new HashAggregationOperator(List.of(), predicate, List.of(sum), EmitPolicy.onFinish(), context, result)) {
            for (Chunk chunk : chunks) {
                pipeline.push(chunk);
            }
            pipeline.finish();
        }
        return result.value();
    }

    /**
     * Diagnostic: the same query through a separate {@link FilterOperator} that hands the
     * aggregation a selection vector, as the planner still wires a filter before GROUP BY.
     */
    @Benchmark
    public double filterOperatorThenSum() {
        SingleValueSink result = new SingleValueSink();
        try (Operator pipeline = new FilterOperator(predicate, context,
                new HashAggregationOperator(List.of(), List.of(sum), EmitPolicy.onFinish(), context, result))) {
            for (Chunk chunk : chunks) {
                pipeline.push(chunk);
            }
            pipeline.finish();
        }
        return result.value();
    }

    /** Diagnostic: the filter alone (rows passing are counted, not summed). */
    @Benchmark
    public long filterOnly() {
        RowCounter passed = new RowCounter();
        try (Operator pipeline = new FilterOperator(predicate, context, passed)) {
            for (Chunk chunk : chunks) {
                pipeline.push(chunk);
            }
            pipeline.finish();
        }
        return passed.rows;
    }

    /** Diagnostic: the global sum alone, over every row. */
    @Benchmark
    public double sumOnly() {
        SingleValueSink result = new SingleValueSink();
        try (Operator pipeline = new HashAggregationOperator(List.of(), List.of(sum), EmitPolicy.onFinish(), context, result)) {
            for (Chunk chunk : chunks) {
                pipeline.push(chunk);
            }
            pipeline.finish();
        }
        return result.value();
    }

    /**
     * The yardstick: compare and add in one branch-free loop, no selection vector in between;
     * four partial sums, as the engine's own global sum keeps, so additions overlap.
     */
    @Benchmark
    public double handWrittenLoop() {
        double limit = threshold;
        double first = 0;
        double second = 0;
        double third = 0;
        double fourth = 0;
        for (Chunk chunk : chunks) {
            long address = chunk.column(0).getDataBufferAddress();
            int count = chunk.size();
            int row = 0;
            for (; row + 4 <= count; row += 4) {
                long at = address + ((long) row << 3);
                first += kept(Memory.getDouble(at), limit);
                second += kept(Memory.getDouble(at + 8), limit);
                third += kept(Memory.getDouble(at + 16), limit);
                fourth += kept(Memory.getDouble(at + 24), limit);
            }
            for (; row < count; row++) {
                first += kept(Memory.getDouble(address + ((long) row << 3)), limit);
            }
        }
        return (first + second) + (third + fourth);
    }

    /**
     * The value when it exceeds the limit, else 0, without a branch (a branch on random data
     * mispredicts half the time, and C2 compiles a double {@code ?:} to one). For finite doubles
     * {@code limit - value} is negative exactly when {@code value > limit}, so its sign bit,
     * spread over 64 bits, is the mask.
     */
    private static double kept(double value, double limit) {
        long mask = Double.doubleToRawLongBits(limit - value) >> 63;
        return Double.longBitsToDouble(Double.doubleToRawLongBits(value) & mask);
    }

    /** The end of a filter-only pipeline: counts the rows that reach it. */
    private static final class RowCounter implements Operator {
        private long rows;

        @Override
        public void push(Chunk chunk) {
            rows += chunk.size();
        }

        @Override
        public void finish() {
        }

        @Override
        public void close() {
        }
    }

    /** The end of the pipeline: keeps the one float64 the global aggregation emits. */
    private static final class SingleValueSink implements Operator {
        private double value = Double.NaN;

        double value() {
            return value;
        }

        @Override
        public void push(Chunk chunk) {
            value = ((Float8Vector) chunk.column(0)).get(chunk.position(0));
        }

        @Override
        public void finish() {
        }

        @Override
        public void close() {
        }
    }
}
