package io.brook.jdbc.access;

import io.brook.engine.types.BrookType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import io.brook.engine.types.TypeKind;

/**
 * The text of arrays, maps and tuples as Timeplus prints them: {@code [1,2]},
 * {@code {'a':1}}, {@code (1,'x')}; strings, dates, datetimes and uuids inside them are quoted,
 * with {@code '} and {@code \} escaped, and nulls read NULL.
 */
final class ValueText {
    private ValueText() {
    }

    /** Formats a non-null value of {@code type}; built once per column type. */
    static Function<Object, String> formatter(BrookType type) {
        return switch (type.kind()) {
            case ARRAY -> {
                Function<Object, String> element = literal(type.element());
                yield value -> join((List<?>) value, element, "[", "]");
            }
            case MAP -> {
                Function<Object, String> key = literal(type.elements().get(0));
                Function<Object, String> entry = literal(type.elements().get(1));
                yield value -> {
                    StringBuilder text = new StringBuilder("{");
                    for (Map.Entry<?, ?> item : ((Map<?, ?>) value).entrySet()) {
                        if (text.length() > 1) {
                            text.append(',');
                        }
                        text.append(key.apply(item.getKey())).append(':').append(entry.apply(item.getValue()));
                    }
                    return text.append('}').toString();
                };
            }
            case TUPLE -> {
                List<Function<Object, String>> fields = new ArrayList<>();
                for (BrookType element : type.elements()) {
                    fields.add(literal(element));
                }
                yield value -> {
                    List<?> values = (List<?>) value;
                    StringBuilder text = new StringBuilder("(");
                    for (int i = 0; i < values.size(); i++) {
                        if (i > 0) {
                            text.append(',');
                        }
                        text.append(fields.get(i).apply(values.get(i)));
                    }
                    return text.append(')').toString();
                };
            }
            case DATETIME, DATETIME64 -> value -> TemporalText.format((Instant) value, type);
            default -> value -> value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        };
    }

    /** A value as it appears inside a nested value: quoted when it is text-like, NULL for null. */
    private static Function<Object, String> literal(BrookType type) {
        Function<Object, String> plain = formatter(type);
        boolean quoted = type.kind().isStringLike() || type.kind().isTemporal()
                || type.kind() == TypeKind.UUID;
        return value -> {
            if (value == null) {
                return "NULL";
            }
            String text = plain.apply(value);
            return quoted ? quote(text) : text;
        };
    }

    private static String join(List<?> values, Function<Object, String> element, String open, String close) {
        StringBuilder text = new StringBuilder(open);
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(element.apply(values.get(i)));
        }
        return text.append(close).toString();
    }

    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
