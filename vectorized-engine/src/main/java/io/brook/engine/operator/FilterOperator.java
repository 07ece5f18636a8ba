package io.brook.engine.operator;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.Expression;
import io.brook.engine.query.QueryContext;
import org.apache.arrow.memory.OutOfMemoryException;

import java.util.Arrays;

/**
 * WHERE: turns a predicate into a selection vector over the chunk's vectors (nothing is copied)
 * and drops chunks with no rows left. Chunks where every row passes go on unchanged.
 */
public final class FilterOperator implements Operator {
    private final Expression predicate;
    private final QueryContext context;
    private final Operator downstream;
    /** Reused for every chunk; each filtered chunk gets an exact-size copy, which skips zeroing. */
    private int[] positions = new int[0];

    public FilterOperator(Expression predicate, QueryContext context, Operator downstream) {
        this.predicate = predicate;
        this.context = context;
        this.downstream = downstream;
    }

    @Override
    public void push(Chunk chunk) {
        context.checkAlive();
        if (chunk.isEmpty()) {
            return;
        }
        if (positions.length < chunk.size()) {
            positions = new int[chunk.size()];
        }
        int count;
        try {
            count = predicate.selectInto(chunk, context, positions);
        } catch (OutOfMemoryException e) {
            throw context.memoryExceeded(e);
        }
        if (count == 0) {
            return;
        }
        if (count == chunk.size()) {
            downstream.push(chunk);
            return;
        }
        try (Chunk filtered = chunk.withSelection(Arrays.copyOf(positions, count), count)) {
            downstream.push(filtered);
        }
    }

    @Override
    public void finish() {
        downstream.finish();
    }

    @Override
    public void tick(long nowMillis) {
        downstream.tick(nowMillis);
    }

    @Override
    public void close() {
        downstream.close();
    }

    /** Plans a filter by a bound boolean predicate. */
    public static final class Factory implements OperatorFactory {
        private final Expression predicate;

        public Factory(Expression predicate) {
            this.predicate = predicate;
        }

        @Override
        public Operator create(QueryContext context, Operator downstream) {
            return new FilterOperator(predicate, context, downstream);
        }

        @Override
        public String describe() {
            return "Filter (" + predicate.describe() + ")";
        }
    }
}
