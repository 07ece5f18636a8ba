package io.brook.jdbc.meta;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import org.apache.calcite.avatica.remote.TypedValue;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the parameter values Avatica collected into the values the engine receives: null,
 * Boolean, Byte, Short, Integer, Long, BigInteger, BigDecimal, Float, Double, String, byte[],
 * LocalDate (from java.sql.Date), LocalTime (from java.sql.Time), Instant (from
 * java.sql.Timestamp and java.util.Date), List (from arrays), Map, and any other object as given
 * (UUID, LocalDateTime, ...). These are the same classes the driver's result rows use.
 */
public final class ParameterValues {
    private ParameterValues() {
    }

    /** {@code calendar}: the connection's, which Avatica used to encode dates and times. */
    public static List<Object> toEngine(List<TypedValue> values, Calendar calendar) {
        List<Object> result = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            TypedValue value = values.get(i);
            if (value == null) {
                throw new BrookException(ErrorCode.BAD_ARGUMENTS, "Parameter " + (i + 1) + " is not set");
            }
            result.add(normalize(value.toJdbc(calendar)));
        }
        return result;
    }

    static Object normalize(Object value) {
        return switch (value) {
            case null -> null;
            case java.sql.Date date -> date.toLocalDate();
            case java.sql.Time time -> time.toLocalTime();
            case java.sql.Timestamp timestamp -> timestamp.toInstant();
            case java.util.Date date -> date.toInstant();
            case Character character -> character.toString();
            case Array array -> normalize(elements(array));
            case Object[] elements -> normalize(java.util.Arrays.asList(elements));
            case List<?> list -> {
                List<Object> normalized = new ArrayList<>(list.size());
                for (Object element : list) {
                    normalized.add(normalize(element));
                }
                yield normalized;
            }
            case Map<?, ?> map -> {
                Map<Object, Object> normalized = new LinkedHashMap<>();
                map.forEach((key, entry) -> normalized.put(normalize(key), normalize(entry)));
                yield normalized;
            }
            default -> value;
        };
    }

    private static Object[] elements(Array array) {
        try {
            return (Object[]) array.getArray();
        } catch (SQLException e) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS, "Cannot read an array parameter: " + e.getMessage(), e);
        }
    }
}
