package io.brook.engine.view;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.operator.Operator;

/**
 * The first operator of a view's pipeline: tells the run about each chunk once the whole
 * pipeline has taken it, and lets the run checkpoint on ticks, between chunks, where every
 * operator's state agrees with the source position.
 */
final class ViewHead implements Operator {
    private final Operator downstream;
    private final ViewRun run;

    ViewHead(Operator downstream, ViewRun run) {
        this.downstream = downstream;
        this.run = run;
    }

    @Override
    public void push(Chunk chunk) {
        run.arrived();
        downstream.push(chunk);
        run.processed(chunk.size());
    }

    @Override
    public void finish() {
        downstream.finish();
    }

    @Override
    public void tick(long nowMillis) {
        downstream.tick(nowMillis);
        run.tick(nowMillis);
    }

    @Override
    public void close() {
        downstream.close();
    }
}
