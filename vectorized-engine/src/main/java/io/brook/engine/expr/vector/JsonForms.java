package io.brook.engine.expr.vector;

import io.brook.engine.chunk.Chunk;

import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Cell values in the forms JSON carries, for whoever sends rows as JSON (the server's REST API,
 * connectors to remote servers): numbers and booleans as they are, datetimes and dates as
 * ISO-8601 text, UUIDs as text, strings as text (bytes as UTF-8), arrays and tuples as lists,
 * maps as maps with text keys. An INSERT casts each of these back to its column's type.
 */
public final class JsonForms {
    private JsonForms() {
    }

    public static Object value(Object value) {
        return switch (value) {
            case null -> null;
            case Number number -> number;
            case Boolean bool -> bool;
            case String text -> text;
            case byte[] bytes -> new String(bytes, StandardCharsets.UTF_8);
            case TemporalAccessor temporal -> temporal.toString();
            case UUID uuid -> uuid.toString();
            case List<?> list -> list.stream().map(JsonForms::value).toList();
            case Map<?, ?> map -> {
                Map<String, Object> out = new LinkedHashMap<>();
                map.forEach((key, item) -> out.put(String.valueOf(value(key)), value(item)));
                yield out;
            }
            default -> value.toString();
        };
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) of a chunk, one list of values each. */
    public static List<List<Object>> rows(Chunk chunk, int from, int to) {
        List<List<Object>> rows = new ArrayList<>(to - from);
        for (int row = from; row < to; row++) {
            List<Object> values = new ArrayList<>(chunk.columnCount());
            for (int column = 0; column < chunk.columnCount(); column++) {
                values.add(value(VectorReader.value(chunk.column(column), chunk.position(row))));
            }
            rows.add(values);
        }
        return rows;
    }
}
