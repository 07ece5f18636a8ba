package io.brook.engine.view;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.operator.Operator;

/**
 * Between a view's query and its target's sink: drops the first rows a restored run produces
 * that the target already holds (exactly-once into streams), and counts the rows delivered.
 */
final class ViewOutput implements Operator {
    private final Operator sink;
    private final ViewRun run;
    private long skip;

    ViewOutput(Operator sink, long skip, ViewRun run) {
        this.sink = sink;
        this.skip = skip;
        this.run = run;
    }

    @Override
    public void push(Chunk chunk) {
        int size = chunk.size();
        if (size == 0) {
            return;
        }
        if (skip >= size) {
            skip -= size;
            return;
        }
        int skipped = (int) skip;
        skip = 0;
        if (skipped == 0) {
            sink.push(chunk);
        } else {
            try (Chunk rest = chunk.slice(skipped, size - skipped)) {
                sink.push(rest);
            }
        }
        run.delivered(size - skipped);
    }

    /** Whether rows the target already holds are still to come (and be dropped). */
    boolean replaying() {
        return skip > 0;
    }

    @Override
    public void finish() {
        sink.finish();
    }

    @Override
    public void tick(long nowMillis) {
        sink.tick(nowMillis);
    }

    @Override
    public void close() {
        sink.close();
    }
}
