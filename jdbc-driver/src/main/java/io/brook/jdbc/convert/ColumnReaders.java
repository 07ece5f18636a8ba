package io.brook.jdbc.convert;

import io.brook.engine.types.ArrowMapping;
import io.brook.engine.types.BrookType;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Picks the {@link ColumnReader} for a vector from its Brook type. The values are the row
 * representation shared by the embedded driver and the server:
 * <ul>
 *   <li>int8..int64: Byte, Short, Integer, Long; uint8, uint16, uint32: the next wider signed
 *       type (Short, Integer, Long); uint64: BigDecimal</li>
 *   <li>float32, float64: Float, Double; decimal: BigDecimal; bool: Boolean</li>
 *   <li>string: String; fixed_string: String without the zero bytes that pad it;
 *       uuid: java.util.UUID</li>
 *   <li>date, date32: LocalDate; datetime, datetime64: Instant</li>
 *   <li>array and tuple: List; map: a LinkedHashMap in entry order</li>
 * </ul>
 */
public final class ColumnReaders {
    private ColumnReaders() {
    }

    public static ColumnReader forVector(FieldVector vector, BrookType type) {
        return switch (type.kind()) {
            case INT8 -> signedByte((TinyIntVector) vector);
            case INT16 -> signedShort((SmallIntVector) vector);
            case INT32 -> signedInt((IntVector) vector);
            case INT64 -> signedLong((BigIntVector) vector);
            case UINT8 -> unsignedByte((UInt1Vector) vector);
            case UINT16 -> unsignedShort((UInt2Vector) vector);
            case UINT32 -> unsignedInt((UInt4Vector) vector);
            case UINT64 -> unsignedLong((UInt8Vector) vector);
            case FLOAT32 -> float32((Float4Vector) vector);
            case FLOAT64 -> float64((Float8Vector) vector);
            case DECIMAL -> decimal(vector);
            case BOOL -> bool((BitVector) vector);
            case STRING -> string((VarCharVector) vector);
            case FIXED_STRING -> fixedString((FixedSizeBinaryVector) vector);
            case UUID -> uuid((FixedSizeBinaryVector) vector);
            case DATE, DATE32 -> date((DateDayVector) vector);
            case DATETIME, DATETIME64 -> timestamp((TimeStampVector) vector, ArrowMapping.ticksPerSecond(type));
            case ARRAY -> new ListReader((ListVector) vector,
                    forVector((FieldVector) ((ListVector) vector).getDataVector(), type.element()));
            case MAP -> map((MapVector) vector, type);
            case TUPLE -> tuple((StructVector) vector, type);
            case NOTHING -> position -> null;
        };
    }

    private static ColumnReader signedByte(TinyIntVector vector) {
        return position -> vector.isNull(position) ? null : vector.get(position);
    }

    private static ColumnReader signedShort(SmallIntVector vector) {
        return position -> vector.isNull(position) ? null : vector.get(position);
    }

    private static ColumnReader signedInt(IntVector vector) {
        return position -> vector.isNull(position) ? null : vector.get(position);
    }

    private static ColumnReader signedLong(BigIntVector vector) {
        return position -> vector.isNull(position) ? null : vector.get(position);
    }

    private static ColumnReader unsignedByte(UInt1Vector vector) {
        return position -> vector.isNull(position) ? null : (short) (vector.get(position) & 0xFF);
    }

    private static ColumnReader unsignedShort(UInt2Vector vector) {
        return position -> vector.isNull(position) ? null : (int) vector.get(position);
    }

    private static ColumnReader unsignedInt(UInt4Vector vector) {
        return position -> vector.isNull(position) ? null : vector.get(position) & 0xFFFF_FFFFL;
    }

    private static ColumnReader unsignedLong(UInt8Vector vector) {
        return position -> {
            if (vector.isNull(position)) {
                return null;
            }
            long bits = vector.get(position);
            return bits >= 0 ? BigDecimal.valueOf(bits)
                    : new BigDecimal(new BigInteger(Long.toUnsignedString(bits)));
        };
    }

    private static ColumnReader float32(Float4Vector vector) {
        return position -> vector.isNull(position) ? null : vector.get(position);
    }

    private static ColumnReader float64(Float8Vector vector) {
        return position -> vector.isNull(position) ? null : vector.get(position);
    }

    private static ColumnReader decimal(FieldVector vector) {
        if (vector instanceof Decimal256Vector wide) {
            return position -> wide.isNull(position) ? null : wide.getObject(position);
        }
        DecimalVector narrow = (DecimalVector) vector;
        return position -> narrow.isNull(position) ? null : narrow.getObject(position);
    }

    private static ColumnReader bool(BitVector vector) {
        return position -> vector.isNull(position) ? null : vector.get(position) != 0;
    }

    private static ColumnReader string(VarCharVector vector) {
        return position -> vector.isNull(position) ? null
                : new String(vector.get(position), StandardCharsets.UTF_8);
    }

    private static ColumnReader fixedString(FixedSizeBinaryVector vector) {
        return position -> vector.isNull(position) ? null : FixedText.decode(vector.get(position));
    }

    private static ColumnReader uuid(FixedSizeBinaryVector vector) {
        return position -> vector.isNull(position) ? null : UuidBytes.decode(vector.get(position));
    }

    private static ColumnReader date(DateDayVector vector) {
        return position -> vector.isNull(position) ? null : LocalDate.ofEpochDay(vector.get(position));
    }

    private static ColumnReader timestamp(TimeStampVector vector, long ticksPerSecond) {
        long nanosPerTick = 1_000_000_000L / ticksPerSecond;
        return position -> {
            if (vector.isNull(position)) {
                return null;
            }
            long ticks = vector.get(position);
            return Instant.ofEpochSecond(Math.floorDiv(ticks, ticksPerSecond),
                    Math.floorMod(ticks, ticksPerSecond) * nanosPerTick);
        };
    }

    private static ColumnReader map(MapVector vector, BrookType type) {
        StructVector entries = (StructVector) vector.getDataVector();
        FieldVector keys = entries.getChildrenFromFields().get(0);
        FieldVector values = entries.getChildrenFromFields().get(1);
        return new MapReader(vector,
                forVector(keys, type.elements().get(0)),
                forVector(values, type.elements().get(1)));
    }

    private static ColumnReader tuple(StructVector vector, BrookType type) {
        ColumnReader[] fields = new ColumnReader[type.elements().size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = forVector(vector.getChildrenFromFields().get(i), type.elements().get(i));
        }
        return new TupleReader(vector, fields);
    }
}
