package io.brook.engine.operator.aggregation;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.Expression;
import io.brook.engine.expr.memory.IntArray;
import io.brook.engine.function.aggregate.AggregateCall;
import io.brook.engine.function.aggregate.StateBytes;
import io.brook.engine.operator.Checkpointable;
import io.brook.engine.operator.Operator;
import io.brook.engine.operator.OperatorFactory;
import io.brook.engine.query.QueryContext;
import org.apache.arrow.memory.OutOfMemoryException;

import java.util.List;
import java.util.StringJoiner;

/**
 * GROUP BY (or a global aggregation when there are no keys): groups rows with a hash table and
 * keeps one vectorised state per aggregate call. Output chunks hold the key columns then the
 * aggregates, in the order given, at most {@code max_block_size} rows each. When results go out
 * is the {@link EmitPolicy}'s decision; emitting never resets the state.
 *
 * <p>A global aggregation may take the query's WHERE predicate as well ({@link AggregationFilter}):
 * it then aggregates only the rows that pass, as a filter operator in front of it would, without
 * building a selection vector for dense chunks.
 */
public final class HashAggregationOperator implements Operator, Checkpointable {
    private final EmitPolicy policy;
    private final QueryContext context;
    private final Operator downstream;
    private final AggregationState state;
    private final AggregationFilter filter;
    private IntArray lastTouched;
    private int chunkNumber;
    private boolean changedSinceEmit;
    private boolean anyInput;
    private long lastEmitMillis = -1;

    public HashAggregationOperator(List<Expression> keys, List<AggregateCall> calls, EmitPolicy policy,
                                   QueryContext context, Operator downstream) {
        this(keys, null, calls, policy, context, downstream);
    }

    /**
     * An aggregation of the rows where {@code filter} is true (null: every row); a filter needs
     * a global aggregation, {@code keys} empty.
     */
    public HashAggregationOperator(List<Expression> keys, Expression filter, List<AggregateCall> calls, EmitPolicy policy,
                                   QueryContext context, Operator downstream) {
        if (filter != null && !keys.isEmpty()) {
            throw new IllegalArgumentException("a filter fuses only into a global aggregation");
        }
        this.filter = filter == null ? null : new AggregationFilter(filter);
        this.policy = policy;
        this.context = context;
        this.downstream = downstream;
        try {
            this.state = new AggregationState(List.copyOf(keys), List.copyOf(calls), context);
        } catch (OutOfMemoryException e) {
            throw context.memoryExceeded(e);
        }
    }

    @Override
    public void push(Chunk chunk) {
        context.checkAlive();
        if (chunk.isEmpty()) {
            return;
        }
        try {
            int[] groups = null;
            if (filter == null) {
                groups = state.add(chunk);
            } else if (!filter.add(chunk, state, context)) {
                return;
            }
            changedSinceEmit = true;
            anyInput = true;
            if (policy instanceof EmitPolicy.OnUpdate) {
                emit(touchedGroups(groups, chunk.size()));
            }
        } catch (OutOfMemoryException e) {
            throw context.memoryExceeded(e);
        }
    }

    /** The distinct groups of this chunk's rows, in first-seen order. */
    private int[] touchedGroups(int[] groups, int rows) {
        if (groups == null) {
            return new int[] {0};
        }
        if (lastTouched == null) {
            lastTouched = new IntArray(context.allocator(), state.groupCount());
        }
        lastTouched.ensureCapacity(state.groupCount());
        int mark = ++chunkNumber;
        int[] touched = new int[Math.min(rows, state.groupCount())];
        int count = 0;
        for (int row = 0; row < rows; row++) {
            int group = groups[row];
            if (lastTouched.get(group) != mark) {
                lastTouched.set(group, mark);
                touched[count++] = group;
            }
        }
        return java.util.Arrays.copyOf(touched, count);
    }

