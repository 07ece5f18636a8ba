package io.brook.engine.expr.vector;

import io.brook.engine.expr.memory.Memory;
import io.brook.engine.types.ArrowMapping;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes Java values into a vector of any Brook type, growing it as needed: the slow path for
 * VALUES rows, literals and tests. Values are first normalised by {@link JavaValues}, so the
 * natural Java forms are accepted. The caller sets the value count when done.
 */
public final class VectorWriter {
    private VectorWriter() {
    }

    public static void write(FieldVector vector, int index, Object value) {
        write(vector, index, value, ArrowMapping.type(vector.getField()));
    }

    public static void write(FieldVector vector, int index, Object value, BrookType type) {
        writeNormalized(vector, index, JavaValues.normalize(value, type), type);
    }

    /**
     * Writes a value already in the form {@link JavaValues#normalize} gives for {@code type}: the
     * fast path for sources that decode straight into that form.
     */
    public static void writeNormalized(FieldVector vector, int index, Object value, BrookType type) {
        if (value == null) {
            vector.setNull(index);
            return;
        }
        Storage storage = Storage.of(type);
        switch (storage) {
            case INT8, UINT8, INT16, UINT16, INT32, UINT32, INT64, UINT64, FLOAT32, FLOAT64 ->
                    writeFixed((BaseFixedWidthVector) vector, index, value, type, storage);
            case BIT -> {
                ensureCapacity(vector, index);
                ((BitVector) vector).set(index, (Boolean) value ? 1 : 0);
            }
            case DECIMAL128 -> ((DecimalVector) vector).setSafe(index, (BigDecimal) value);
            case DECIMAL256 -> ((Decimal256Vector) vector).setSafe(index, (BigDecimal) value);
            case VARIABLE -> ((VarCharVector) vector).setSafe(index, ((String) value).getBytes(StandardCharsets.UTF_8));
            case FIXED_BYTES -> ((FixedSizeBinaryVector) vector).setSafe(index, fixedBytes(value, type));
            case LIST -> writeList((ListVector) vector, index, (List<?>) value, type.element());
            case MAP -> writeMap((MapVector) vector, index, (Map<?, ?>) value, type);
            case STRUCT -> writeTuple((StructVector) vector, index, (List<?>) value, type);
            case NULL -> {
                // a NullVector holds nothing but its length
            }
        }
    }

    private static void writeFixed(BaseFixedWidthVector vector, int index, Object value, BrookType type, Storage storage) {
        ensureCapacity(vector, index);
        long address = vector.getDataBufferAddress() + (long) index * storage.width();
        switch (storage) {
            case INT8, UINT8 -> Memory.putByte(address, (byte) ((Long) value).longValue());
            case INT16, UINT16 -> Memory.putShort(address, (short) ((Long) value).longValue());
            case INT32, UINT32 -> Memory.putInt(address, (int) physicalLong(value, type));
            case INT64 -> Memory.putLong(address, physicalLong(value, type));
            case UINT64 -> Memory.putLong(address, JavaValues.uint64Bits(value, type));
            case FLOAT32 -> Memory.putFloat(address, (Float) value);
            case FLOAT64 -> Memory.putDouble(address, (Double) value);
            default -> throw new IllegalStateException(storage.name());
        }
        Memory.setBit(vector.getValidityBufferAddress(), index);
    }

    /**
     * The number stored for a normalised value of an integer-backed type: the integer itself,
     * days since the epoch for dates, ticks for datetime and datetime64.
     */
    public static long physicalLong(Object value, BrookType type) {
        return switch (value) {
            case LocalDate date -> date.toEpochDay();
            case Instant instant -> ticks(instant, type);
            case Boolean bool -> bool ? 1 : 0;
            default -> ((Number) value).longValue();
        };
    }

    public static long ticks(Instant instant, BrookType type) {
        long perSecond = ArrowMapping.ticksPerSecond(type);
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), perSecond),
                instant.getNano() / (1_000_000_000L / perSecond));
    }

    private static byte[] fixedBytes(Object value, BrookType type) {
        byte[] bytes = new byte[type.length()];
        if (type.kind() == TypeKind.UUID) {
            UUID uuid = (UUID) value;
            ByteBuffer.wrap(bytes).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        } else {
            byte[] text = ((String) value).getBytes(StandardCharsets.UTF_8);
            System.arraycopy(text, 0, bytes, 0, text.length);
        }
        return bytes;
    }

    private static void writeList(ListVector vector, int index, List<?> values, BrookType elementType) {
        int offset = vector.startNewValue(index);
        FieldVector elements = vector.getDataVector();
        for (int item = 0; item < values.size(); item++) {
            writeNormalized(elements, offset + item, values.get(item), elementType);
        }
        vector.endValue(index, values.size());
    }

    private static void writeMap(MapVector vector, int index, Map<?, ?> values, BrookType type) {
        int offset = vector.startNewValue(index);
        StructVector entries = (StructVector) vector.getDataVector();
        FieldVector keys = entries.getChildrenFromFields().get(0);
        FieldVector items = entries.getChildrenFromFields().get(1);
        int item = 0;
        for (Map.Entry<?, ?> entry : values.entrySet()) {
            entries.setIndexDefined(offset + item);
            writeNormalized(keys, offset + item, entry.getKey(), type.elements().get(0));
            writeNormalized(items, offset + item, entry.getValue(), type.elements().get(1));
            item++;
        }
        vector.endValue(index, values.size());
    }

    private static void writeTuple(StructVector vector, int index, List<?> values, BrookType type) {
        vector.setIndexDefined(index);
        List<FieldVector> children = vector.getChildrenFromFields();
        for (int field = 0; field < children.size(); field++) {
            writeNormalized(children.get(field), index, values.get(field), type.elements().get(field));
        }
    }

    private static void ensureCapacity(FieldVector vector, int index) {
        while (index >= vector.getValueCapacity()) {
            vector.reAlloc();
        }
    }
}
