package io.brook.connector.nats;

import com.fasterxml.jackson.databind.JsonNode;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON values of a JSONEachRow message as the Java values the engine's chunk builder takes,
 * directed by the column's type. Lenient the way JSONEachRow readers are: numbers may come
 * quoted, datetimes as {@code 2024-01-02 03:04:05[.fff]}, ISO-8601 text or epoch seconds, dates
 * as {@code 2024-01-02} or days since 1970, booleans as true/false or 0/1. A value that does not
 * fit its column throws {@link IllegalArgumentException} with the reason.
 */
final class JsonValues {
    private static final DateTimeFormatter SPACED = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private JsonValues() {
    }

    /** The value of a column of {@code type} that the message leaves out. */
    static Object missing(BrookType type) {
        if (type.nullable()) {
            return null;
        }
        return switch (type.kind()) {
            case STRING, FIXED_STRING -> "";
            case BOOL -> false;
            case FLOAT32, FLOAT64 -> 0.0;
            case DECIMAL -> BigDecimal.ZERO;
            case DATE, DATE32 -> LocalDate.EPOCH;
            case DATETIME, DATETIME64 -> Instant.EPOCH;
            case UUID -> new java.util.UUID(0, 0);
            case ARRAY, TUPLE -> List.of();
            case MAP -> Map.of();
            case NOTHING -> null;
            default -> 0L;
        };
    }

    static Object value(JsonNode node, BrookType type) {
        if (node == null || node.isMissingNode()) {
            return missing(type);
        }
        if (node.isNull()) {
            if (!type.nullable()) {
                throw new IllegalArgumentException("null for column of non-nullable type " + type);
            }
            return null;
        }
        TypeKind kind = type.kind();
        if (kind.isInteger() || kind == TypeKind.UINT64) {
            return integer(node, type);
        }
        return switch (kind) {
            case FLOAT32, FLOAT64 -> node.isNumber() ? node.doubleValue() : Double.parseDouble(text(node, type));
            case DECIMAL -> node.isNumber() ? node.decimalValue() : new BigDecimal(text(node, type));
            case BOOL -> bool(node, type);
            case STRING, FIXED_STRING -> node.isValueNode() ? node.asText() : node.toString();
            case UUID -> text(node, type);
            case DATE, DATE32 -> node.isIntegralNumber() ? LocalDate.ofEpochDay(node.longValue())
                    : LocalDate.parse(text(node, type));
            case DATETIME, DATETIME64 -> instant(node, type);
            case ARRAY -> array(node, type);
            case TUPLE -> tuple(node, type);
            case MAP -> map(node, type);
            default -> throw new IllegalArgumentException("columns of type " + type + " cannot be read from JSON");
        };
    }

    private static Object integer(JsonNode node, BrookType type) {
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? 1L : 0L;
        }
        return new BigDecimal(text(node, type));
    }

    private static Boolean bool(JsonNode node, BrookType type) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.doubleValue() != 0;
        }
        return switch (text(node, type).toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new IllegalArgumentException("cannot read " + node + " as bool");
        };
    }

    private static Instant instant(JsonNode node, BrookType type) {
        if (node.isNumber()) {
            BigDecimal seconds = node.decimalValue();
            long whole = seconds.longValue();
            int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
            return Instant.ofEpochSecond(whole, nanos);
        }
        String text = text(node, type);
        try {
            if (text.length() > 10 && text.charAt(10) == ' ') {
                return LocalDateTime.parse(text, SPACED).atZone(io.brook.engine.expr.vector.JavaValues.zone(type)).toInstant();
            }
            if (text.endsWith("Z") || text.lastIndexOf('+') > 10 || text.lastIndexOf('-') > 10) {
                return OffsetDateTime.parse(text).toInstant();
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(io.brook.engine.expr.vector.JavaValues.zone(type)).toInstant();
            }
            return LocalDateTime.parse(text).atZone(io.brook.engine.expr.vector.JavaValues.zone(type)).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("cannot read " + node + " as " + type);
        }
    }

    private static List<Object> array(JsonNode node, BrookType type) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("expected a JSON array for " + type + ", got " + node);
        }
        List<Object> items = new ArrayList<>(node.size());
        node.forEach(item -> items.add(value(item, type.element())));
        return items;
    }

    private static List<Object> tuple(JsonNode node, BrookType type) {
        List<BrookType> elements = type.elements();
        List<Object> items = new ArrayList<>(elements.size());
        if (node.isArray() && node.size() == elements.size()) {
            for (int index = 0; index < elements.size(); index++) {
                items.add(value(node.get(index), elements.get(index)));
            }
            return items;
        }
        throw new IllegalArgumentException("expected a JSON array of " + elements.size() + " items for " + type
                + ", got " + node);
    }

    private static Map<Object, Object> map(JsonNode node, BrookType type) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object for " + type + ", got " + node);
        }
        Map<Object, Object> map = new LinkedHashMap<>();
        BrookType keyType = type.elements().get(0);
        BrookType valueType = type.elements().get(1);
        node.properties().forEach(entry -> map.put(
                value(com.fasterxml.jackson.databind.node.TextNode.valueOf(entry.getKey()), keyType),
                value(entry.getValue(), valueType)));
        return map;
    }

    private static String text(JsonNode node, BrookType type) {
        if (!node.isValueNode()) {
            throw new IllegalArgumentException("cannot read " + node + " as " + type);
        }
        return node.asText().strip();
    }
}
