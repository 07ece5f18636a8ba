package io.brook.tck;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Renders result rows as golden-file text: values joined by tabs, NULL as {@code NULL}, an empty
 * string as {@code (empty)}, timestamps in UTC, whole doubles without a fraction.
 */
final class RowRenderer {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private RowRenderer() {
    }

    static String row(ResultSet rows) throws SQLException {
        ResultSetMetaData metadata = rows.getMetaData();
        StringJoiner line = new StringJoiner("\t");
        for (int column = 1; column <= metadata.getColumnCount(); column++) {
            line.add(value(rows.getObject(column), metadata.getColumnTypeName(column)));
        }
        return line.toString();
    }

    static String value(Object value, String typeName) throws SQLException {
        return switch (value) {
            case null -> "NULL";
            case String text -> text.isEmpty() ? "(empty)" : text;
            case Timestamp timestamp -> (typeName.contains("datetime64") ? MILLIS : SECONDS).format(timestamp.toInstant());
            case Double number -> number(number);
            case Float number -> number(number.doubleValue());
            case BigDecimal decimal -> decimal.toPlainString();
            case Array array -> list((Object[]) array.getArray());
            case Object[] items -> list(items);
            case List<?> items -> list(items.toArray());
            case Map<?, ?> map -> map(map);
            case byte[] bytes -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            default -> value.toString();
        };
    }

    private static String number(double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static String list(Object[] items) throws SQLException {
        List<String> parts = new ArrayList<>();
        for (Object item : items) {
            parts.add(value(item, ""));
        }
        return "[" + String.join(",", parts) + "]";
    }

    private static String map(Map<?, ?> map) throws SQLException {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            parts.add(value(entry.getKey(), "") + ":" + value(entry.getValue(), ""));
        }
        return "{" + String.join(",", parts) + "}";
    }
}
