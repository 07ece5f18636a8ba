package io.brook.connector.pulsar;

import com.fasterxml.jackson.databind.JsonNode;
import io.brook.engine.catalog.Column;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.kernel.text.TemporalText;
import io.brook.engine.expr.kernel.time.ZoneOffsets;
import io.brook.engine.expr.vector.VectorReader;
import io.brook.engine.types.ArrowMapping;
import io.brook.engine.types.BrookType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A field of a JSONEachRow object as the Java value the engine's chunk builder takes for the
 * column's type. Numbers may come as JSON numbers or text; dates and datetimes as text in the
 * engine's own forms ({@code 2024-01-02}, {@code 2024-01-02 03:04:05.678}, ISO-8601 with an
 * offset) or as numbers (days, epoch seconds); a nested object or array in a string column is
 * kept as its JSON text. A missing field or JSON null is null in a nullable column, else the
 * type's zero value.
 */
final class JsonCells {
    private JsonCells() {
    }

    static Object decode(JsonNode node, Column column, String where) {
        try {
            return value(node, column.type());
        } catch (BrookException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BrookException(ErrorCode.CANNOT_PARSE_TEXT, "Cannot parse JSONEachRow " + where + ": value "
                    + MessageFormat.abbreviate(String.valueOf(node)) + " of field " + column.name()
                    + " is not a " + column.type());
        }
    }

    private static Object value(JsonNode node, BrookType type) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return type.nullable() ? null : zero(type);
        }
        return switch (type.kind()) {
            case STRING, FIXED_STRING -> node.isValueNode() ? node.asText() : node.toString();
            case BOOL -> node.isBoolean() ? node.booleanValue()
                    : node.isNumber() ? node.doubleValue() != 0 : parseBool(node.asText());
            case FLOAT32, FLOAT64 -> node.isNumber() ? node.doubleValue() : Double.parseDouble(node.asText().strip());
            case DECIMAL -> node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText().strip());
            case UUID -> UUID.fromString(node.asText().strip());
            case DATE, DATE32 -> LocalDate.ofEpochDay(node.isNumber() ? node.longValue()
                    : TemporalText.parseDate(node.asText()));
            case DATETIME, DATETIME64 -> instant(node, type);
            case ARRAY -> {
                List<Object> items = new ArrayList<>(node.size());
                for (JsonNode item : node) {
                    items.add(value(item, type.element()));
                }
                yield items;
            }
            case TUPLE -> {
                List<Object> items = new ArrayList<>(type.elements().size());
                for (int i = 0; i < type.elements().size(); i++) {
                    JsonNode item = node.isObject() && type.fieldNames().size() > i
                            ? node.get(type.fieldNames().get(i)) : node.get(i);
                    items.add(value(item, type.elements().get(i)));
                }
                yield items;
            }
            case MAP -> {
                Map<Object, Object> entries = new LinkedHashMap<>();
                var fields = node.fields();
                while (fields.hasNext()) {
                    var field = fields.next();
                    entries.put(value(com.fasterxml.jackson.databind.node.TextNode.valueOf(field.getKey()),
                            type.elements().get(0)), value(field.getValue(), type.elements().get(1)));
                }
                yield entries;
            }
            default -> integer(node);
        };
    }

    /** An integer of any width: a Long when it fits, else a BigDecimal the writer range-checks. */
    private static Object integer(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue() ? 1L : 0L;
        }
        BigDecimal number = node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText().strip());
        try {
            return number.longValueExact();
        } catch (ArithmeticException notALong) {
            return number;
        }
    }

    private static Instant instant(JsonNode node, BrookType type) {
        if (node.isNumber()) {
            BigDecimal seconds = node.decimalValue();
            BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
            return Instant.ofEpochSecond(whole.longValueExact(),
                    seconds.subtract(whole).movePointRight(9).longValue());
        }
        long perSecond = ArrowMapping.ticksPerSecond(type);
        return VectorReader.instant(TemporalText.parseDateTime(node.asText(), ZoneOffsets.of(type), perSecond), perSecond);
    }

    private static boolean parseBool(String text) {
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new IllegalArgumentException(text);
        };
    }

    /** What a non-nullable column holds when a row has no value for it. */
    private static Object zero(BrookType type) {
        return switch (type.kind()) {
            case STRING, FIXED_STRING -> "";
            case BOOL -> false;
            case FLOAT32, FLOAT64 -> 0.0d;
            case DECIMAL -> BigDecimal.ZERO;
            case UUID -> new UUID(0, 0);
            case DATE, DATE32 -> LocalDate.EPOCH;
            case DATETIME, DATETIME64 -> Instant.EPOCH;
            case ARRAY, MAP -> type.kind() == io.brook.engine.types.TypeKind.MAP ? Map.of() : List.of();
            case TUPLE -> type.elements().stream().map(JsonCells::zero).toList();
            default -> 0L;
        };
    }
}
