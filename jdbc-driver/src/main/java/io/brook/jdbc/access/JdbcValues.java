package io.brook.jdbc.access;

import io.brook.engine.types.BrookType;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Converts values inside arrays, maps and tuples to what getObject gives for such a value at
 * top level: java.sql.Date for dates, java.sql.Timestamp for datetimes; nested arrays, maps and
 * tuples stay Lists and Maps. The converter is built once per column type.
 */
final class JdbcValues {
    private JdbcValues() {
    }

    static UnaryOperator<Object> converter(BrookType type) {
        return switch (type.kind()) {
            case DATE, DATE32 -> value -> value == null ? null : Date.valueOf((LocalDate) value);
            case DATETIME, DATETIME64 -> value -> value == null ? null : Timestamp.from((Instant) value);
            case ARRAY -> list(converter(type.element()));
            case MAP -> map(converter(type.elements().get(0)), converter(type.elements().get(1)));
            case TUPLE -> tuple(type);
            default -> UnaryOperator.identity();
        };
    }

    private static UnaryOperator<Object> list(UnaryOperator<Object> element) {
        return value -> {
            if (value == null) {
                return null;
            }
            List<?> elements = (List<?>) value;
            List<Object> converted = new ArrayList<>(elements.size());
            for (Object item : elements) {
                converted.add(element.apply(item));
            }
            return Collections.unmodifiableList(converted);
        };
    }

    private static UnaryOperator<Object> map(UnaryOperator<Object> key, UnaryOperator<Object> entryValue) {
        return value -> {
            if (value == null) {
                return null;
            }
            Map<Object, Object> converted = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((k, v) -> converted.put(key.apply(k), entryValue.apply(v)));
            return Collections.unmodifiableMap(converted);
        };
    }

    private static UnaryOperator<Object> tuple(BrookType type) {
        List<UnaryOperator<Object>> fields = new ArrayList<>();
        for (BrookType element : type.elements()) {
            fields.add(converter(element));
        }
        return value -> {
            if (value == null) {
                return null;
            }
            List<?> values = (List<?>) value;
            List<Object> converted = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                converted.add(fields.get(i).apply(values.get(i)));
            }
            return Collections.unmodifiableList(converted);
        };
    }
}
