package io.brook.engine.types;

import java.util.List;
import java.util.Objects;

/**
 * A Brook SQL type (SPEC 1.9): a kind plus its parameters. Immutable; {@link #toString()} gives
 * the canonical lower-case name that {@link TypeParser} reads back.
 *
 * <p>{@code nullable} and {@code lowCardinality} are flags rather than wrapper types: a
 * non-nullable column holds the type's zero value where a nullable one holds null, and
 * low_cardinality is only a storage hint that behaves exactly as the inner type.
 */
public record BrookType(
        TypeKind kind,
        boolean nullable,
        boolean lowCardinality,
        int precision,
        int scale,
        String timezone,
        List<BrookType> elements,
        List<String> fieldNames) {

    public static final BrookType INT8 = of(TypeKind.INT8);
    public static final BrookType INT16 = of(TypeKind.INT16);
    public static final BrookType INT32 = of(TypeKind.INT32);
    public static final BrookType INT64 = of(TypeKind.INT64);
    public static final BrookType UINT8 = of(TypeKind.UINT8);
    public static final BrookType UINT16 = of(TypeKind.UINT16);
    public static final BrookType UINT32 = of(TypeKind.UINT32);
    public static final BrookType UINT64 = of(TypeKind.UINT64);
    public static final BrookType FLOAT32 = of(TypeKind.FLOAT32);
    public static final BrookType FLOAT64 = of(TypeKind.FLOAT64);
    public static final BrookType BOOL = of(TypeKind.BOOL);
    public static final BrookType STRING = of(TypeKind.STRING);
    public static final BrookType UUID = of(TypeKind.UUID);
    public static final BrookType DATE = of(TypeKind.DATE);
    public static final BrookType DATE32 = of(TypeKind.DATE32);
    public static final BrookType DATETIME = of(TypeKind.DATETIME);
    public static final BrookType NOTHING = new BrookType(TypeKind.NOTHING, true, false, 0, 0, null, List.of(), List.of());
    /** The type of every stream's {@code _tp_time} column. */
    public static final BrookType TP_TIME = datetime64(3, "UTC");

    public BrookType {
        Objects.requireNonNull(kind, "kind");
        elements = List.copyOf(elements);
        fieldNames = List.copyOf(fieldNames);
    }

    private static BrookType of(TypeKind kind) {
        return new BrookType(kind, false, false, 0, 0, null, List.of(), List.of());
    }

    public static BrookType simple(TypeKind kind) {
        return switch (kind) {
            case DECIMAL, FIXED_STRING, DATETIME64, ARRAY, MAP, TUPLE ->
                    throw new IllegalArgumentException(kind + " needs parameters");
            case NOTHING -> NOTHING;
            default -> of(kind);
        };
    }

    public static BrookType decimal(int precision, int scale) {
        return new BrookType(TypeKind.DECIMAL, false, false, precision, scale, null, List.of(), List.of());
    }

    public static BrookType fixedString(int length) {
        return new BrookType(TypeKind.FIXED_STRING, false, false, length, 0, null, List.of(), List.of());
    }

    public static BrookType datetime(String timezone) {
        return new BrookType(TypeKind.DATETIME, false, false, 0, 0, timezone, List.of(), List.of());
    }

    public static BrookType datetime64(int precision, String timezone) {
        return new BrookType(TypeKind.DATETIME64, false, false, precision, 0, timezone, List.of(), List.of());
    }

    public static BrookType array(BrookType element) {
        return new BrookType(TypeKind.ARRAY, false, false, 0, 0, null, List.of(element), List.of());
    }

    public static BrookType map(BrookType key, BrookType value) {
        return new BrookType(TypeKind.MAP, false, false, 0, 0, null, List.of(key, value), List.of());
    }

    /** A tuple; {@code names} is empty for an unnamed tuple or has one name per element. */
    public static BrookType tuple(List<BrookType> elements, List<String> names) {
        return new BrookType(TypeKind.TUPLE, false, false, 0, 0, null, elements, names);
    }

    public BrookType withNullable(boolean value) {
        if (value == nullable) {
            return this;
        }
        return new BrookType(kind, value, lowCardinality, precision, scale, timezone, elements, fieldNames);
    }

    public BrookType withLowCardinality(boolean value) {
        if (value == lowCardinality) {
            return this;
        }
        return new BrookType(kind, nullable, value, precision, scale, timezone, elements, fieldNames);
    }

    /** The same type without the nullable and low_cardinality flags. */
    public BrookType base() {
        return nullable || lowCardinality ? withNullable(false).withLowCardinality(false) : this;
    }

    public BrookType element() {
        return elements.getFirst();
    }

    /** Size of fixed_string, or the length in bytes of a uuid. */
    public int length() {
        return kind == TypeKind.UUID ? 16 : precision;
    }

    @Override
    public String toString() {
        String inner = baseName();
        if (lowCardinality) {
            inner = "low_cardinality(" + inner + ")";
        }
        return nullable ? "nullable(" + inner + ")" : inner;
    }

    private String baseName() {
        return switch (kind) {
            case DECIMAL -> "decimal(" + precision + ", " + scale + ")";
            case FIXED_STRING -> "fixed_string(" + precision + ")";
            case DATETIME -> timezone == null ? "datetime" : "datetime('" + timezone + "')";
            case DATETIME64 -> "datetime64(" + precision + (timezone == null ? "" : ", '" + timezone + "'") + ")";
            case ARRAY -> "array(" + element() + ")";
            case MAP -> "map(" + elements.get(0) + ", " + elements.get(1) + ")";
            case TUPLE -> tupleName();
            default -> kind.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private String tupleName() {
        StringBuilder text = new StringBuilder("tuple(");
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                text.append(", ");
            }
            if (!fieldNames.isEmpty()) {
                text.append(fieldNames.get(i)).append(' ');
            }
            text.append(elements.get(i));
        }
        return text.append(')').toString();
    }
}
