package io.brook.engine.operator;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.query.QueryContext;

/**
 * LIMIT n OFFSET m over live rows. Chunks are sliced (the vectors are shared, not copied); once
 * n rows went through, the query is asked to stop (a streaming query ends here, SPEC 1.5).
 */
public final class LimitOperator implements Operator {
    private final long offset;
    private final long limit;
    private final QueryContext context;
    private final Operator downstream;
    private long skipped;
    private long emitted;

    public LimitOperator(long offset, long limit, QueryContext context, Operator downstream) {
        this.offset = offset;
        this.limit = limit;
        this.context = context;
        this.downstream = downstream;
        if (limit == 0) {
            context.requestStop();
        }
    }

    @Override
    public void push(Chunk chunk) {
        if (emitted >= limit) {
            return;
        }
        int size = chunk.size();
        int start = 0;
        if (skipped < offset) {
            start = (int) Math.min(offset - skipped, size);
            skipped += start;
        }
        int take = (int) Math.min(limit - emitted, size - start);
        if (take <= 0) {
            return;
        }
        emitted += take;
        if (start == 0 && take == size) {
            downstream.push(chunk);
        } else {
            try (Chunk slice = chunk.slice(start, take)) {
                downstream.push(slice);
            }
        }
        if (emitted >= limit) {
            context.requestStop();
        }
    }

    /** True once every row the limit allows has gone through. */
    public boolean isSatisfied() {
        return emitted >= limit;
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

    /** Plans {@code LIMIT limit OFFSET offset}. */
    public static final class Factory implements OperatorFactory {
        private final long offset;
        private final long limit;

        public Factory(long offset, long limit) {
            if (offset < 0 || limit < 0) {
                throw new IllegalArgumentException("negative offset or limit");
            }
            this.offset = offset;
            this.limit = limit;
        }

        @Override
        public Operator create(QueryContext context, Operator downstream) {
            return new LimitOperator(offset, limit, context, downstream);
        }

        @Override
        public String describe() {
            return "Limit " + limit + (offset > 0 ? " offset " + offset : "");
        }
    }
}
