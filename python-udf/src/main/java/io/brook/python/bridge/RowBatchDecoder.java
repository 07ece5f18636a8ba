package io.brook.python.bridge;

import io.brook.engine.catalog.Column;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.vector.VectorWriter;
import io.brook.engine.expr.vector.Vectors;
import io.brook.engine.types.ArrowMapping;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.graalvm.polyglot.Value;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a batch of rows from the bridge module ({@code [count, column...]}) into a dense chunk. A
 * column of numbers or bools comes as {@code ('storage', backing array, list, first row)} and is
 * written from the list's own backing array ({@link StoredColumns}); any other column, or one
 * that array refuses, is packed by the bridge as {@code (payload bytes, extra bytes, null
 * positions)}, whose fixed-width payloads are copied into the Arrow buffers in one bulk read each.
 */
public final class RowBatchDecoder {
    private final List<Column> columns;
    private final List<Object[]> descriptions;
    private final Value packColumn;

    /** {@code packColumn}: the bridge's {@code pack_column}, for columns the backing array does not serve. */
    public RowBatchDecoder(List<Column> columns, Value packColumn) {
        this.columns = List.copyOf(columns);
        this.descriptions = describe(this.columns);
        this.packColumn = packColumn;
    }

    /**
     * The bridge's description of the columns: {@code (name, kind, nullable, parameter, type name)};
     * the parameter of a nested column is its shape, so that the bridge can check its values.
     */
    public List<Object[]> columnDescriptions() {
        return descriptions;
    }

    private static List<Object[]> describe(List<Column> columns) {
        List<Object[]> out = new ArrayList<>();
        for (Column column : columns) {
            String kind = kind(column.type());
            String parameter = kind.equals("plain") ? NestedValues.shape(column.type()) : "";
            out.add(new Object[] {column.name(), kind, column.type().nullable(), parameter, column.type().toString()});
        }
        return List.copyOf(out);
    }

    static String kind(BrookType type) {
        TypeKind kind = type.kind();
        return switch (kind) {
            case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64, FLOAT32, FLOAT64 ->
                    kind.name().toLowerCase(java.util.Locale.ROOT);
            case BOOL -> "bool";
            case STRING, FIXED_STRING -> "string";
            case DATE, DATE32 -> "date";
            case DATETIME, DATETIME64 -> "datetime";
            case DECIMAL -> "decimal";
            default -> "plain";
        };
    }

    /** The rows of {@code batch} as a chunk allocated from {@code allocator}. */
    public Chunk decode(Value batch, BufferAllocator allocator) {
        int count = batch.getArrayElement(0).asInt();
        return Chunk.of(decodeColumns(batch, allocator), count);
    }

