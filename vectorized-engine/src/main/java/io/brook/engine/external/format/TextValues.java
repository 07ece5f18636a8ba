package io.brook.engine.external.format;

import io.brook.engine.catalog.Column;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.kernel.text.TemporalText;
import io.brook.engine.expr.kernel.time.ZoneOffsets;
import io.brook.engine.expr.vector.JavaValues;
import io.brook.engine.types.BrookType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cell values from text (a CSV or TSV field, a JSON string in a non-string column) in the Java
 * forms the engine's chunk builder takes, parsed as the engine's casts parse them: datetimes
 * with the engine's own text reader, integers exactly, bools as true/false/1/0.
 */
final class TextValues {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private TextValues() {
    }

    /** The value of a cell of {@code type} written as {@code text}; IllegalArgumentException-like failures name the text. */
    static Object parse(String text, BrookType type) {
        try {
            Object value = switch (type.kind()) {
                case STRING, FIXED_STRING, UUID -> text;
                case FLOAT32, FLOAT64 -> Double.parseDouble(text.strip());
                case DECIMAL -> new BigDecimal(text.strip());
                case BOOL -> bool(text);
                case DATE, DATE32 -> LocalDate.ofEpochDay(TemporalText.parseDate(text));
                case DATETIME, DATETIME64 -> instant(TemporalText.parseDateTime(text, ZoneOffsets.of(type), NANOS_PER_SECOND));
                case ARRAY, MAP, TUPLE -> throw new IllegalArgumentException("nested values need JSON");
                default -> integer(text.strip());
            };
            return JavaValues.normalize(value, type);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new BrookException(ErrorCode.CANNOT_PARSE_TEXT, "Cannot parse '" + text + "' as " + type);
        }
    }

    /** The value a column takes when a message does not give it: its literal DEFAULT, else zero (or NULL). */
    static Object missing(Column column) {
        String expression = column.defaultExpression();
        if (expression != null) {
            String literal = expression.strip();
            if (literal.length() >= 2 && literal.startsWith("'") && literal.endsWith("'")) {
                return parse(literal.substring(1, literal.length() - 1).replace("''", "'"), column.type());
            }
            try {
                return parse(literal, column.type());
            } catch (BrookException notALiteral) {
                // an expression the connector cannot evaluate: the column's zero value
            }
        }
        return column.type().nullable() ? null : JavaValues.normalize(zero(column.type()), column.type());
    }

    static Object zero(BrookType type) {
        return switch (type.kind()) {
            case FLOAT32, FLOAT64 -> 0.0;
            case DECIMAL -> BigDecimal.ZERO;
            case BOOL -> false;
            case STRING, FIXED_STRING -> "";
            case UUID -> new java.util.UUID(0, 0);
            case DATE, DATE32 -> LocalDate.EPOCH;
            case DATETIME, DATETIME64 -> Instant.EPOCH;
            case ARRAY -> List.of();
            case MAP -> Map.of();
            case TUPLE -> type.elements().stream().map(TextValues::zero).toList();
            default -> 0L;
        };
    }

    private static Object integer(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException tooLargeOrNotInteger) {
            return new BigDecimal(text);
        }
    }

    private static boolean bool(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new IllegalArgumentException(text);
        };
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }
}
