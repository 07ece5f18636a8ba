package io.brook.engine.operator;

import io.brook.engine.chunk.Chunk;

/**
 * One step of a push-style pipeline. The driver pushes chunks from a source into the first
 * operator; each operator pushes its results into the next one, ending in a sink.
 *
 * <p>Contract: {@link #push} borrows the chunk for the duration of the call (retain it to keep
 * it); {@link #finish} says the input has ended, so the operator flushes what it holds and
 * finishes its downstream; {@link #tick} lets time-driven operators (periodic emit, watermarks,
 * idle timeouts) act while no data arrives; {@link #close} releases everything and closes the
 * downstream, whether or not finish was called. All calls come from one thread at a time.
 */
public interface Operator extends AutoCloseable {

    void push(Chunk chunk);

    void finish();

    /** Time passed with or without data; {@code nowMillis} is wall-clock time. */
    default void tick(long nowMillis) {
    }

    @Override
    void close();
}
