package io.brook.engine.function.aggregate;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.chunk.RowMask;
import io.brook.engine.expr.kernel.Gather;
import io.brook.engine.expr.memory.LongArray;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.memory.Scratch;
import io.brook.engine.expr.vector.Validity;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code avg(x)} as float64: a sum and a count of non-null values per group. A group without
 * values gives nan (ClickHouse), or NULL when the input is nullable.
 */
final class AverageAggregator implements GroupedAggregator {
    private final BrookType input;
    private final LongArray sums;
    private final LongArray counts;

    AverageAggregator(BufferAllocator allocator, BrookType input) {
        this.input = input;
        LongArray newSums = new LongArray(allocator, 1);
        try {
            this.counts = new LongArray(allocator, 1);
        } catch (RuntimeException e) {
            newSums.close();
            throw e;
        }
        this.sums = newSums;
    }

    @Override
    public void ensureGroups(int groupCount) {
        sums.ensureCapacity(groupCount);
        counts.ensureCapacity(groupCount);
    }

    @Override
    public void add(FieldVector[] arguments, Chunk rows, int[] groupIds) {
        FieldVector argument = arguments[0];
        int count = rows.size();
        double[] values = Scratch.current().doubles(0, count);
        Gather.doubles(argument, input, rows.selection(), count, values);
        boolean allValid = argument.getNullCount() == 0;
        long validity = argument.getValidityBufferAddress();
        long sumBase = sums.address();
        long countBase = counts.address();
        for (int row = 0; row < count; row++) {
            int valid = allValid ? 1 : Memory.bit(validity, rows.position(row));
            if (valid == 0) {
                continue;
            }
            long group = groupIds == null ? 0 : groupIds[row];
            Memory.putDouble(sumBase + (group << 3), Memory.getDouble(sumBase + (group << 3)) + values[row]);
            Memory.putLong(countBase + (group << 3), Memory.getLong(countBase + (group << 3)) + 1);
        }
    }

    /** Not for decimals: large ones convert value by value, not worth doing at rows that do not pass. */
    @Override
    public boolean takesMask() {
        return input.kind() != TypeKind.DECIMAL;
    }

    @Override
    public void addMasked(FieldVector[] arguments, RowMask mask) {
        FieldVector argument = arguments[0];
        long[] bits = mask.passingAndValid(argument);
        int values = mask.count(bits);
        if (values > 0) {
            sums.setDouble(0, sums.getDouble(0) + MaskedSums.doubles(argument, input, bits, mask.rowCount()));
            counts.set(0, counts.get(0) + values);
        }
    }

    @Override
    public void merge(GroupedAggregator partial, int[] targets, int count) {
        AverageAggregator other = (AverageAggregator) partial;
        for (int group = 0; group < count; group++) {
            int target = targets[group];
            sums.setDouble(target, sums.getDouble(target) + other.sums.getDouble(group));
            counts.set(target, counts.get(target) + other.counts.get(group));
        }
    }

    @Override
    public void write(int[] groups, int from, int count, FieldVector output) {
        long target = output.getDataBufferAddress();
        Validity.setAll(output, count);
        for (int index = 0; index < count; index++) {
            int group = groups[from + index];
            long values = counts.get(group);
            Memory.putDouble(target + 8L * index, values == 0 ? Double.NaN : sums.getDouble(group) / values);
            if (values == 0 && input.nullable()) {
                Memory.clearBit(output.getValidityBufferAddress(), index);
            }
        }
        output.setValueCount(count);
    }

    @Override
    public byte[] serialize(int groupCount) {
        return StateBytes.write("avg", sums.toBytes(groupCount), counts.toBytes(groupCount));
    }

    @Override
    public void deserialize(byte[] data, int groupCount) {
        byte[][] sections = StateBytes.read("avg", data);
        sums.clear();
        counts.clear();
        sums.loadBytes(sections[0]);
        counts.loadBytes(sections[1]);
    }

    @Override
    public void close() {
        sums.close();
        counts.close();
    }
}
