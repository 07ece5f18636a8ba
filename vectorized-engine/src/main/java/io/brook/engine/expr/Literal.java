package io.brook.engine.expr;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.vector.JavaValues;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.expr.vector.StringWriter;
import io.brook.engine.expr.vector.Validity;
import io.brook.engine.expr.vector.VectorWriter;
import io.brook.engine.expr.vector.Vectors;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A constant of a type, including a typed NULL. Besides the Java value it keeps the form
 * kernels want (a long, a double or bytes), so a comparison with a constant never boxes.
 */
public final class Literal implements Expression {
    private final BrookType type;
    private final Object value;
    private final long bits;
    private final double number;
    private final byte[] bytes;

    private Literal(BrookType type, Object value) {
        this.type = type;
        this.value = value;
        this.bits = value == null ? 0 : physicalBits(value, type);
        this.number = value instanceof Number n ? toDouble(n) : bits;
        this.bytes = value == null ? null : bytesOf(value, type);
    }

    /**
     * A constant of {@code type}. Java values: Long/Double/BigDecimal/Boolean/String/byte[]/
     * LocalDate/Instant/List/Map, or anything {@link JavaValues} accepts for the type.
     */
    public static Literal of(Object javaValue, BrookType type) {
        if (javaValue == null && !type.nullable() && type.kind() != TypeKind.NOTHING) {
            type = type.withNullable(true);
        }
        return new Literal(type, JavaValues.normalize(javaValue, type));
    }

    /** The typed NULL of {@code type} (made nullable). */
    public static Literal nullOf(BrookType type) {
        return new Literal(type.kind() == TypeKind.NOTHING ? type : type.withNullable(true), null);
    }

    public Object value() {
        return value;
    }

    public boolean isNull() {
        return value == null;
    }

    /**
     * The value as stored in a long: the integer (uint64 as its bits), days for a date, ticks
     * for datetime types, 0/1 for bool, the unscaled value of a decimal that fits.
     */
    public long bits() {
        return bits;
    }

    /** The value as a double, for numeric types. */
    public double number() {
        return number;
    }

    /** UTF-8 bytes of a string or fixed_string (padded to its length), the 16 bytes of a uuid. */
    public byte[] bytes() {
        return bytes;
    }

    @Override
    public BrookType type() {
        return type;
    }

    @Override
    public boolean isConstant() {
        return true;
    }

    /** A vector holding this value at every physical position of the chunk. */
    @Override
    public ColumnValue evaluate(Chunk chunk, QueryContext context) {
        return ColumnValue.owned(fill(chunk.physicalRowCount(), context));
    }

    public FieldVector fill(int count, QueryContext context) {
        FieldVector vector = Vectors.allocate(type, count, context.allocator());
        try {
            if (value == null || count == 0) {
                vector.setValueCount(count);
                return vector;
            }
            switch (vector) {
                case BaseFixedWidthVector fixed -> fillFixed(fixed, count);
                case VarCharVector strings -> {
                    StringWriter writer = new StringWriter(strings);
                    for (int position = 0; position < count; position++) {
                        writer.write(position, bytes);
                    }
                    writer.finish(count);
                    Validity.setAll(strings, count);
                }
                default -> {
                    for (int position = 0; position < count; position++) {
                        VectorWriter.write(vector, position, value, type);
                    }
                    vector.setValueCount(count);
                }
            }
            return vector;
        } catch (RuntimeException e) {
            vector.close();
            throw e;
        }
    }

    /** Writes the value once, then copies its bytes to every other position. */
    private void fillFixed(BaseFixedWidthVector vector, int count) {
        VectorWriter.write(vector, 0, value, type);
        if (Storage.of(type) == Storage.BIT) {
            byte pattern = (Boolean) value ? (byte) 0xFF : 0;
            Memory.fill(vector.getDataBufferAddress(), Validity.bytes(count), pattern);
        } else {
            int width = vector.getTypeWidth();
            long address = vector.getDataBufferAddress();
            for (int position = 1; position < count; position++) {
                Memory.copy(address, address + (long) position * width, width);
            }
        }
        Validity.setAll(vector, count);
    }

    @Override
    public String describe() {
        return LiteralText.of(value, type);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Literal literal && type.equals(literal.type) && Objects.equals(value, literal.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, value);
    }

    @Override
    public String toString() {
        return describe();
    }

    private static long physicalBits(Object value, BrookType type) {
        return switch (type.kind()) {
            case UINT64 -> JavaValues.uint64Bits(value, type);
            case DECIMAL -> {
                BigDecimal decimal = (BigDecimal) value;
                yield decimal.unscaledValue().bitLength() < 64 ? decimal.unscaledValue().longValue() : 0;
            }
            case FLOAT32, FLOAT64 -> Double.doubleToRawLongBits(((Number) value).doubleValue());
            default -> value instanceof Number || value instanceof Boolean
                    || value instanceof java.time.LocalDate || value instanceof java.time.Instant
                    ? VectorWriter.physicalLong(value, type) : 0;
        };
    }

    private static double toDouble(Number value) {
        return value instanceof BigDecimal decimal ? decimal.doubleValue() : value.doubleValue();
    }

    private static byte[] bytesOf(Object value, BrookType type) {
        return switch (type.kind()) {
            case STRING -> ((String) value).getBytes(StandardCharsets.UTF_8);
            case FIXED_STRING -> java.util.Arrays.copyOf(((String) value).getBytes(StandardCharsets.UTF_8), type.length());
            case UUID -> {
                java.util.UUID uuid = (java.util.UUID) value;
                yield java.nio.ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                        .putLong(uuid.getLeastSignificantBits()).array();
            }
            default -> null;
        };
    }
}
