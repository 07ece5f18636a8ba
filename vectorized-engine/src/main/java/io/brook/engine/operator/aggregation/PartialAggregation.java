package io.brook.engine.operator.aggregation;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.Expression;
import io.brook.engine.function.aggregate.AggregateCall;
import io.brook.engine.operator.Operator;
import io.brook.engine.query.QueryContext;
import org.apache.arrow.memory.OutOfMemoryException;

import java.util.Arrays;
import java.util.List;

/**
 * One thread's share of an aggregation that several threads compute over parts of one input:
 * the end of that thread's pipeline. It aggregates what is pushed into a state of its own and
 * emits nothing; {@link MergedAggregation} combines the shares once every thread is done.
 *
 * <p>To give the merged groups the order one thread reading the whole input in order would
 * have given them (the order of first appearance), the thread names the input position of each
 * chunk before pushing it ({@link #startChunk}), and the share remembers, per chunk that made new
 * groups, that position and the groups it made. Only mergeable calls are accepted.
 */
public final class PartialAggregation implements Operator {
    private final QueryContext context;
    private final AggregationState state;
    private long chunkOrder;
    /** Run r: groups runEnds[r-1] (0 for the first) .. runEnds[r]-1, first seen in the chunk at runOrders[r]. */
    private long[] runOrders = new long[16];
    private int[] runEnds = new int[16];
    private int runs;

    public PartialAggregation(List<Expression> keys, List<AggregateCall> calls, QueryContext context) {
        for (AggregateCall call : calls) {
            if (!call.mergeable()) {
                throw new IllegalArgumentException(call + " has no mergeable state");
            }
        }
        this.context = context;
        try {
            this.state = new AggregationState(List.copyOf(keys), List.copyOf(calls), context);
        } catch (OutOfMemoryException e) {
            throw context.memoryExceeded(e);
        }
    }

    /** Says where in the whole input the next chunks pushed come from; must not decrease. */
    public void startChunk(long order) {
        this.chunkOrder = order;
    }

    @Override
    public void push(Chunk chunk) {
        context.checkAlive();
        if (chunk.isEmpty()) {
            return;
        }
        int before = state.groupCount();
        try {
            state.add(chunk);
        } catch (OutOfMemoryException e) {
            throw context.memoryExceeded(e);
        }
        if (!state.isGlobal() && state.groupCount() > before) {
            recordRun(state.groupCount());
        }
    }

    private void recordRun(int end) {
        if (runs > 0 && runOrders[runs - 1] == chunkOrder) {
            runEnds[runs - 1] = end; // a filter may push one input chunk in parts
            return;
        }
        if (runs == runOrders.length) {
            runOrders = Arrays.copyOf(runOrders, runs * 2);
            runEnds = Arrays.copyOf(runEnds, runs * 2);
        }
        runOrders[runs] = chunkOrder;
        runEnds[runs] = end;
        runs++;
    }

    AggregationState state() {
        return state;
    }

    int runCount() {
        return runs;
    }

    long runOrder(int run) {
        return runOrders[run];
    }

    int runStart(int run) {
        return run == 0 ? 0 : runEnds[run - 1];
    }

    int runEnd(int run) {
        return runEnds[run];
    }

    @Override
    public void finish() {
        // the merge reads the state once every share is done
    }

    @Override
    public void close() {
        state.close();
    }
}
