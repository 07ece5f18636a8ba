package io.brook.engine.operator.hash;

import io.brook.engine.chunk.Chunk;
import org.apache.arrow.vector.FieldVector;

/**
 * One group-by key column inside {@link GroupByHash}: hashes a chunk's values, compares a row
 * with a group's stored key, stores the key of a new group, and writes keys back out. A column
 * first {@link #load loads} the chunk (caching what the per-row calls need), then answers for
 * live row {@code row} at physical position {@code position}.
 */
interface KeyColumn extends AutoCloseable {

    /** Reads the chunk's values and folds their hashes into {@code hashes} (row-indexed). */
    void load(FieldVector vector, Chunk rows, long[] hashes, boolean first);

    boolean matches(int group, int row, int position);

    void append(int group, int row, int position);

    void ensureGroups(int groupCount);

    /** Writes keys of {@code groups[from..from+count)} at positions 0..count-1 and sets the value count. */
    void write(int[] groups, int from, int count, FieldVector output);

    byte[] serialize(int groupCount);

    void deserialize(byte[] data, int groupCount);

    /** Re-hashes a stored key (after restoring a checkpoint), folded like {@link #load}. */
    long storedHash(int group);

    @Override
    void close();
}
