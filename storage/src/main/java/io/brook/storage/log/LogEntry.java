package io.brook.storage.log;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One decoded log entry: its header and its rows, in vectors owned by the allocator the reader
 * passed to {@link LogCursor#poll}. Closing the entry releases the vectors.
 */
public record LogEntry(EntryHeader header, VectorSchemaRoot batch) implements AutoCloseable {
    @Override
    public void close() {
        batch.close();
    }
}
