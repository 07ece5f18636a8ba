package io.brook.engine.plan;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.Expression;
import io.brook.engine.expr.Literal;
import io.brook.engine.types.BrookType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Values bound to a statement's {@code ?} markers, as JDBC gives them. Each becomes a literal
 * of the Brook type its Java class maps to; the planner then casts it like any literal.
 */
public final class Parameters {
    public static final Parameters NONE = new Parameters(List.of());
    /** For describing a statement before execution: every marker is an untyped NULL. */
    public static final Parameters UNBOUND = new Parameters(List.of(), true);

    private final List<?> values;
    private final boolean unbound;

    public Parameters(List<?> values) {
        this(values, false);
    }

    private Parameters(List<?> values, boolean unbound) {
        this.values = values;
        this.unbound = unbound;
    }

    public int count() {
        return values.size();
    }

    public Object value(int index) {
        if (index >= values.size()) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS,
                    "No value given for parameter " + (index + 1) + " (" + values.size() + " given)");
        }
        return normalize(values.get(index));
    }

    public Expression literal(int index) {
        if (unbound) {
            return Literal.nullOf(BrookType.NOTHING);
        }
        Object value = value(index);
        return Literal.of(value, typeOf(value));
    }

    /** JDBC's Java classes turned into the value classes Brook literals hold. */
    public static Object normalize(Object value) {
        return switch (value) {
            case null -> null;
            case Byte b -> (long) b;
            case Short s -> (long) s;
            case Integer i -> (long) i;
            case Float f -> (double) f;
            case BigInteger big -> new BigDecimal(big);
            case java.sql.Timestamp timestamp -> timestamp.toInstant();
            case java.sql.Date date -> date.toLocalDate();
            case java.util.Date date -> date.toInstant();
            case LocalDateTime local -> local.toInstant(ZoneOffset.UTC);
            case java.time.OffsetDateTime offset -> offset.toInstant();
            case java.time.ZonedDateTime zoned -> zoned.toInstant();
            case Character c -> c.toString();
            case java.sql.Array array -> arrayValues(array);
            case Object[] items -> java.util.Arrays.stream(items).map(Parameters::normalize).toList();
            default -> value;
        };
    }

    /** The type of a collection's elements: that of the first non-null one, nullable if any is null. */
    private static BrookType elementType(List<?> values) {
        BrookType type = BrookType.NOTHING;
        boolean nulls = false;
        for (Object value : values) {
            if (value == null) {
                nulls = true;
            } else if (type == BrookType.NOTHING) {
                type = typeOf(normalize(value));
            }
        }
        return type == BrookType.NOTHING ? BrookType.STRING.withNullable(true) : type.withNullable(nulls || type.nullable());
    }

    private static List<Object> arrayValues(java.sql.Array array) {
        try {
            return java.util.Arrays.stream((Object[]) array.getArray()).map(Parameters::normalize).toList();
        } catch (java.sql.SQLException e) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS, "Cannot read an array parameter: " + e.getMessage());
        }
    }

    public static BrookType typeOf(Object value) {
        return switch (value) {
            case null -> BrookType.NOTHING;
            case Long ignored -> BrookType.INT64;
            case Double ignored -> BrookType.FLOAT64;
            case BigDecimal decimal -> BrookType.decimal(Math.max(decimal.precision(), decimal.scale() + 1),
                    Math.max(decimal.scale(), 0));
            case Boolean ignored -> BrookType.BOOL;
            case String ignored -> BrookType.STRING;
            case byte[] ignored -> BrookType.STRING;
            case Instant ignored -> BrookType.datetime64(3, "UTC");
            case LocalDate ignored -> BrookType.DATE;
            case java.util.UUID ignored -> BrookType.UUID;
            case List<?> list -> BrookType.array(elementType(list));
            case java.util.Map<?, ?> map -> BrookType.map(elementType(List.copyOf(map.keySet())),
                    elementType(new java.util.ArrayList<>(map.values())));
            default -> throw new BrookException(ErrorCode.BAD_ARGUMENTS,
                    "Parameters of class " + value.getClass().getName() + " are not supported");
        };
    }
}
