package io.brook.engine.expr.vector;

import io.brook.engine.types.ArrowMapping;
import io.brook.engine.types.BrookType;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads one value of a vector as a Java object: the slow path, for results handed to Java code
 * (tests, constant folding, the JDBC layer) and for rare types. Kernels never use it.
 *
 * <p>Java representations: integers as Long (uint64 above {@code Long.MAX_VALUE} as BigDecimal),
 * float32 as Float, float64 as Double, decimal as BigDecimal, bool as Boolean, string and
 * fixed_string as String, uuid as UUID, date as LocalDate, datetime and datetime64 as Instant,
 * array and tuple as List, map as Map (in entry order).
 */
public final class VectorReader {
    private static final BigDecimal TWO_TO_64 = new BigDecimal("18446744073709551616");

    private VectorReader() {
    }

    public static Object value(FieldVector vector, int index) {
        return value(vector, index, ArrowMapping.type(vector.getField()));
    }

    public static Object value(FieldVector vector, int index, BrookType type) {
        if (vector.isNull(index)) {
            return null;
        }
        return switch (Storage.of(type)) {
            case INT8 -> (long) vector.getDataBuffer().getByte(index);
            case UINT8 -> (long) (vector.getDataBuffer().getByte(index) & 0xFF);
            case INT16 -> (long) vector.getDataBuffer().getShort(index * 2L);
            case UINT16 -> (long) (vector.getDataBuffer().getShort(index * 2L) & 0xFFFF);
            case INT32 -> type.kind().isTemporal()
                    ? LocalDate.ofEpochDay(((DateDayVector) vector).get(index))
                    : (Object) (long) vector.getDataBuffer().getInt(index * 4L);
            case UINT32 -> vector.getDataBuffer().getInt(index * 4L) & 0xFFFFFFFFL;
            case INT64 -> type.kind().isTemporal()
                    ? instant(((TimeStampVector) vector).get(index), ArrowMapping.ticksPerSecond(type))
                    : (Object) vector.getDataBuffer().getLong(index * 8L);
            case UINT64 -> unsigned(vector.getDataBuffer().getLong(index * 8L));
            case FLOAT32 -> ((Float4Vector) vector).get(index);
            case FLOAT64 -> ((Float8Vector) vector).get(index);
            case BIT -> ((BitVector) vector).get(index) != 0;
            case DECIMAL128 -> ((DecimalVector) vector).getObject(index);
            case DECIMAL256 -> ((Decimal256Vector) vector).getObject(index);
            case VARIABLE -> new String(((VarCharVector) vector).get(index), StandardCharsets.UTF_8);
            case FIXED_BYTES -> fixedBytes(((FixedSizeBinaryVector) vector).get(index), type);
            case LIST -> list((ListVector) vector, index, type.element());
            case MAP -> map((MapVector) vector, index, type);
            case STRUCT -> tuple((StructVector) vector, index, type);
            case NULL -> null;
        };
    }

    /** A uint64 bit pattern as a Java number: Long when it fits, else BigDecimal. */
    public static Object unsigned(long bits) {
        return bits >= 0 ? (Object) bits : new BigDecimal(bits).add(TWO_TO_64);
    }

    public static Instant instant(long ticks, long ticksPerSecond) {
        long seconds = Math.floorDiv(ticks, ticksPerSecond);
        long nanos = Math.floorMod(ticks, ticksPerSecond) * (1_000_000_000L / ticksPerSecond);
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private static Object fixedBytes(byte[] bytes, BrookType type) {
        if (type.kind() == io.brook.engine.types.TypeKind.UUID) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            return new UUID(buffer.getLong(), buffer.getLong());
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static List<Object> list(ListVector vector, int index, BrookType elementType) {
        FieldVector elements = vector.getDataVector();
        int start = vector.getElementStartIndex(index);
        int end = vector.getElementEndIndex(index);
        List<Object> values = new ArrayList<>(end - start);
        for (int position = start; position < end; position++) {
            values.add(value(elements, position, elementType));
        }
        return values;
    }

    private static Map<Object, Object> map(MapVector vector, int index, BrookType type) {
        StructVector entries = (StructVector) vector.getDataVector();
        FieldVector keys = entries.getChildrenFromFields().get(0);
        FieldVector values = entries.getChildrenFromFields().get(1);
        int start = vector.getElementStartIndex(index);
        int end = vector.getElementEndIndex(index);
        Map<Object, Object> result = new LinkedHashMap<>();
        for (int position = start; position < end; position++) {
            result.put(value(keys, position, type.elements().get(0)), value(values, position, type.elements().get(1)));
        }
        return result;
    }

    private static List<Object> tuple(StructVector vector, int index, BrookType type) {
        List<FieldVector> children = vector.getChildrenFromFields();
        List<Object> values = new ArrayList<>(children.size());
        for (int field = 0; field < children.size(); field++) {
            values.add(value(children.get(field), index, type.elements().get(field)));
        }
        return values;
    }
}
