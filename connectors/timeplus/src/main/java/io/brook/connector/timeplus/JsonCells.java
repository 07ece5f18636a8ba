package io.brook.connector.timeplus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.types.BrookType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cell values between the JSON of Brook's REST API and the Java forms the engine's chunk builder
 * takes, directed by the column's type: a remote server sends datetimes and dates as ISO-8601
 * text, decimals and integers as numbers, UUIDs as text, arrays and tuples as arrays, maps as
 * objects (so map keys arrive as text). The way out is {@link io.brook.engine.expr.vector.JsonForms}.
 */
final class JsonCells {
    private JsonCells() {
    }

    /** A JSON value as the Java value of a cell of {@code type}. */
    static Object decode(JsonNode node, BrookType type) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return switch (type.kind()) {
            case DATETIME, DATETIME64 -> node.isNumber() ? Instant.ofEpochMilli(node.longValue()) : instant(node.asText());
            case DATE, DATE32 -> node.isNumber() ? LocalDate.ofEpochDay(node.longValue()) : LocalDate.parse(node.asText());
            case DECIMAL -> node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText());
            case FLOAT32, FLOAT64 -> node.isNumber() ? (Object) node.doubleValue() : Double.parseDouble(node.asText());
            case BOOL -> node.isBoolean() ? node.booleanValue() : Boolean.parseBoolean(node.asText());
            case STRING, FIXED_STRING, UUID -> node.asText();
            case ARRAY -> list(node, type);
            case TUPLE -> tuple(node, type);
            case MAP -> map(node, type);
            default -> integer(node);
        };
    }

    private static Object integer(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : new BigDecimal(node.bigIntegerValue());
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        BigDecimal number = new BigDecimal(node.asText().strip());
        try {
            return number.longValueExact();
        } catch (ArithmeticException notLong) {
            return number;
        }
    }

    private static Instant instant(String text) {
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from,
                    LocalDateTime::from);
            return parsed instanceof ZonedDateTime zoned ? zoned.toInstant()
                    : ((LocalDateTime) parsed).toInstant(java.time.ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new BrookException(ErrorCode.CANNOT_PARSE_TEXT, "Cannot parse datetime " + text + " from a remote Brook server");
        }
    }

    private static List<Object> list(JsonNode node, BrookType type) {
        List<Object> items = new ArrayList<>(node.size());
        node.forEach(item -> items.add(decode(item, type.element())));
        return items;
    }

    private static List<Object> tuple(JsonNode node, BrookType type) {
        List<Object> items = new ArrayList<>(node.size());
        int index = 0;
        for (JsonNode item : node) {
            items.add(decode(item, type.elements().get(index++)));
        }
        return items;
    }

    private static Map<Object, Object> map(JsonNode node, BrookType type) {
        Map<Object, Object> map = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            map.put(decode(TextNode.valueOf(field.getKey()), type.elements().get(0)),
                    decode(field.getValue(), type.elements().get(1)));
        }
        return map;
    }
}
