package io.brook.engine.expr;

import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** SQL text of a constant, for EXPLAIN: quoted strings, [arrays], (tuples), map(k, v). */
final class LiteralText {
    private static final java.time.format.DateTimeFormatter SECONDS =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private LiteralText() {
    }

    static String of(Object value, BrookType type) {
        if (value == null) {
            return "NULL";
        }
        return switch (type.kind()) {
            case STRING, FIXED_STRING, UUID -> quote(value.toString());
            case DATE, DATE32 -> quote(((LocalDate) value).toString());
            case DATETIME, DATETIME64 -> quote(dateTime((Instant) value, type));
            case ARRAY -> join("[", "]", (List<?>) value, type.element());
            case TUPLE -> tuple((List<?>) value, type);
            case MAP -> map((Map<?, ?>) value, type);
            default -> value.toString();
        };
    }

    static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String dateTime(Instant instant, BrookType type) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, io.brook.engine.expr.vector.JavaValues.zone(type));
        String text = local.format(SECONDS);
        int precision = type.kind() == TypeKind.DATETIME64 ? type.precision() : 0;
        if (precision > 0) {
            text += "." + String.format("%09d", local.getNano()).substring(0, precision);
        }
        return text;
    }

    private static String join(String open, String close, List<?> values, BrookType elementType) {
        StringJoiner joiner = new StringJoiner(", ", open, close);
        for (Object item : values) {
            joiner.add(of(item, elementType));
        }
        return joiner.toString();
    }

    private static String tuple(List<?> values, BrookType type) {
        StringJoiner joiner = new StringJoiner(", ", "(", ")");
        for (int index = 0; index < values.size(); index++) {
            joiner.add(of(values.get(index), type.elements().get(index)));
        }
        return joiner.toString();
    }

    private static String map(Map<?, ?> values, BrookType type) {
        StringJoiner joiner = new StringJoiner(", ", "map(", ")");
        for (Map.Entry<?, ?> entry : values.entrySet()) {
            joiner.add(of(entry.getKey(), type.elements().get(0)));
            joiner.add(of(entry.getValue(), type.elements().get(1)));
        }
        return joiner.toString();
    }
}
