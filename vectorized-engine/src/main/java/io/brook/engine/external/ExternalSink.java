package io.brook.engine.external;

import io.brook.engine.chunk.Chunk;

/** The write side of an external stream, opened per INSERT or per materialized view run. */
public interface ExternalSink extends AutoCloseable {

    /** Delivers one chunk (borrowed for the call); a failure fails the INSERT or view step. */
    void write(Chunk chunk);

    /**
     * Waits until every chunk written so far is delivered, and throws if one could not be. A
     * view calls this before each checkpoint, so that a checkpoint never passes rows a sink
     * could still lose; a sink that delivers within {@link #write} need not override it.
     */
    default void flush() {
    }

    /** No more chunks will come; flush anything buffered. */
    default void finish() {
    }

    @Override
    void close();
}
