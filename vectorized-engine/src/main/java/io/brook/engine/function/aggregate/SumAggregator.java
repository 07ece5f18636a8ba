package io.brook.engine.function.aggregate;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.chunk.RowMask;
import io.brook.engine.expr.memory.LongArray;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.memory.Scratch;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.expr.vector.Validity;
import io.brook.engine.types.BrookType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code sum(x)}: integers into int64 or uint64 (wrapping on overflow, as ClickHouse), floats into
 * float64. Nulls are skipped; a nullable input gives NULL for a group without any value.
 *
 * <p>The global float64 sum is the engine's hottest aggregate loop: it reads the Arrow buffer
 * directly with four independent accumulators so additions overlap in the CPU.
 */
final class SumAggregator implements GroupedAggregator {
    private final BrookType input;
    private final boolean floating;
    private final boolean nullable;
    private final LongArray sums;
    private final GroupFlags seen;

    SumAggregator(BufferAllocator allocator, BrookType input) {
        this.input = input;
        this.floating = input.kind().isFloating();
        this.nullable = input.nullable();
        LongArray newSums = new LongArray(allocator, 1);
        try {
            this.seen = nullable ? new GroupFlags(allocator) : null;
        } catch (RuntimeException e) {
            newSums.close();
            throw e;
        }
        this.sums = newSums;
    }

    @Override
    public void ensureGroups(int groupCount) {
        sums.ensureCapacity(groupCount);
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
        boolean hasNulls = !Validity.hasNoNulls(argument);
        if (floating) {
            if (groupIds == null && !hasNulls && Storage.of(input) == Storage.FLOAT64) {
                sums.setDouble(0, sums.getDouble(0) + GlobalSums.float64(argument.getDataBufferAddress(), rows));
                return;
            }
            addDoubles(argument, rows, groupIds, hasNulls);
        } else {
            addLongs(argument, rows, groupIds, hasNulls);
        }
    }

    @Override
    public boolean takesMask() {
        return true;
    }

    @Override
    public void addMasked(FieldVector[] arguments, RowMask mask) {
        FieldVector argument = arguments[0];
        long[] bits = mask.passingAndValid(argument);
        if (seen != null && mask.count(bits) > 0) {
            seen.set(0);
        }
        if (floating) {
            sums.setDouble(0, sums.getDouble(0) + MaskedSums.doubles(argument, input, bits, mask.rowCount()));
        } else {
            sums.set(0, sums.get(0) + MaskedSums.longs(argument, Storage.of(input), bits, mask.rowCount()));
        }
    }

    private void addDoubles(FieldVector argument, Chunk rows, int[] groupIds, boolean hasNulls) {
        int count = rows.size();
        double[] values = Scratch.current().doubles(0, count);
        io.brook.engine.expr.kernel.Gather.doubles(argument, input, rows.selection(), count, values);
        if (hasNulls) {
            long validity = argument.getValidityBufferAddress();
            for (int row = 0; row < count; row++) {
                if (Memory.bit(validity, rows.position(row)) == 0) {
                    values[row] = 0;
                }
            }
        }
        if (groupIds == null) {
            double total = 0;
            for (int row = 0; row < count; row++) {
                total += values[row];
            }
            sums.setDouble(0, sums.getDouble(0) + total);
            return;
        }
        long base = sums.address();
        for (int row = 0; row < count; row++) {
            long address = base + ((long) groupIds[row] << 3);
            Memory.putDouble(address, Memory.getDouble(address) + values[row]);
        }
    }

    private void addLongs(FieldVector argument, Chunk rows, int[] groupIds, boolean hasNulls) {
        int count = rows.size();
        long[] values = Scratch.current().longs(0, count);
        io.brook.engine.expr.kernel.Gather.longs(argument, Storage.of(input), rows.selection(), count, values);
        if (hasNulls) {
            long validity = argument.getValidityBufferAddress();
            for (int row = 0; row < count; row++) {
                // multiplying by the validity bit drops nulls without a branch
                values[row] *= Memory.bit(validity, rows.position(row));
            }
        }
        if (groupIds == null) {
            long total = 0;
            for (int row = 0; row < count; row++) {
                total += values[row];
            }
            sums.set(0, sums.get(0) + total);
            return;
        }
        long base = sums.address();
        for (int row = 0; row < count; row++) {
            long address = base + ((long) groupIds[row] << 3);
            Memory.putLong(address, Memory.getLong(address) + values[row]);
        }
    }

    @Override
    public void merge(GroupedAggregator partial, int[] targets, int count) {
        SumAggregator other = (SumAggregator) partial;
        for (int group = 0; group < count; group++) {
            int target = targets[group];
            if (floating) {
                sums.setDouble(target, sums.getDouble(target) + other.sums.getDouble(group));
            } else {
                sums.set(target, sums.get(target) + other.sums.get(group));
            }
        }
        if (seen != null) {
            seen.merge(other.seen, targets, count);
        }
    }

    @Override
    public void write(int[] groups, int from, int count, FieldVector output) {
        long target = output.getDataBufferAddress();
        for (int index = 0; index < count; index++) {
            Memory.putLong(target + 8L * index, sums.get(groups[from + index]));
        }
        Validity.setAll(output, count);
        if (seen != null) {
            for (int index = 0; index < count; index++) {
                if (!seen.isSet(groups[from + index])) {
                    Memory.clearBit(output.getValidityBufferAddress(), index);
                }
            }
        }
        output.setValueCount(count);
    }

    @Override
    public byte[] serialize(int groupCount) {
        return StateBytes.write("sum", sums.toBytes(groupCount), seen == null ? new byte[0] : seen.toBytes(groupCount));
    }

    @Override
    public void deserialize(byte[] data, int groupCount) {
        byte[][] sections = StateBytes.read("sum", data);
        sums.clear();
        sums.loadBytes(sections[0]);
        if (seen != null) {
            seen.load(sections[1]);
        }
    }

    @Override
    public void close() {
        sums.close();
        if (seen != null) {
            seen.close();
        }
    }
}
