package io.brook.engine.operator.hash;

import io.brook.engine.chunk.Chunk;
import org.apache.arrow.vector.FieldVector;

/**
 * One group-by key column inside {@link GroupByHash}: hashes a chunk's values, compares a row
 * with a group's stored key, stores the key of a new group, and writes keys back out. A column
 * first {@link #load loads} the chunk (caching what the per-row calls need), then answers for
 * live row {@code row} at physical position {@code position}.
 *
 * <p>Each key also has a tag and a word, which a table with this column as its only key keeps
 * in its slots: equal keys have equal tags and words, and for a tag of at most
 * {@link #EXACT_TAGS} the pair is the whole key (a number, a string of up to 8 bytes, NULL), so
 * equal pairs mean equal keys; for larger tags the word is a hash and {@link #matches} decides.
 */
interface KeyColumn extends AutoCloseable {
    /** Tags up to this one identify a key together with its word. */
    int EXACT_TAGS = 8;

    /** Reads the chunk's values and folds their hashes into {@code hashes} (row-indexed). */
    void load(FieldVector vector, Chunk rows, long[] hashes, boolean first);

    /** Tag of each row loaded last, row-indexed; the array may be longer than the chunk. */
    int[] rowTags();

    /** Word of each row loaded last, row-indexed; the array may be longer than the chunk. */
    long[] rowWords();

    /** Tag of a group's stored key, as {@link #rowTags} gave it. */
    int storedTag(int group);

    /** Word of a group's stored key, as {@link #rowWords} gave it. */
    long storedWord(int group);

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
