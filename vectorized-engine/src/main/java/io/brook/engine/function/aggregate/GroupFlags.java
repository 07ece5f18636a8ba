package io.brook.engine.function.aggregate;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.memory.ByteArray;
import io.brook.engine.expr.memory.Memory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * One byte per group saying it has seen a non-null value: what makes sum or min of a nullable
 * column NULL for a group of only NULLs, and lets min/max/any know their first value.
 */
final class GroupFlags implements AutoCloseable {
    private final ByteArray flags;

    GroupFlags(BufferAllocator allocator) {
        this.flags = new ByteArray(allocator, 1);
    }

    void ensureGroups(int groupCount) {
        flags.ensureCapacity(groupCount);
    }

    boolean isSet(int group) {
        return flags.get(group) != 0;
    }

    void set(int group) {
        flags.set(group, (byte) 1);
    }

    /** Marks every group that got a non-null value of {@code argument} in these rows. */
    void markNonNull(FieldVector argument, Chunk rows, int[] groupIds) {
        long validity = argument.getValidityBufferAddress();
        long base = flags.address();
        boolean allValid = argument.getNullCount() == 0;
        for (int row = 0; row < rows.size(); row++) {
            int group = groupIds == null ? 0 : groupIds[row];
            if (allValid || Memory.bit(validity, rows.position(row)) != 0) {
                Memory.putByte(base + group, (byte) 1);
            }
        }
    }

    /** Sets the flag of {@code targets[g]} for every group {@code g < count} set in {@code partial}. */
    void merge(GroupFlags partial, int[] targets, int count) {
        for (int group = 0; group < count; group++) {
            if (partial.isSet(group)) {
                set(targets[group]);
            }
        }
    }

    byte[] toBytes(int groupCount) {
        return flags.toBytes(groupCount);
    }

    void load(byte[] bytes) {
        flags.clear();
        flags.loadBytes(bytes);
    }

    @Override
    public void close() {
        flags.close();
    }
}
