package io.brook.engine.function.aggregate;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.Operand;
import io.brook.engine.expr.kernel.Gather;
import io.brook.engine.expr.kernel.StringColumn;
import io.brook.engine.expr.memory.ByteHeap;
import io.brook.engine.expr.memory.LongArray;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.memory.Scratch;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.expr.vector.StringWriter;
import io.brook.engine.types.BrookType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code min}, {@code max}, {@code any} (first value seen) and {@code any_last}, for any comparable
 * type: integers, dates and datetimes as longs (uint64 in unsigned order), floats as doubles,
 * decimals as 128-bit integers, strings and uuids as bytes in an off-heap heap. NULLs are skipped;
 * a group that saw no value gives NULL (nullable input) or the type's zero.
 */
final class ExtremumAggregator implements GroupedAggregator {

    enum Mode { MIN, MAX, ANY, ANY_LAST }

    private final Mode mode;
    private final BrookType type;
    private final Storage storage;
    private final BufferAllocator allocator;
    private final GroupFlags has;
    private final LongArray values;
    private final LongArray highs;
    private final ByteHeap strings;

    ExtremumAggregator(BufferAllocator allocator, Mode mode, BrookType type) {
        this.mode = mode;
        this.type = type;
        this.storage = Storage.of(type);
        this.allocator = allocator;
        boolean bytes = storage == Storage.VARIABLE || storage == Storage.FIXED_BYTES;
        GroupFlags newHas = null;
        LongArray newValues = null;
        LongArray newHighs = null;
        try {
            newHas = new GroupFlags(allocator);
            newValues = bytes ? null : new LongArray(allocator, 1);
            newHighs = storage == Storage.DECIMAL128 ? new LongArray(allocator, 1) : null;
            this.strings = bytes ? new ByteHeap(allocator, 1) : null;
        } catch (RuntimeException e) {
            Resources.closeAll(newHas, newValues, newHighs);
            throw e;
        }
        this.has = newHas;
        this.values = newValues;
        this.highs = newHighs;
    }

    @Override
    public void ensureGroups(int groupCount) {
        has.ensureGroups(groupCount);
        if (values != null) {
            values.ensureCapacity(groupCount);
        }
        if (highs != null) {
            highs.ensureCapacity(groupCount);
        }
        if (strings != null) {
            strings.ensureSlots(groupCount);
        }
    }

    @Override
    public void add(FieldVector[] arguments, Chunk rows, int[] groupIds) {
        FieldVector argument = arguments[0];
        switch (storage) {
            case FLOAT32, FLOAT64 -> addDoubles(argument, rows, groupIds);
            case DECIMAL128 -> addDecimals(argument, rows, groupIds);
            case VARIABLE, FIXED_BYTES -> addBytes(argument, rows, groupIds);
            default -> addLongs(argument, rows, groupIds);
        }
    }

    private boolean replaces(int group, int comparison) {
        if (!has.isSet(group)) {
            return true;
        }
        return switch (mode) {
            case MIN -> comparison < 0;
            case MAX -> comparison > 0;
            case ANY -> false;
            case ANY_LAST -> true;
        };
    }

    private void addLongs(FieldVector argument, Chunk rows, int[] groupIds) {
        int count = rows.size();
        long[] input = Scratch.current().longs(0, count);
        Gather.longs(argument, storage, rows.selection(), count, input);
        boolean unsigned = storage == Storage.UINT64;
        long validity = argument.getValidityBufferAddress();
        boolean allValid = argument.getNullCount() == 0;
        for (int row = 0; row < count; row++) {
            if (!allValid && Memory.bit(validity, rows.position(row)) == 0) {
                continue;
            }
            int group = groupIds == null ? 0 : groupIds[row];
            long value = input[row];
            int comparison = unsigned ? Long.compareUnsigned(value, values.get(group)) : Long.compare(value, values.get(group));
            if (replaces(group, comparison)) {
                values.set(group, value);
                has.set(group);
            }
        }
    }

