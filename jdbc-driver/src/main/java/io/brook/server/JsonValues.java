package io.brook.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Values between JSON and the engine. In: JSON numbers become {@code Long} (or {@code BigDecimal}
 * when too large) and {@code Double}, strings stay strings (the INSERT casts them to the
 * column's type, datetimes included), arrays lists, objects maps. Out: numbers and booleans as
 * JSON numbers and booleans, datetimes and dates as ISO-8601 text, UUIDs as text, strings as
 * text (bytes as UTF-8), arrays, maps and tuples as JSON arrays and objects.
 */
final class JsonValues {
    private JsonValues() {
    }

    static Object fromJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : new BigDecimal(node.bigIntegerValue());
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>(node.size());
            node.forEach(item -> items.add(fromJson(item)));
            return items;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            map.put(field.getKey(), fromJson(field.getValue()));
        }
        return map;
    }

    static Object toJson(Object value) {
        return switch (value) {
            case null -> null;
            case Number number -> number;
            case Boolean bool -> bool;
            case String text -> text;
            case byte[] bytes -> new String(bytes, StandardCharsets.UTF_8);
            case TemporalAccessor temporal -> temporal.toString();
            case UUID uuid -> uuid.toString();
            case List<?> list -> list.stream().map(JsonValues::toJson).toList();
            case Map<?, ?> map -> {
                Map<String, Object> out = new LinkedHashMap<>();
                map.forEach((key, item) -> out.put(String.valueOf(toJson(key)), toJson(item)));
                yield out;
            }
            default -> value.toString();
        };
    }
}
