package io.brook.engine.function.aggregate;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.chunk.RowMask;
import org.apache.arrow.vector.FieldVector;

/**
 * The state of one aggregate call for every group, kept in off-heap arrays indexed by group id
 * (never an object per group). Groups are dense ids 0..n-1 handed out by the group-by hash.
 *
 * <p>Results can be read at any time without disturbing the state, so a streaming query can
 * emit running results; the state can be written to bytes and read back for checkpoints.
 */
public interface GroupedAggregator extends AutoCloseable {

    /** Makes room for groups {@code 0..groupCount-1}; new groups start empty. */
    void ensureGroups(int groupCount);

    /**
     * Adds the chunk's live rows: live row {@code i} belongs to group {@code groupIds[i]}, or to
     * group 0 when {@code groupIds} is null (a global aggregation). Argument vectors are read at
     * the rows' physical positions.
     */
    void add(FieldVector[] arguments, Chunk rows, int[] groupIds);

    /**
     * True when {@link #addMasked} works: the aggregate can take a filter's rows as a
     * {@link RowMask}. Aggregates that cannot are handed the passing rows as a selection.
     */
    default boolean takesMask() {
        return false;
    }

    /**
     * A global aggregation with a fused filter: adds to group 0 the rows of a dense chunk whose
     * bit is set in {@code mask}. The argument vectors hold a value at every row of the chunk;
     * rows outside the mask must leave no trace, whatever they hold (NaN, infinity, nulls).
     */
    default void addMasked(FieldVector[] arguments, RowMask mask) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " takes no row mask");
    }

    /**
     * Writes the results of groups {@code groups[from .. from+count)} at positions
     * {@code 0..count-1} of {@code output} (a fresh vector of the call's type with room for
     * {@code count} values) and sets its value count.
     */
    void write(int[] groups, int from, int count, FieldVector output);

    /**
     * Folds {@code partial}, a state of the same aggregate call filled from other rows, into this
     * one: its group {@code g} into group {@code targets[g]}, for {@code g < count} (this state
     * already has room for every target). Afterwards this state holds what one state fed with
     * both sets of rows would (floating-point sums up to rounding). Only called for calls that
     * are {@link AggregateCall#mergeable()}.
     */
    default void merge(GroupedAggregator partial, int[] targets, int count) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot merge partial states");
    }

    /** The state of groups {@code 0..groupCount-1}. */
    byte[] serialize(int groupCount);

    /** Replaces the state with what {@link #serialize} wrote. */
    void deserialize(byte[] data, int groupCount);

    @Override
    void close();
}