    private void addDoubles(FieldVector argument, Chunk rows, int[] groupIds) {
        int count = rows.size();
        double[] input = Scratch.current().doubles(0, count);
        Gather.doubles(argument, type, rows.selection(), count, input);
        long validity = argument.getValidityBufferAddress();
        boolean allValid = argument.getNullCount() == 0;
        for (int row = 0; row < count; row++) {
            if (!allValid && Memory.bit(validity, rows.position(row)) == 0) {
                continue;
            }
            int group = groupIds == null ? 0 : groupIds[row];
            if (replaces(group, Double.compare(input[row], values.getDouble(group)))) {
                values.setDouble(group, input[row]);
                has.set(group);
            }
        }
    }

    private void addDecimals(FieldVector argument, Chunk rows, int[] groupIds) {
        long data = argument.getDataBufferAddress();
        long validity = argument.getValidityBufferAddress();
        boolean allValid = argument.getNullCount() == 0;
        for (int row = 0; row < rows.size(); row++) {
            int position = rows.position(row);
            if (!allValid && Memory.bit(validity, position) == 0) {
                continue;
            }
            int group = groupIds == null ? 0 : groupIds[row];
            long low = Memory.getLong(data + 16L * position);
            long high = Memory.getLong(data + 16L * position + 8);
            int comparison = high != highs.get(group) ? Long.compare(high, highs.get(group))
                    : Long.compareUnsigned(low, values.get(group));
            if (replaces(group, comparison)) {
                values.set(group, low);
                highs.set(group, high);
                has.set(group);
            }
        }
    }

    private void addBytes(FieldVector argument, Chunk rows, int[] groupIds) {
        long validity = argument.getValidityBufferAddress();
        boolean allValid = argument.getNullCount() == 0;
        try (StringColumn column = StringColumn.of(Operand.of(argument, type), allocator)) {
            for (int row = 0; row < rows.size(); row++) {
                int position = rows.position(row);
                if (!allValid && Memory.bit(validity, position) == 0) {
                    continue;
                }
                int group = groupIds == null ? 0 : groupIds[row];
                long address = column.address(position);
                int length = column.length(position);
                int comparison = has.isSet(group) && (mode == Mode.MIN || mode == Mode.MAX)
                        ? Memory.compareBytes(address, length, strings.address(group), strings.length(group)) : 0;
                if (replaces(group, comparison)) {
                    strings.set(group, address, length);
                    has.set(group);
                }
            }
        }
    }

    /** Min and max merge by comparing; any and any_last are not mergeable (they depend on row order). */
    @Override
    public void merge(GroupedAggregator partial, int[] targets, int count) {
        if (mode != Mode.MIN && mode != Mode.MAX) {
            GroupedAggregator.super.merge(partial, targets, count);
        }
        ExtremumAggregator other = (ExtremumAggregator) partial;
        for (int group = 0; group < count; group++) {
            if (!other.has.isSet(group)) {
                continue;
            }
            int target = targets[group];
            if (replaces(target, has.isSet(target) ? other.compare(group, this, target) : 0)) {
                copy(other, group, target);
                has.set(target);
            }
        }
    }

    /** Compares this state's value of {@code group} with {@code that}'s value of {@code thatGroup}; both present. */
    private int compare(int group, ExtremumAggregator that, int thatGroup) {
        return switch (storage) {
            case FLOAT32, FLOAT64 -> Double.compare(values.getDouble(group), that.values.getDouble(thatGroup));
            case DECIMAL128 -> highs.get(group) != that.highs.get(thatGroup)
                    ? Long.compare(highs.get(group), that.highs.get(thatGroup))
                    : Long.compareUnsigned(values.get(group), that.values.get(thatGroup));
            case VARIABLE, FIXED_BYTES -> Memory.compareBytes(strings.address(group), strings.length(group),
                    that.strings.address(thatGroup), that.strings.length(thatGroup));
            case UINT64 -> Long.compareUnsigned(values.get(group), that.values.get(thatGroup));
            default -> Long.compare(values.get(group), that.values.get(thatGroup));
        };
    }

