package io.brook.engine.function.aggregate;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.memory.LongArray;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.vector.Validity;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code sum} of decimal128 values into decimal(38, s): 128-bit two's complement additions on
 * a low and a high word per group, with the carry from the low word.
 */
final class DecimalSumAggregator implements GroupedAggregator {
    private final LongArray lows;
    private final LongArray highs;
    private final GroupFlags seen;

    DecimalSumAggregator(BufferAllocator allocator, boolean nullable) {
        LongArray newLows = null;
        LongArray newHighs = null;
        try {
            newLows = new LongArray(allocator, 1);
            newHighs = new LongArray(allocator, 1);
            this.seen = nullable ? new GroupFlags(allocator) : null;
        } catch (RuntimeException e) {
            Resources.closeAll(newLows, newHighs);
            throw e;
        }
        this.lows = newLows;
        this.highs = newHighs;
    }

    @Override
    public void ensureGroups(int groupCount) {
        lows.ensureCapacity(groupCount);
        highs.ensureCapacity(groupCount);
        if (seen != null) {
            seen.ensureGroups(groupCount);
        }
    }

    @Override
    public void add(FieldVector[] arguments, Chunk rows, int[] groupIds) {
        FieldVector argument = arguments[0];
        if (seen != null) {
            seen.markNonNull(argument, rows, groupIds);
        }
        long data = argument.getDataBufferAddress();
        long validity = argument.getValidityBufferAddress();
        boolean allValid = argument.getNullCount() == 0;
        for (int row = 0; row < rows.size(); row++) {
            int position = rows.position(row);
            if (!allValid && Memory.bit(validity, position) == 0) {
                continue;
            }
            int group = groupIds == null ? 0 : groupIds[row];
            add(group, Memory.getLong(data + 16L * position), Memory.getLong(data + 16L * position + 8));
        }
    }

    /** Adds the 128-bit value {@code high:low} to the group's sum, carrying out of the low word. */
    private void add(int group, long addedLow, long addedHigh) {
        long low = lows.get(group);
        long sumLow = low + addedLow;
        long carry = Long.compareUnsigned(sumLow, low) < 0 ? 1 : 0;
        lows.set(group, sumLow);
        highs.set(group, highs.get(group) + addedHigh + carry);
    }

    @Override
    public void merge(GroupedAggregator partial, int[] targets, int count) {
        DecimalSumAggregator other = (DecimalSumAggregator) partial;
        for (int group = 0; group < count; group++) {
            add(targets[group], other.lows.get(group), other.highs.get(group));
        }
        if (seen != null) {
            seen.merge(other.seen, targets, count);
        }
    }

    @Override
    public void write(int[] groups, int from, int count, FieldVector output) {
        long target = output.getDataBufferAddress();
        Validity.setAll(output, count);
        for (int index = 0; index < count; index++) {
            int group = groups[from + index];
            Memory.putLong(target + 16L * index, lows.get(group));
            Memory.putLong(target + 16L * index + 8, highs.get(group));
            if (seen != null && !seen.isSet(group)) {
                Memory.clearBit(output.getValidityBufferAddress(), index);
            }
        }
        output.setValueCount(count);
    }

    @Override
    public byte[] serialize(int groupCount) {
        return StateBytes.write("decimal_sum", lows.toBytes(groupCount), highs.toBytes(groupCount),
                seen == null ? new byte[0] : seen.toBytes(groupCount));
    }

    @Override
    public void deserialize(byte[] data, int groupCount) {
        byte[][] sections = StateBytes.read("decimal_sum", data);
        lows.clear();
        highs.clear();
        lows.loadBytes(sections[0]);
        highs.loadBytes(sections[1]);
        if (seen != null) {
            seen.load(sections[2]);
        }
    }

    @Override
    public void close() {
        lows.close();
        highs.close();
        if (seen != null) {
            seen.close();
        }
    }
}
