package io.brook.engine.types;

import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps each Brook type to exactly one Arrow type. The full Brook type name travels in the
 * field's metadata under {@link #TYPE_KEY}, so types Arrow cannot tell apart (date and date32,
 * string and low_cardinality(string), uuid and fixed_string(16)) round-trip exactly.
 */
public final class ArrowMapping {
    public static final String TYPE_KEY = "brook.type";

    private ArrowMapping() {
    }

    public static Field field(String name, BrookType type) {
        Map<String, String> metadata = Map.of(TYPE_KEY, type.toString());
        FieldType fieldType = new FieldType(type.nullable(), arrowType(type), null, metadata);
        return new Field(name, fieldType, children(type));
    }

    /** The Brook type recorded in a field made by {@link #field}. */
    public static BrookType type(Field field) {
        String name = field.getMetadata().get(TYPE_KEY);
        if (name == null && field.getType() instanceof ArrowType.Null) {
            // Arrow's NullVector keeps no field metadata; its only Brook type is nothing
            return BrookType.NOTHING;
        }
        if (name == null) {
            throw new IllegalArgumentException("Field " + field.getName() + " carries no Brook type");
        }
        return TypeParser.parse(name);
    }

    public static ArrowType arrowType(BrookType type) {
        return switch (type.kind()) {
            case INT8 -> new ArrowType.Int(8, true);
            case INT16 -> new ArrowType.Int(16, true);
            case INT32 -> new ArrowType.Int(32, true);
            case INT64 -> new ArrowType.Int(64, true);
            case UINT8 -> new ArrowType.Int(8, false);
            case UINT16 -> new ArrowType.Int(16, false);
            case UINT32 -> new ArrowType.Int(32, false);
            case UINT64 -> new ArrowType.Int(64, false);
            case FLOAT32 -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
            case FLOAT64 -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case DECIMAL -> new ArrowType.Decimal(type.precision(), type.scale(), type.precision() > 38 ? 256 : 128);
            case BOOL -> ArrowType.Bool.INSTANCE;
            case STRING -> ArrowType.Utf8.INSTANCE;
            case FIXED_STRING, UUID -> new ArrowType.FixedSizeBinary(type.length());
            case DATE, DATE32 -> new ArrowType.Date(DateUnit.DAY);
            case DATETIME -> new ArrowType.Timestamp(TimeUnit.SECOND, type.timezone());
            case DATETIME64 -> new ArrowType.Timestamp(timeUnit(type.precision()), type.timezone());
            case ARRAY -> ArrowType.List.INSTANCE;
            case MAP -> new ArrowType.Map(false);
            case TUPLE -> ArrowType.Struct.INSTANCE;
            case NOTHING -> ArrowType.Null.INSTANCE;
        };
    }

    /** The Arrow unit that holds a datetime64 of the given precision without losing digits. */
    public static TimeUnit timeUnit(int precision) {
        if (precision == 0) {
            return TimeUnit.SECOND;
        }
        if (precision <= 3) {
            return TimeUnit.MILLISECOND;
        }
        return precision <= 6 ? TimeUnit.MICROSECOND : TimeUnit.NANOSECOND;
    }

    /** Ticks of the stored unit per second, for datetime and datetime64. */
    public static long ticksPerSecond(BrookType type) {
        if (type.kind() == TypeKind.DATETIME) {
            return 1;
        }
        return switch (timeUnit(type.precision())) {
            case SECOND -> 1;
            case MILLISECOND -> 1_000;
            case MICROSECOND -> 1_000_000;
            case NANOSECOND -> 1_000_000_000;
        };
    }

    private static List<Field> children(BrookType type) {
        return switch (type.kind()) {
            case ARRAY -> List.of(field("item", type.element()));
            case MAP -> {
                Field key = field("key", type.elements().get(0).withNullable(false));
                Field value = field("value", type.elements().get(1));
                FieldType entries = new FieldType(false, ArrowType.Struct.INSTANCE, null);
                yield List.of(new Field("entries", entries, List.of(key, value)));
            }
            case TUPLE -> {
                List<Field> fields = new ArrayList<>();
                for (int i = 0; i < type.elements().size(); i++) {
                    String name = type.fieldNames().isEmpty() ? String.valueOf(i + 1) : type.fieldNames().get(i);
                    fields.add(field(name, type.elements().get(i)));
                }
                yield fields;
            }
            default -> List.of();
        };
    }
}
