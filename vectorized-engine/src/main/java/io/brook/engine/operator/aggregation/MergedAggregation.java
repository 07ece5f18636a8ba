package io.brook.engine.operator.aggregation;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.Expression;
import io.brook.engine.function.aggregate.AggregateCall;
import io.brook.engine.query.QueryContext;
import org.apache.arrow.memory.OutOfMemoryException;

import java.util.List;

/**
 * The {@link PartialAggregation}s of threads that each aggregated part of one input, combined
 * into the aggregation's results: the same groups, values and group order that one
 * {@link HashAggregationOperator} fed the whole input in order would emit at finish (floating-
 * point sums up to rounding, as they are added in another order).
 *
 * <p>Groups are merged in order of first appearance: the runs of new groups the shares recorded
 * are taken by their position in the input, smallest first, so each group is numbered where the
 * single pass would have numbered it. Then every share's states fold into the merged state.
 */
public final class MergedAggregation implements AutoCloseable {
    private final AggregationState state;
    private final boolean owned;
    private final int[] order;

    private MergedAggregation(AggregationState state, boolean owned) {
        this.state = state;
        this.owned = owned;
        this.order = new int[state.groupCount()];
        for (int group = 0; group < order.length; group++) {
            order[group] = group;
        }
    }

    /**
     * Merges finished shares, which stay open and owned by the caller; with a single share its
     * state is the result as it is.
     */
    public static MergedAggregation of(List<PartialAggregation> shares, List<Expression> keys,
                                       List<AggregateCall> calls, QueryContext context) {
        if (shares.size() == 1) {
            return new MergedAggregation(shares.getFirst().state(), false);
        }
        AggregationState merged;
        try {
            merged = new AggregationState(List.copyOf(keys), List.copyOf(calls), context);
        } catch (OutOfMemoryException e) {
            throw context.memoryExceeded(e);
        }
        try {
            int[][] targets = assignGroups(shares, merged);
            for (int share = 0; share < shares.size(); share++) {
                merged.merge(shares.get(share).state(), targets[share]);
            }
            return new MergedAggregation(merged, true);
        } catch (OutOfMemoryException e) {
            merged.close();
            throw context.memoryExceeded(e);
        } catch (RuntimeException e) {
            merged.close();
            throw e;
        }
    }

    /** Each share's group g as a group of {@code merged}, numbering groups in order of first appearance. */
    private static int[][] assignGroups(List<PartialAggregation> shares, AggregationState merged) {
        int[][] targets = new int[shares.size()][];
        int[] nextRun = new int[shares.size()];
        for (int share = 0; share < targets.length; share++) {
            targets[share] = new int[shares.get(share).state().groupCount()];
        }
        if (merged.isGlobal()) {
            return targets; // the single group 0 everywhere
        }
        while (true) {
            int earliest = -1;
            for (int share = 0; share < targets.length; share++) {
                PartialAggregation candidate = shares.get(share);
                if (nextRun[share] < candidate.runCount() && (earliest < 0
                        || candidate.runOrder(nextRun[share]) < shares.get(earliest).runOrder(nextRun[earliest]))) {
                    earliest = share;
                }
            }
            if (earliest < 0) {
                return targets;
            }
            PartialAggregation share = shares.get(earliest);
            int run = nextRun[earliest]++;
            merged.assignGroups(share.state(), share.runStart(run), share.runEnd(run) - share.runStart(run),
                    targets[earliest]);
        }
    }

    public int groupCount() {
        return state.groupCount();
    }

    /** Keys then aggregate results of groups {@code from..from+count)}, like the aggregation operator's output. */
    public Chunk results(int from, int count) {
        return state.results(order, from, count);
    }

    @Override
    public void close() {
        if (owned) {
            state.close();
        }
    }
}