    /** Sets this state's value of {@code target} to {@code source}'s value of {@code group}. */
    private void copy(ExtremumAggregator source, int group, int target) {
        if (strings != null) {
            strings.set(target, source.strings.address(group), source.strings.length(group));
            return;
        }
        values.set(target, source.values.get(group));
        if (highs != null) {
            highs.set(target, source.highs.get(group));
        }
    }

    @Override
    public void write(int[] groups, int from, int count, FieldVector output) {
        long validity = output.getValidityBufferAddress();
        StringWriter writer = storage == Storage.VARIABLE ? new StringWriter((BaseVariableWidthVector) output) : null;
        long target = output.getDataBufferAddress();
        for (int index = 0; index < count; index++) {
            int group = groups[from + index];
            boolean present = has.isSet(group);
            if (present || !type.nullable()) {
                Memory.setBit(validity, index);
            }
            if (!present) {
                continue;
            }
            switch (storage) {
                case VARIABLE -> writer.write(index, strings.address(group), strings.length(group));
                case FIXED_BYTES -> Memory.copy(strings.address(group), target + (long) type.length() * index, type.length());
                case DECIMAL128 -> {
                    Memory.putLong(target + 16L * index, values.get(group));
                    Memory.putLong(target + 16L * index + 8, highs.get(group));
                }
                default -> writeNumber(target, index, group);
            }
        }
        if (writer != null) {
            writer.finish(count);
        } else {
            output.setValueCount(count);
        }
    }

    private void writeNumber(long target, int index, int group) {
        long value = values.get(group);
        switch (storage) {
            case INT8, UINT8 -> Memory.putByte(target + index, (byte) value);
            case INT16, UINT16 -> Memory.putShort(target + 2L * index, (short) value);
            case INT32, UINT32 -> Memory.putInt(target + 4L * index, (int) value);
            case FLOAT32 -> Memory.putFloat(target + 4L * index, (float) values.getDouble(group));
            case BIT -> {
                if (value != 0) {
                    Memory.setBit(target, index);
                }
            }
            default -> Memory.putLong(target + 8L * index, value);
        }
    }

    @Override
    public byte[] serialize(int groupCount) {
        byte[] heap = new byte[0];
        if (strings != null) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            for (int group = 0; group < groupCount; group++) {
                byte[] value = has.isSet(group) ? strings.bytes(group) : new byte[0];
                bytes.write(value.length >>> 24);
                bytes.write(value.length >>> 16);
                bytes.write(value.length >>> 8);
                bytes.write(value.length);
                bytes.writeBytes(value);
            }
            heap = bytes.toByteArray();
        }
        return StateBytes.write("extremum", has.toBytes(groupCount),
                values == null ? new byte[0] : values.toBytes(groupCount),
                highs == null ? new byte[0] : highs.toBytes(groupCount), heap);
    }

    @Override
    public void deserialize(byte[] data, int groupCount) {
        byte[][] sections = StateBytes.read("extremum", data);
        ensureGroups(groupCount);
        has.load(sections[0]);
        if (values != null) {
            values.clear();
            values.loadBytes(sections[1]);
        }
        if (highs != null) {
            highs.clear();
            highs.loadBytes(sections[2]);
        }
        if (strings != null) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(sections[3]);
            for (int group = 0; group < groupCount; group++) {
                byte[] value = new byte[buffer.getInt()];
                buffer.get(value);
                strings.set(group, value);
            }
        }
    }

    @Override
    public void close() {
        has.close();
        if (values != null) {
            values.close();
        }
        if (highs != null) {
            highs.close();
        }
        if (strings != null) {
            strings.close();
        }
    }
}
