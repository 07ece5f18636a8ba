package io.brook.python.bridge;

import io.brook.engine.types.BrookType;
import org.graalvm.polyglot.Value;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values of array, map and tuple columns (and uuid) on their way to and from Python. These cross
 * one row at a time as plain lists, pairs, strings and numbers; the bridge module turns them into
 * lists, dicts, tuples and bytes following the column's shape.
 */
final class NestedValues {
    private NestedValues() {
    }

    /** The column's shape as a Python literal, e.g. {@code ('array', ('string',))}. */
    static String shape(BrookType type) {
        return switch (type.kind()) {
            case ARRAY -> "('array', " + shape(type.elements().getFirst()) + ")";
            case MAP -> "('map', " + shape(type.elements().get(0)) + ", " + shape(type.elements().get(1)) + ")";
            case TUPLE -> {
                StringBuilder items = new StringBuilder("('tuple', (");
                for (BrookType element : type.elements()) {
                    items.append(shape(element)).append(", ");
                }
                yield items.append("))").toString();
            }
            case STRING, FIXED_STRING -> "('string',)";
            case BOOL -> "('bool',)";
            case FLOAT32, FLOAT64 -> "('float',)";
            case DATE, DATE32 -> "('date',)";
            case DATETIME, DATETIME64 -> "('datetime', '" + (type.timezone() == null ? "UTC" : type.timezone()) + "')";
            case DECIMAL -> "('decimal',)";
            case UUID -> "('uuid',)";
            case NOTHING -> "('none',)";
            default -> "('int',)";
        };
    }

    /** A Java value read from a vector, in the plain form the bridge module expects. */
    static Object toBridge(Object value, BrookType type) {
        if (value == null) {
            return null;
        }
        return switch (type.kind()) {
            case ARRAY -> {
                List<Object> items = new ArrayList<>();
                for (Object item : (List<?>) value) {
                    items.add(toBridge(item, type.elements().getFirst()));
                }
                yield items;
            }
            case TUPLE -> {
                List<?> fields = (List<?>) value;
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < fields.size(); i++) {
                    items.add(toBridge(fields.get(i), type.elements().get(i)));
                }
                yield items;
            }
            case MAP -> {
                List<Object> pairs = new ArrayList<>();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    pairs.add(java.util.Arrays.asList(toBridge(entry.getKey(), type.elements().get(0)),
                            toBridge(entry.getValue(), type.elements().get(1))));
                }
                yield pairs;
            }
            case DATE, DATE32 -> ((LocalDate) value).toEpochDay();
            case DATETIME, DATETIME64 -> ChronoUnit.MICROS.between(Instant.EPOCH, (Instant) value);
            case DECIMAL -> ((BigDecimal) value).toPlainString();
            case UUID, STRING, FIXED_STRING -> value.toString();
            default -> value;
        };
    }

    /** A plain Python value (lists, dicts, str, numbers, ISO dates) as the Java value of {@code type}. */
    static Object fromBridge(Value value, BrookType type) {
        if (value == null || value.isNull()) {
            return null;
        }
        return switch (type.kind()) {
            case ARRAY -> {
                List<Object> items = new ArrayList<>();
                for (long i = 0; i < value.getArraySize(); i++) {
                    items.add(fromBridge(value.getArrayElement(i), type.elements().getFirst()));
                }
                yield items;
            }
            case TUPLE -> {
                List<Object> items = new ArrayList<>();
                for (long i = 0; i < value.getArraySize(); i++) {
                    items.add(fromBridge(value.getArrayElement(i), type.elements().get((int) i)));
                }
                yield items;
            }
            case MAP -> {
                Map<Object, Object> map = new LinkedHashMap<>();
                Value keys = value.getHashKeysIterator();
                while (keys.hasIteratorNextElement()) {
                    Value key = keys.getIteratorNextElement();
                    map.put(fromBridge(key, type.elements().get(0)), fromBridge(value.getHashValue(key), type.elements().get(1)));
                }
                yield map;
            }
            case DATE, DATE32 -> LocalDate.parse(value.asString());
            case DATETIME, DATETIME64 -> OffsetDateTime.parse(value.asString()).toInstant();
            case BOOL -> value.asBoolean();
            case FLOAT32, FLOAT64 -> value.asDouble();
            case STRING, FIXED_STRING, UUID, DECIMAL -> value.isString() ? value.asString() : value.toString();
            default -> value.fitsInLong() ? (Object) value.asLong() : new BigDecimal(value.toString());
        };
    }
}
