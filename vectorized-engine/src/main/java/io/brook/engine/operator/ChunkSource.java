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

    /**
     * For a source of an external stream: where a read would continue after the chunks returned
     * so far, as text its type understands and takes back through {@code ReadOptions.resumeFrom}
     * (Kafka: the next offset of each partition). Materialized views keep it in their
     * checkpoints. Null when the source keeps no positions.
     */
    default String resumePosition() {
        return null;
    }

    @Override
    void close();
}
