package io.brook.engine.external.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.brook.engine.catalog.Column;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.vector.JavaValues;
import io.brook.engine.expr.vector.JsonForms;
import io.brook.engine.types.BrookType;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code JSONEachRow}: a JSON object per row, keys naming columns. Missing keys take the
 * column's default, unknown keys are ignored. Unless one message is one row, a message may hold
 * several objects separated by newlines (or any white space).
 */
final class JsonEachRowFormat implements MessageFormat {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What {@link #scalarToken} answers when the value has to go through a tree node. */
    private static final Object NOT_SCALAR = new Object();

    private final List<Column> payload;
    private final boolean oneMessagePerRow;
    private final Map<String, Integer> columnIndex = new HashMap<>();
    /** Per column: the value a row without its key takes. */
    private final Object[] missing;
    private final Object[] row;
    private final boolean[] seen;

    JsonEachRowFormat(List<Column> payload, boolean oneMessagePerRow) {
        this.payload = List.copyOf(payload);
        this.oneMessagePerRow = oneMessagePerRow;
        this.missing = new Object[payload.size()];
        this.row = new Object[payload.size()];
        this.seen = new boolean[payload.size()];
        for (int column = 0; column < payload.size(); column++) {
            columnIndex.putIfAbsent(payload.get(column).name(), column);
            missing[column] = TextValues.missing(payload.get(column));
        }
    }

    @Override
    public void decode(byte[] message, Consumer<Object[]> rows) {
        try (JsonParser parser = JSON.getFactory().createParser(message)) {
            int count = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token != JsonToken.START_OBJECT) {
                    JsonNode value = JSON.readTree(parser);
                    throw new BrookException(ErrorCode.CANNOT_PARSE_TEXT, "expected a JSON object, got "
                            + (value == null ? JsonNodeType.MISSING : value.getNodeType()));
                }
                if (++count > 1 && oneMessagePerRow) {
                    throw new BrookException(ErrorCode.CANNOT_PARSE_TEXT, "more than one row in a message (one_message_per_row=true)");
                }
                readRow(parser);
                rows.accept(row);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BrookException(ErrorCode.CANNOT_PARSE_TEXT, "invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BrookException(ErrorCode.CANNOT_PARSE_TEXT, "invalid JSON: " + e.getMessage());
        }
    }

    /**
     * Reads the object the parser is at the start of into {@link #row}, one value per payload
     * column, as it streams by: a scalar goes straight to its column's value, only a nested value
     * becomes a tree. A repeated key keeps its last value; a missing one takes the column's default.
     */
    private void readRow(JsonParser parser) throws IOException {
        Arrays.fill(seen, false);
        for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
            Integer column = columnIndex.get(key);
            JsonToken token = parser.nextToken();
            if (column == null) {
                parser.skipChildren();
                continue;
            }
            row[column] = cell(parser, token, column);
            seen[column] = true;
        }
        for (int column = 0; column < row.length; column++) {
            if (!seen[column]) {
                row[column] = missing[column];
            }
        }
    }

    /** The value of column {@code column} that the parser is at; a failure names the column. */
    private Object cell(JsonParser parser, JsonToken token, int column) throws IOException {
        BrookType type = payload.get(column).type();
        try {
            Object value = token.isScalarValue() ? scalarToken(parser, token, type) : NOT_SCALAR;
            if (value == NOT_SCALAR) {
                value = value(JSON.readTree(parser), type);
            }
            return isFinal(value, type) ? value : JavaValues.normalize(value, type);
        } catch (BrookException | IllegalArgumentException | ArithmeticException | ClassCastException e) {
            String reason = e instanceof BrookException brook ? brook.text() : String.valueOf(e.getMessage());
            throw new BrookException(ErrorCode.CANNOT_PARSE_TEXT, "column " + payload.get(column).name() + ": " + reason);
        }
    }

    /** A value already in the form {@link JavaValues#normalize} gives, for the commonest columns. */
    private static boolean isFinal(Object value, BrookType type) {
        return switch (type.kind()) {
            case FLOAT64 -> value instanceof Double;
            case STRING -> value instanceof String;
            case INT64 -> value instanceof Long;
            default -> false;
        };
    }

    /**
     * The value {@link #value} gives for the scalar the parser is at, read from the parser without a
     * tree node; {@link #NOT_SCALAR} where only the tree gives the same answer (a non-string into a
     * string column, any number into a decimal column, a scalar into a nested type).
     */
    private static Object scalarToken(JsonParser parser, JsonToken token, BrookType type) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return type.nullable() ? null : TextValues.zero(type);
        }
        return switch (type.kind()) {
            case STRING, FIXED_STRING -> token == JsonToken.VALUE_STRING ? parser.getText() : NOT_SCALAR;
            case ARRAY, TUPLE, MAP, DECIMAL -> NOT_SCALAR;
            case DATE, DATE32, DATETIME, DATETIME64 -> token.isNumeric() ? temporalNumber(parser, type)
                    : token == JsonToken.VALUE_STRING ? TextValues.parse(parser.getText(), type) : NOT_SCALAR;
            default -> switch (token) {
                case VALUE_STRING -> TextValues.parse(parser.getText(), type);
                case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                    case INT, LONG -> (Object) parser.getLongValue();
                    default -> NOT_SCALAR;
                };
                case VALUE_NUMBER_FLOAT -> parser.getNumberType() == JsonParser.NumberType.DOUBLE
                        || parser.getNumberType() == JsonParser.NumberType.FLOAT ? (Object) parser.getDoubleValue() : NOT_SCALAR;
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                default -> NOT_SCALAR;
            };
        };
    }

    /** A JSON number in a date column (days since 1970) or a datetime column (seconds since 1970, with a fraction). */
    private static Object temporalNumber(JsonParser parser, BrookType type) throws IOException {
        BigDecimal number = parser.getDecimalValue();
        if (type.kind() == io.brook.engine.types.TypeKind.DATE || type.kind() == io.brook.engine.types.TypeKind.DATE32) {
            return java.time.LocalDate.ofEpochDay(number.longValueExact());
        }
        BigDecimal seconds = number.setScale(0, java.math.RoundingMode.FLOOR);
        long nanos = number.subtract(seconds).movePointRight(9).longValue();
        return java.time.Instant.ofEpochSecond(seconds.longValueExact(), nanos);
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
