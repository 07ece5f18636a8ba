package io.brook.engine.operator.hash;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.kernel.Gather;
import io.brook.engine.expr.memory.ByteArray;
import io.brook.engine.expr.memory.Hashing;
import io.brook.engine.expr.memory.LongArray;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.function.aggregate.StateBytes;
import io.brook.engine.types.BrookType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * A key whose values fit a long: integers, bool, dates, datetimes, and floats by their bits
 * (-0.0 folded into 0.0 and every NaN into one, so equal numbers group together). NULL is a key
 * of its own. The value is the key's {@link KeyColumn word}, its tag says NULL (-1) or not (0).
 */
final class LongKeyColumn implements KeyColumn {
    private static final int NULL_TAG = -1;

    private final BrookType type;
    private final Storage storage;
    private final LongArray values;
    private final ByteArray nulls;
    private long[] rowValues = new long[0];
    private boolean[] rowNulls = new boolean[0];
    private int[] rowTags = new int[0];
    private double[] doubles = new double[0];

    LongKeyColumn(BrookType type, BufferAllocator allocator) {
        this.type = type;
        this.storage = Storage.of(type);
        this.values = new LongArray(allocator, 16);
        ByteArray newNulls = null;
        try {
            newNulls = new ByteArray(allocator, 16);
        } catch (RuntimeException e) {
            values.close();
            throw e;
        }
        this.nulls = newNulls;
    }

    @Override
    public void load(FieldVector vector, Chunk rows, long[] hashes, boolean first) {
        int count = rows.size();
        if (rowValues.length < count) {
            rowValues = new long[count];
            rowNulls = new boolean[count];
            rowTags = new int[count];
        }
        if (storage.isFloating()) {
            if (doubles.length < count) {
                doubles = new double[count];
            }
            Gather.doubles(vector, type, rows.selection(), count, doubles);
            for (int row = 0; row < count; row++) {
                rowValues[row] = Double.doubleToLongBits(doubles[row] + 0.0);
            }
        } else {
            Gather.longs(vector, storage, rows.selection(), count, rowValues);
        }
        boolean hasNulls = vector.getNullCount() != 0;
        long validity = vector.getValidityBufferAddress();
        for (int row = 0; row < count; row++) {
            boolean isNull = hasNulls && Memory.bit(validity, rows.position(row)) == 0;
            rowNulls[row] = isNull;
            rowTags[row] = isNull ? NULL_TAG : 0;
            if (isNull) {
                rowValues[row] = 0; // whatever the buffer holds under a NULL, all NULLs are one key
            }
            long hash = isNull ? Hashing.NULL_HASH : Hashing.mix(rowValues[row]);
            hashes[row] = first ? hash : Hashing.combine(hashes[row], hash);
        }
    }

    @Override
    public boolean matches(int group, int row, int position) {
        boolean storedNull = nulls.get(group) != 0;
        return storedNull == rowNulls[row] && (storedNull || values.get(group) == rowValues[row]);
    }

    @Override
    public int[] rowTags() {
        return rowTags;
    }

    @Override
    public long[] rowWords() {
        return rowValues;
    }

    @Override
    public int storedTag(int group) {
        return nulls.get(group) != 0 ? NULL_TAG : 0;
    }

    @Override
    public long storedWord(int group) {
        return nulls.get(group) != 0 ? 0 : values.get(group);
    }

    @Override
    public void append(int group, int row, int position) {
        values.set(group, rowValues[row]);
        nulls.set(group, (byte) (rowNulls[row] ? 1 : 0));
    }

    @Override
    public void ensureGroups(int groupCount) {
        values.ensureCapacity(groupCount);
        nulls.ensureCapacity(groupCount);
    }

    @Override
    public void write(int[] groups, int from, int count, FieldVector output) {
        long target = output.getDataBufferAddress();
        long validity = output.getValidityBufferAddress();
        for (int index = 0; index < count; index++) {
            int group = groups[from + index];
            if (nulls.get(group) != 0) {
                continue;
            }
            Memory.setBit(validity, index);
            long value = values.get(group);
            switch (storage) {
                case INT8, UINT8 -> Memory.putByte(target + index, (byte) value);
                case INT16, UINT16 -> Memory.putShort(target + 2L * index, (short) value);
                case INT32, UINT32 -> Memory.putInt(target + 4L * index, (int) value);
                case FLOAT32 -> Memory.putFloat(target + 4L * index, (float) Double.longBitsToDouble(value));
                case BIT -> {
                    if (value != 0) {
                        Memory.setBit(target, index);
                    }
                }
                default -> Memory.putLong(target + 8L * index, value);
            }
        }
        output.setValueCount(count);
    }

    @Override
    public byte[] serialize(int groupCount) {
        return StateBytes.write("long_key", values.toBytes(groupCount), nulls.toBytes(groupCount));
    }

    @Override
    public void deserialize(byte[] data, int groupCount) {
        byte[][] sections = StateBytes.read("long_key", data);
        values.loadBytes(sections[0]);
        nulls.loadBytes(sections[1]);
    }

    @Override
    public long storedHash(int group) {
        return nulls.get(group) != 0 ? Hashing.NULL_HASH : Hashing.mix(values.get(group));
    }

    @Override
    public void close() {
        values.close();
        nulls.close();
    }
}
