package io.brook.python.bridge;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.vector.VectorReader;
import io.brook.engine.types.ArrowMapping;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.VarCharVector;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs a dense chunk's columns for Python in bulk (SPEC 3.7): fixed-width values as one latin-1
 * string of their little-endian bytes, strings as one blob plus int32 end offsets, nulls as the
 * int32 positions that hold them. The bridge module turns each spec into a Python list with
 * {@code memoryview.cast}, so no value crosses the interop boundary on its own. Each spec is
 * {@code [kind, count, payload, extra, null positions, parameter]}.
 */
public final class ColumnEncoder {
    private ColumnEncoder() {
    }

    /** One spec per column of a dense chunk, in column order. */
    public static List<Object[]> encode(Chunk chunk, List<BrookType> types) {
        if (!chunk.isDense()) {
            throw new IllegalArgumentException("the bridge takes dense chunks");
        }
        List<Object[]> specs = new ArrayList<>(types.size());
        for (int c = 0; c < types.size(); c++) {
            specs.add(encode(chunk.column(c), types.get(c), chunk.size()));
        }
        return specs;
    }

    static Object[] encode(FieldVector vector, BrookType type, int count) {
        String nulls = nullPositions(vector, count);
        TypeKind kind = type.kind();
        return switch (kind) {
            case INT8, UINT8 -> fixed(vector, count, 1, kind == TypeKind.INT8 ? "b" : "B", nulls);
            case INT16, UINT16 -> fixed(vector, count, 2, kind == TypeKind.INT16 ? "h" : "H", nulls);
            case INT32, UINT32 -> fixed(vector, count, 4, kind == TypeKind.INT32 ? "i" : "I", nulls);
            case INT64, UINT64 -> fixed(vector, count, 8, kind == TypeKind.INT64 ? "q" : "Q", nulls);
            case FLOAT32 -> fixed(vector, count, 4, "f", nulls);
            case FLOAT64 -> fixed(vector, count, 8, "d", nulls);
            case DATE, DATE32 -> spec("date", count, latin1(vector.getDataBuffer(), 0, 4L * count), null, nulls, null);
            case DATETIME, DATETIME64 -> spec("datetime", count, latin1(vector.getDataBuffer(), 0, 8L * count),
                    ArrowMapping.ticksPerSecond(type), nulls, type.timezone() == null ? "UTC" : type.timezone());
            case BOOL -> bools((BitVector) vector, count, nulls);
            case STRING -> strings((VarCharVector) vector, count, nulls);
            case FIXED_STRING -> fixedStrings((FixedSizeBinaryVector) vector, count, nulls);
            case DECIMAL, UUID -> texts(vector, type, count, nulls);
            case ARRAY, MAP, TUPLE -> nested(vector, type, count, nulls);
            case NOTHING -> spec("nested", count, new ArrayList<>(java.util.Collections.nCopies(count, null)),
                    null, null, "('none',)");
        };
    }

    private static Object[] spec(String kind, int count, Object payload, Object extra, String nulls, String parameter) {
        return new Object[] {kind, count, payload, extra, nulls, parameter};
    }

    private static Object[] fixed(FieldVector vector, int count, int width, String format, String nulls) {
        return spec(format, count, latin1(vector.getDataBuffer(), 0, (long) width * count), null, nulls, null);
    }

    private static Object[] bools(BitVector vector, int count, String nulls) {
        byte[] bytes = new byte[count];
        ArrowBuf data = vector.getDataBuffer();
        for (int i = 0; i < count; i++) {
            bytes[i] = (byte) ((data.getByte(i >>> 3) >>> (i & 7)) & 1);
        }
        return spec("bool", count, new String(bytes, StandardCharsets.ISO_8859_1), null, nulls, null);
    }

    private static Object[] strings(VarCharVector vector, int count, String nulls) {
        ArrowBuf offsets = vector.getOffsetBuffer();
        int start = count == 0 ? 0 : offsets.getInt(0);
        int end = count == 0 ? 0 : offsets.getInt(4L * count);
        String blob = latin1(vector.getDataBuffer(), start, end - start);
        byte[] ends = new byte[4 * count];
        if (start == 0) {
            offsets.getBytes(4, ends, 0, ends.length);
        } else {
            java.nio.ByteBuffer out = java.nio.ByteBuffer.wrap(ends).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < count; i++) {
                out.putInt(offsets.getInt(4L * (i + 1)) - start);
            }
        }
        return spec("string", count, blob, new String(ends, StandardCharsets.ISO_8859_1), nulls, null);
    }

    private static Object[] fixedStrings(FixedSizeBinaryVector vector, int count, String nulls) {
        int width = vector.getByteWidth();
        String blob = latin1(vector.getDataBuffer(), 0, (long) width * count);
        java.nio.ByteBuffer ends = java.nio.ByteBuffer.allocate(4 * count).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 1; i <= count; i++) {
            ends.putInt(i * width);
        }
        return spec("string", count, blob, new String(ends.array(), StandardCharsets.ISO_8859_1), nulls, null);
    }

    private static Object[] texts(FieldVector vector, BrookType type, int count, String nulls) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                joined.append(',');
            }
            Object value = vector.isNull(i) ? null : VectorReader.value(vector, i, type);
            joined.append(value == null ? (type.kind() == TypeKind.UUID ? "00000000-0000-0000-0000-000000000000" : "0")
                    : value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString());
        }
        return spec(type.kind() == TypeKind.UUID ? "uuid" : "decimal", count, joined.toString(), null, nulls, null);
    }

    private static Object[] nested(FieldVector vector, BrookType type, int count, String nulls) {
        List<Object> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(vector.isNull(i) ? null : NestedValues.toBridge(VectorReader.value(vector, i, type), type));
        }
        return spec("nested", count, values, null, null, NestedValues.shape(type));
    }

    private static String nullPositions(FieldVector vector, int count) {
        if (vector.getNullCount() == 0) {
            return null;
        }
        java.nio.ByteBuffer positions = java.nio.ByteBuffer.allocate(4 * vector.getNullCount())
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count && positions.hasRemaining(); i++) {
            if (vector.isNull(i)) {
                positions.putInt(i);
            }
        }
        return new String(positions.array(), 0, positions.position(), StandardCharsets.ISO_8859_1);
    }

    /** {@code length} bytes of {@code buffer} from {@code offset} as a latin-1 string (one char a byte). */
    static String latin1(ArrowBuf buffer, long offset, long length) {
        if (length == 0) {
            return "";
        }
        byte[] bytes = new byte[Math.toIntExact(length)];
        buffer.getBytes(offset, bytes, 0, bytes.length);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
