package io.brook.engine.function.user;

import org.apache.arrow.vector.FieldVector;

import java.util.List;

/**
 * The states of one user aggregate call, one per group (groups are dense ids 0..n-1). A group
 * that never saw a row still has a state: the function's fresh one.
 */
public interface UserAggregateGroups extends AutoCloseable {

    /**
     * Adds one chunk's rows. The argument columns are dense and ordered by group: run {@code k}
     * holds rows {@code starts[k] .. starts[k+1]-1}, all of group {@code groups[k]}, for
     * {@code k < runs}; each group appears in at most one run.
     */
    void process(List<FieldVector> arguments, int[] groups, int[] starts, int runs);

    /**
     * Writes the results of groups {@code groups[from .. from+count)} at positions
     * {@code 0..count-1} of {@code output} and sets its value count. The states stay as they
     * are, so running results can be emitted again later.
     */
    void finalizeInto(int[] groups, int from, int count, FieldVector output);

    /** The states of groups {@code 0..groupCount-1}; only when the function has no checkpoint problem. */
    byte[] serialize(int groupCount);

    /** Replaces the states with what {@link #serialize} wrote. */
    void deserialize(byte[] data, int groupCount);

    @Override
    void close();
}
