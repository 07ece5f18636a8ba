package io.brook.engine.function.aggregate;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.chunk.RowMask;
import io.brook.engine.expr.memory.LongArray;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.vector.Validity;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/** {@code count()} (rows) and {@code count(x)} (non-null values of x), as uint64. */
final class CountAggregator implements GroupedAggregator {
    private final LongArray counts;

    CountAggregator(BufferAllocator allocator) {
        this.counts = new LongArray(allocator, 1);
    }

    @Override
    public void ensureGroups(int groupCount) {
        counts.ensureCapacity(groupCount);
    }

    @Override
    public void add(FieldVector[] arguments, Chunk rows, int[] groupIds) {
        int count = rows.size();
        FieldVector argument = arguments.length == 0 ? null : arguments[0];
        boolean allValid = argument == null || argument.getNullCount() == 0;
        if (groupIds == null) {
            long added = count;
            if (!allValid) {
                long validity = argument.getValidityBufferAddress();
                added = 0;
                for (int row = 0; row < count; row++) {
                    added += Memory.bit(validity, rows.position(row));
                }
            }
            counts.set(0, counts.get(0) + added);
            return;
        }
        long base = counts.address();
        if (allValid) {
            for (int row = 0; row < count; row++) {
                long address = base + ((long) groupIds[row] << 3);
                Memory.putLong(address, Memory.getLong(address) + 1);
            }
        } else {
            long validity = argument.getValidityBufferAddress();
            for (int row = 0; row < count; row++) {
                long address = base + ((long) groupIds[row] << 3);
                Memory.putLong(address, Memory.getLong(address) + Memory.bit(validity, rows.position(row)));
            }
        }
    }

    @Override
    public void merge(GroupedAggregator partial, int[] targets, int count) {
        LongArray other = ((CountAggregator) partial).counts;
        for (int group = 0; group < count; group++) {
            counts.set(targets[group], counts.get(targets[group]) + other.get(group));
        }
    }

    @Override
    public boolean takesMask() {
        return true;
    }

    /** The passing rows are the mask's bit count; for count(x), those where x is not null. */
    @Override
    public void addMasked(FieldVector[] arguments, RowMask mask) {
        long added = arguments.length == 0 ? mask.passingCount()
                : mask.count(mask.passingAndValid(arguments[0]));
        counts.set(0, counts.get(0) + added);
    }

    @Override
    public void write(int[] groups, int from, int count, FieldVector output) {
        long target = output.getDataBufferAddress();
        for (int index = 0; index < count; index++) {
            Memory.putLong(target + 8L * index, counts.get(groups[from + index]));
        }
        Validity.setAll(output, count);
        output.setValueCount(count);
    }

    @Override
    public byte[] serialize(int groupCount) {
        return StateBytes.write("count", counts.toBytes(groupCount));
    }

    @Override
    public void deserialize(byte[] data, int groupCount) {
        byte[][] sections = StateBytes.read("count", data);
        counts.clear();
        counts.loadBytes(sections[0]);
    }

    @Override
    public void close() {
        counts.close();
    }
}