    /** The columns of {@code batch} as new vectors allocated from {@code allocator}, for the caller to close. */
    public List<FieldVector> decodeColumns(Value batch, BufferAllocator allocator) {
        int count = batch.getArrayElement(0).asInt();
        List<FieldVector> vectors = new ArrayList<>(columns.size());
        try {
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                FieldVector vector = Vectors.allocate(column.name(), column.type(), Math.max(count, 1), allocator);
                vectors.add(vector);
                fill(vector, column.type(), count, handOver(vector, c, count, batch.getArrayElement(c + 1)));
                vector.setValueCount(count);
            }
            return vectors;
        } catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            throw e;
        }
    }

    /** Null when the column's backing array went into the vector, else the column packed by the bridge. */
    private Value handOver(FieldVector vector, int column, int count, Value handed) {
        Value first = handed.getArrayElement(0);
        if (!first.isString()) {
            return handed;
        }
        if (StoredColumns.write(vector, columns.get(column).type(), handed.getArrayElement(1).asHostObject(), count)) {
            return null;
        }
        return packColumn.execute(handed.getArrayElement(2), descriptions.get(column), handed.getArrayElement(3));
    }

    private static void fill(FieldVector vector, BrookType type, int count, Value packed) {
        if (packed == null) {
            return;
        }
        Value payload = packed.getArrayElement(0);
        Value extra = packed.getArrayElement(1);
        int[] nulls = ints(packed.getArrayElement(2));
        switch (type.kind()) {
            case INT8, UINT8 -> fixed((BaseFixedWidthVector) vector, payload, count, 1, 1);
            case INT16, UINT16 -> fixed((BaseFixedWidthVector) vector, payload, count, 2, 2);
            case INT32, UINT32, FLOAT32, DATE, DATE32 -> fixed((BaseFixedWidthVector) vector, payload, count, 4, 4);
            case INT64, UINT64, FLOAT64 -> fixed((BaseFixedWidthVector) vector, payload, count, 8, 8);
            case DATETIME, DATETIME64 -> datetimes((BaseFixedWidthVector) vector, type, payload, count);
            case BOOL -> bools((BitVector) vector, payload, count);
            case STRING -> strings((VarCharVector) vector, payload, extra, count);
            case FIXED_STRING -> fixedStrings((FixedSizeBinaryVector) vector, type, payload, extra, count);
            case DECIMAL -> decimals(vector, type, payload, count);
            default -> plain(vector, type, payload, count);
        }
        if (nulls != null) {
            for (int position : nulls) {
                vector.setNull(position);
            }
        }
    }

    private static void fixed(BaseFixedWidthVector vector, Value payload, int count, int storedWidth, int packedWidth) {
        byte[] bytes = bytes(payload);
        ensure(vector, count);
        vector.getDataBuffer().setBytes(0, bytes, 0, (long) count * packedWidth);
        setAllValid(vector.getValidityBuffer(), count);
    }

    private static void datetimes(BaseFixedWidthVector vector, BrookType type, Value payload, int count) {
        long perSecond = ArrowMapping.ticksPerSecond(type);
        ByteBuffer micros = ByteBuffer.wrap(bytes(payload)).order(ByteOrder.LITTLE_ENDIAN);
        ensure(vector, count);
        ArrowBuf data = vector.getDataBuffer();
        for (int i = 0; i < count; i++) {
            long value = micros.getLong(8 * i);
            long ticks = perSecond >= 1_000_000 ? value * (perSecond / 1_000_000) : Math.floorDiv(value, 1_000_000 / perSecond);
            data.setLong(8L * i, ticks);
        }
        setAllValid(vector.getValidityBuffer(), count);
    }

    private static void bools(BitVector vector, Value payload, int count) {
        byte[] bytes = bytes(payload);
        ensure(vector, count);
        for (int i = 0; i < count; i++) {
            vector.set(i, bytes[i]);
        }
    }

    private static void strings(VarCharVector vector, Value payload, Value lengths, int count) {
        byte[] data = bytes(payload);
        int[] sizes = ints(lengths);
        while (vector.getValueCapacity() < count) {
            vector.reallocValidityAndOffsetBuffers();
        }
        while (vector.getDataBuffer().capacity() < data.length) {
            vector.reallocDataBuffer();
        }
        ArrowBuf offsets = vector.getOffsetBuffer();
        int end = 0;
        offsets.setInt(0, 0);
        for (int i = 0; i < count; i++) {
            end += sizes[i];
            offsets.setInt(4L * (i + 1), end);
        }
        vector.getDataBuffer().setBytes(0, data, 0, data.length);
        setAllValid(vector.getValidityBuffer(), count);
        vector.setLastSet(count - 1);
    }

    private static void fixedStrings(FixedSizeBinaryVector vector, BrookType type, Value payload, Value lengths,
                                     int count) {
        byte[] data = bytes(payload);
        int[] sizes = ints(lengths);
        int start = 0;
        for (int i = 0; i < count; i++) {
            byte[] value = java.util.Arrays.copyOfRange(data, start, start + sizes[i]);
            start += sizes[i];
            VectorWriter.write(vector, i, value, type);
        }
    }

    private static void decimals(FieldVector vector, BrookType type, Value payload, int count) {
        String text = new String(bytes(payload), StandardCharsets.US_ASCII);
        String[] values = count == 0 ? new String[0] : text.split(",", -1);
        for (int i = 0; i < count; i++) {
            VectorWriter.write(vector, i, new BigDecimal(values[i]), type);
        }
    }

    private static void plain(FieldVector vector, BrookType type, Value payload, int count) {
        for (int i = 0; i < count; i++) {
            Value value = payload.getArrayElement(i);
            VectorWriter.write(vector, i, NestedValues.fromBridge(value, type), type);
        }
    }

    private static void ensure(BaseFixedWidthVector vector, int count) {
        while (vector.getValueCapacity() < count) {
            vector.reAlloc();
        }
    }

    private static void ensure(BitVector vector, int count) {
        while (vector.getValueCapacity() < count) {
            vector.reAlloc();
        }
    }

    private static void setAllValid(ArrowBuf validity, int count) {
        int fullBytes = count >>> 3;
        validity.setOne(0, fullBytes);
        for (int i = fullBytes << 3; i < count; i++) {
            BitVectorHelper.setBit(validity, i);
        }
    }

    /** The bytes of a Python bytes object, read in one bulk copy. */
    public static byte[] bytes(Value value) {
        int size = Math.toIntExact(value.getBufferSize());
        byte[] out = new byte[size];
        if (size > 0) {
            value.readBuffer(0, out, 0, size);
        }
        return out;
    }

    private static int[] ints(Value value) {
        if (value == null || value.isNull()) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes(value)).order(ByteOrder.LITTLE_ENDIAN);
        int[] out = new int[buffer.remaining() / 4];
        buffer.asIntBuffer().get(out);
        return out;
    }
}
