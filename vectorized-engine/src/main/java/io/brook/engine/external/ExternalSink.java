package io.brook.engine.external;

import io.brook.engine.chunk.Chunk;

/** The write side of an external stream, opened per INSERT or per materialized view run. */
public interface ExternalSink extends AutoCloseable {

    /** Delivers one chunk (borrowed for the call); a failure fails the INSERT or view step. */
    void write(Chunk chunk);

    /** No more chunks will come; flush anything buffered. */
    default void finish() {
    }

    @Override
    void close();
}
