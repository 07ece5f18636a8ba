package io.brook.engine.operator;

import io.brook.engine.chunk.Chunk;

/**
 * Where a pipeline's chunks come from: a log scan, a log tail, an external stream. Pulled by
 * the driver, which pushes each chunk into the operators.
 */
public interface ChunkSource extends AutoCloseable {

    /**
     * The next chunk, owned by the caller, waiting at most {@code maxWaitNanos} for one (without
     * spinning); null when none arrived in time or the source is finished.
     */
    Chunk next(long maxWaitNanos) throws InterruptedException;

    /** True once the source will produce nothing more (a bounded scan reached its end). */
    boolean isFinished();

    /** One line for EXPLAIN. */
    String describe();

    @Override
    void close();
}
