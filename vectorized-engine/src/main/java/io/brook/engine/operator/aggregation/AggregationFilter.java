package io.brook.engine.operator.aggregation;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.chunk.RowMask;
import io.brook.engine.expr.Expression;
import io.brook.engine.query.QueryContext;

import java.util.Arrays;

/**
 * A WHERE predicate fused into a global aggregation (no GROUP BY keys), so that no selection
 * vector sits between the filter and the aggregates. Over a dense chunk the predicate becomes a
 * {@link RowMask} and the aggregates that can read it add "the value or nothing" per row (sum,
 * avg, count); the others get the passing rows as a selection. A chunk that already carries a
 * selection is filtered into a narrower one, as the filter operator would.
 *
 * <p>The rows that reach the aggregates are exactly those a filter operator would have passed
 * on, and a chunk without any passing row is dropped in the same way, so emitting (on update,
 * periodic without new rows) sees the same input.
 */
final class AggregationFilter {
    private final Expression predicate;
    private final RowMask mask = new RowMask();
    private int[] positions = new int[0];

    AggregationFilter(Expression predicate) {
        this.predicate = predicate;
    }

    /** Adds the chunk's passing rows to {@code state}; false when none passed and nothing was added. */
    boolean add(Chunk chunk, AggregationState state, QueryContext context) {
        if (!chunk.isDense()) {
            return addSelected(chunk, state, context);
        }
        predicate.maskInto(chunk, context, mask);
        if (mask.passingCount() == 0) {
            return false;
        }
        if (mask.allPass()) {
            state.add(chunk);
        } else {
            state.addPassing(chunk, mask);
        }
        return true;
    }

    private boolean addSelected(Chunk chunk, AggregationState state, QueryContext context) {
        if (positions.length < chunk.size()) {
            positions = new int[chunk.size()];
        }
        int count = predicate.selectInto(chunk, context, positions);
        if (count == 0) {
            return false;
        }
        if (count == chunk.size()) {
            state.add(chunk);
            return true;
        }
        try (Chunk filtered = chunk.withSelection(Arrays.copyOf(positions, count), count)) {
            state.add(filtered);
        }
        return true;
    }
}
