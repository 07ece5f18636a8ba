package io.brook.engine.expr.kernel.cast;

import io.brook.engine.expr.kernel.text.NumberText;
import io.brook.engine.expr.kernel.text.TemporalText;
import io.brook.engine.expr.kernel.time.TemporalValues;
import io.brook.engine.expr.vector.VectorWriter;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Text of a Java value (as VectorReader returns it) in ClickHouse's toString format. */
public final class ValueFormat {
    private ValueFormat() {
    }

    /** {@code topLevel}: strings inside arrays and tuples are quoted, a bare string is not. */
    public static String format(Object value, BrookType type, boolean topLevel) {
        if (value == null) {
            return topLevel ? "" : "NULL";
        }
        return switch (type.kind()) {
            case STRING, FIXED_STRING, UUID -> topLevel ? value.toString() : "'" + value.toString().replace("'", "\\'") + "'";
            case FLOAT32 -> NumberText.formatFloat((Float) value);
            case FLOAT64 -> NumberText.formatDouble((Double) value);
            case DECIMAL -> ((BigDecimal) value).toPlainString();
            case DATE, DATE32 -> quoteIfNested(TemporalText.formatDate(((LocalDate) value).toEpochDay()), topLevel);
            case DATETIME, DATETIME64 -> quoteIfNested(TemporalText.formatDateTime(
                    VectorWriter.ticks((Instant) value, type), TemporalValues.of(type),
                    type.kind() == TypeKind.DATETIME64 ? type.precision() : 0), topLevel);
            case ARRAY -> join("[", "]", (List<?>) value, type.element());
            case TUPLE -> tuple((List<?>) value, type);
            case MAP -> map((Map<?, ?>) value, type);
            default -> value.toString();
        };
    }

    private static String quoteIfNested(String text, boolean topLevel) {
        return topLevel ? text : "'" + text + "'";
    }

    private static String join(String open, String close, List<?> values, BrookType element) {
        StringJoiner joiner = new StringJoiner(",", open, close);
        for (Object item : values) {
            joiner.add(format(item, element, false));
        }
        return joiner.toString();
    }

    private static String tuple(List<?> values, BrookType type) {
        StringJoiner joiner = new StringJoiner(",", "(", ")");
        for (int index = 0; index < values.size(); index++) {
            joiner.add(format(values.get(index), type.elements().get(index), false));
        }
        return joiner.toString();
    }

    private static String map(Map<?, ?> values, BrookType type) {
        StringJoiner joiner = new StringJoiner(",", "{", "}");
        for (Map.Entry<?, ?> entry : values.entrySet()) {
            joiner.add(format(entry.getKey(), type.elements().get(0), false) + ":"
                    + format(entry.getValue(), type.elements().get(1), false));
        }
        return joiner.toString();
    }
}
