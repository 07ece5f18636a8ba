package io.brook.engine.operator.hash;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.Operand;
import io.brook.engine.expr.kernel.StringColumn;
import io.brook.engine.expr.memory.ByteArray;
import io.brook.engine.expr.memory.ByteHeap;
import io.brook.engine.expr.memory.Hashing;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.expr.vector.StringWriter;
import io.brook.engine.function.aggregate.StateBytes;
import io.brook.engine.types.BrookType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * A key compared as bytes: strings, fixed strings and uuids, and decimals by their 16 or 32
 * stored bytes. Keys live in an off-heap byte heap, one slot per group.
 */
final class BytesKeyColumn implements KeyColumn {
    private final BrookType type;
    private final Storage storage;
    private final int width;
    private final BufferAllocator allocator;
    private final ByteHeap keys;
    private final ByteArray nulls;
    private FieldVector vector;
    private StringColumn strings;
    private boolean hasNulls;

    BytesKeyColumn(BrookType type, BufferAllocator allocator) {
        this.type = type;
        this.storage = Storage.of(type);
        this.width = switch (storage) {
            case DECIMAL128 -> 16;
            case DECIMAL256 -> 32;
            case FIXED_BYTES -> type.length();
            default -> 0;
        };
        this.allocator = allocator;
        this.keys = new ByteHeap(allocator, 16);
        ByteArray newNulls = null;
        try {
            newNulls = new ByteArray(allocator, 16);
        } catch (RuntimeException e) {
            keys.close();
            throw e;
        }
        this.nulls = newNulls;
    }

    @Override
    public void load(FieldVector input, Chunk rows, long[] hashes, boolean first) {
        closeStrings();
        this.vector = input;
        this.hasNulls = input.getNullCount() != 0;
        if (storage == Storage.VARIABLE) {
            strings = StringColumn.of(Operand.of(input, type), allocator);
        }
        for (int row = 0; row < rows.size(); row++) {
            int position = rows.position(row);
            long hash = isNull(position) ? Hashing.NULL_HASH : Memory.hashBytes(address(position), length(position));
            hashes[row] = first ? hash : Hashing.combine(hashes[row], hash);
        }
    }

    private boolean isNull(int position) {
        return hasNulls && Memory.bit(vector.getValidityBufferAddress(), position) == 0;
    }

    private long address(int position) {
        return strings != null ? strings.address(position) : vector.getDataBufferAddress() + (long) width * position;
    }

    private int length(int position) {
        return strings != null ? strings.length(position) : width;
    }

    @Override
    public boolean matches(int group, int row, int position) {
        boolean rowNull = isNull(position);
        if (rowNull || nulls.get(group) != 0) {
            return rowNull == (nulls.get(group) != 0);
        }
        int length = length(position);
        return keys.length(group) == length && Memory.equalBytes(keys.address(group), address(position), length);
    }

    @Override
    public void append(int group, int row, int position) {
        if (isNull(position)) {
            nulls.set(group, (byte) 1);
            keys.set(group, new byte[0]);
        } else {
            nulls.set(group, (byte) 0);
            keys.set(group, address(position), length(position));
        }
    }

    @Override
    public void ensureGroups(int groupCount) {
        keys.ensureSlots(groupCount);
        nulls.ensureCapacity(groupCount);
    }

    @Override
    public void write(int[] groups, int from, int count, FieldVector output) {
        long validity = output.getValidityBufferAddress();
        StringWriter writer = storage == Storage.VARIABLE ? new StringWriter((BaseVariableWidthVector) output) : null;
        for (int index = 0; index < count; index++) {
            int group = groups[from + index];
            if (nulls.get(group) != 0) {
                continue;
            }
            Memory.setBit(validity, index);
            if (writer != null) {
                writer.write(index, keys.address(group), keys.length(group));
            } else {
                Memory.copy(keys.address(group), output.getDataBufferAddress() + (long) width * index, width);
            }
        }
        if (writer != null) {
            writer.finish(count);
        } else {
            output.setValueCount(count);
        }
    }

    @Override
    public byte[] serialize(int groupCount) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.nio.ByteBuffer length = java.nio.ByteBuffer.allocate(4);
        for (int group = 0; group < groupCount; group++) {
            byte[] key = keys.bytes(group);
            bytes.writeBytes(length.clear().putInt(key.length).array());
            bytes.writeBytes(key);
        }
        return StateBytes.write("bytes_key", bytes.toByteArray(), nulls.toBytes(groupCount));
    }

    @Override
    public void deserialize(byte[] data, int groupCount) {
        byte[][] sections = StateBytes.read("bytes_key", data);
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(sections[0]);
        ensureGroups(groupCount);
        for (int group = 0; group < groupCount; group++) {
            byte[] key = new byte[buffer.getInt()];
            buffer.get(key);
            keys.set(group, key);
        }
        nulls.loadBytes(sections[1]);
    }

    @Override
    public long storedHash(int group) {
        return nulls.get(group) != 0 ? Hashing.NULL_HASH : Memory.hashBytes(keys.address(group), keys.length(group));
    }

    private void closeStrings() {
        if (strings != null) {
            strings.close();
            strings = null;
        }
    }

    @Override
    public void close() {
        closeStrings();
        keys.close();
        nulls.close();
    }
}
