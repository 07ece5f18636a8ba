package io.brook.connector.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brook.engine.catalog.Column;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.vector.JavaValues;
import io.brook.engine.expr.vector.JsonForms;
import io.brook.engine.types.BrookType;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code JSONEachRow}: a JSON object per row, keys naming columns. Missing keys take the
 * column's default, unknown keys are ignored. Unless one message is one row, a message may hold
 * several objects separated by newlines (or any white space).
 */
final class JsonEachRowFormat implements MessageFormat {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Column> payload;
    private final boolean oneMessagePerRow;

    JsonEachRowFormat(List<Column> payload, boolean oneMessagePerRow) {
        this.payload = payload;
        this.oneMessagePerRow = oneMessagePerRow;
    }

    @Override
    public void decode(byte[] message, List<List<Object>> rows) {
        try (MappingIterator<JsonNode> objects = JSON.readerFor(JsonNode.class).readValues(message)) {
            int count = 0;
            while (objects.hasNextValue()) {
                JsonNode object = objects.nextValue();
                if (!object.isObject()) {
                    throw new BrookException(ErrorCode.CANNOT_PARSE_TEXT, "expected a JSON object, got " + object.getNodeType());
                }
                if (++count > 1 && oneMessagePerRow) {
                    throw new BrookException(ErrorCode.CANNOT_PARSE_TEXT, "more than one row in a message (one_message_per_row=true)");
                }
                rows.add(row(object));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BrookException(ErrorCode.CANNOT_PARSE_TEXT, "invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BrookException(ErrorCode.CANNOT_PARSE_TEXT, "invalid JSON: " + e.getMessage());
        }
    }

    private List<Object> row(JsonNode object) {
        List<Object> row = new ArrayList<>(payload.size());
        for (Column column : payload) {
            JsonNode node = object.get(column.name());
            row.add(node == null ? TextValues.missing(column) : JavaValues.normalize(value(node, column.type()), column.type()));
        }
        return row;
    }

    /** A JSON value as a Java value for a column of {@code type} (normalised by the caller). */
    private static Object value(JsonNode node, BrookType type) {
        if (node.isNull()) {
            return type.nullable() ? null : TextValues.zero(type);
        }
        return switch (type.kind()) {
            case STRING, FIXED_STRING -> node.isTextual() ? node.textValue() : node.toString();
            case ARRAY -> {
                List<Object> items = new ArrayList<>(node.size());
                node.forEach(item -> items.add(value(item, type.element())));
                yield items;
            }
            case TUPLE -> {
                List<Object> items = new ArrayList<>(node.size());
                int index = 0;
                for (JsonNode item : node) {
                    items.add(value(item, type.elements().get(Math.min(index++, type.elements().size() - 1))));
                }
                yield items;
            }
            case MAP -> {
                Map<Object, Object> map = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    map.put(TextValues.parse(field.getKey(), type.elements().get(0)), value(field.getValue(), type.elements().get(1)));
                }
                yield map;
            }
            default -> scalar(node, type);
        };
    }

    private static Object scalar(JsonNode node, BrookType type) {
        if (node.isTextual()) {
            return TextValues.parse(node.textValue(), type);
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : new BigDecimal(node.bigIntegerValue());
        }
        if (node.isNumber()) {
            return type.kind() == io.brook.engine.types.TypeKind.DECIMAL ? node.decimalValue() : (Object) node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        throw new BrookException(ErrorCode.CANNOT_PARSE_TEXT, "Cannot read " + node + " as " + type);
    }

    @Override
    public byte[] encode(List<Object> row) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int column = 0; column < payload.size(); column++) {
            object.put(payload.get(column).name(), JsonForms.value(row.get(column)));
        }
        try {
            return JSON.writeValueAsBytes(object);
        } catch (JsonProcessingException e) {
            throw new BrookException(ErrorCode.LOGICAL_ERROR, "Cannot encode a row as JSON: " + e.getOriginalMessage());
        }
    }
}