    @Override
    public void tick(long nowMillis) {
        if (policy instanceof EmitPolicy.Periodic periodic) {
            if (lastEmitMillis < 0) {
                lastEmitMillis = nowMillis;
            } else if (nowMillis - lastEmitMillis >= periodic.intervalMillis()) {
                lastEmitMillis = nowMillis;
                if (periodic.repeat() || changedSinceEmit) {
                    emitAll();
                }
            }
        }
        downstream.tick(nowMillis);
    }

    @Override
    public void finish() {
        boolean bounded = policy instanceof EmitPolicy.OnFinish;
        if (bounded || changedSinceEmit && !(policy instanceof EmitPolicy.OnUpdate)) {
            if (bounded || anyInput) {
                emitAll();
            }
        }
        downstream.finish();
    }

    private void emitAll() {
        int groups = state.groupCount();
        int[] all = new int[groups];
        for (int group = 0; group < groups; group++) {
            all[group] = group;
        }
        emit(all);
    }

    private void emit(int[] groups) {
        changedSinceEmit = false;
        int blockSize = context.settings().maxBlockSize();
        try {
            for (int from = 0; from < groups.length; from += blockSize) {
                int count = Math.min(blockSize, groups.length - from);
                try (Chunk results = state.results(groups, from, count)) {
                    downstream.push(results);
                }
            }
        } catch (OutOfMemoryException e) {
            throw context.memoryExceeded(e);
        }
    }

    /**
     * The whole state as bytes, for a materialized view checkpoint, including whether changes
     * are waiting for the next periodic emit (so a restored view still emits them).
     */
    @Override
    public byte[] checkpoint() {
        return StateBytes.write("hash_aggregation", new byte[] {(byte) (changedSinceEmit ? 1 : 0)}, state.serialize());
    }

    /** Restores a {@link #checkpoint()} into this (fresh) operator. */
    @Override
    public void restore(byte[] checkpoint) {
        byte[][] sections = StateBytes.read("hash_aggregation", checkpoint);
        try {
            state.deserialize(sections[1]);
            changedSinceEmit = sections[0][0] != 0;
            anyInput = true;
        } catch (OutOfMemoryException e) {
            throw context.memoryExceeded(e);
        }
    }

    /** Groups held, for metrics and tests. */
    public int groupCount() {
        return state.groupCount();
    }

    @Override
    public void close() {
        try {
            state.close();
            if (lastTouched != null) {
                lastTouched.close();
            }
        } finally {
            downstream.close();
        }
    }

    /**
     * Plans an aggregation: group keys (none for a global one), an optional WHERE predicate fused
     * into a global one, aggregate calls and an emit policy.
     */
    public static final class Factory implements OperatorFactory {
        private final List<Expression> keys;
        private final Expression filter;
        private final List<AggregateCall> calls;
        private final EmitPolicy policy;

        public Factory(List<Expression> keys, List<AggregateCall> calls, EmitPolicy policy) {
            this(keys, null, calls, policy);
        }

        public Factory(List<Expression> keys, Expression filter, List<AggregateCall> calls, EmitPolicy policy) {
            if (filter != null && !keys.isEmpty()) {
                throw new IllegalArgumentException("a filter fuses only into a global aggregation");
            }
            this.keys = List.copyOf(keys);
            this.filter = filter;
            this.calls = List.copyOf(calls);
            this.policy = policy;
        }

        @Override
        public Operator create(QueryContext context, Operator downstream) {
            return new HashAggregationOperator(keys, filter, calls, policy, context, downstream);
        }

        @Override
        public String checkpointProblem() {
            return AggregateCall.checkpointProblem(calls);
        }

        @Override
        public String describe() {
            StringJoiner keyText = new StringJoiner(", ");
            keys.forEach(key -> keyText.add(key.describe()));
            StringJoiner callText = new StringJoiner(", ");
            calls.forEach(call -> callText.add(call.describe()));
            return "Aggregate" + (keys.isEmpty() ? "" : " by (" + keyText + ")") + " (" + callText + ")"
                    + (filter == null ? "" : " where (" + filter.describe() + ")") + ", emit " + policy.describe();
        }
    }
}
