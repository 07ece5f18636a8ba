package io.brook.engine.types;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a type name such as {@code nullable(decimal(10, 2))} or {@code tuple(a int32, b string)}.
 * Type names are matched case-insensitively and accept the usual SQL aliases, so DDL copied from
 * Timeplus, ClickHouse or a BI tool works.
 */
public final class TypeParser {
    private static final Map<String, TypeKind> SIMPLE = Map.ofEntries(
            Map.entry("int8", TypeKind.INT8), Map.entry("tinyint", TypeKind.INT8),
            Map.entry("int16", TypeKind.INT16), Map.entry("smallint", TypeKind.INT16),
            Map.entry("int32", TypeKind.INT32), Map.entry("int", TypeKind.INT32),
            Map.entry("integer", TypeKind.INT32),
            Map.entry("int64", TypeKind.INT64), Map.entry("bigint", TypeKind.INT64),
            Map.entry("uint8", TypeKind.UINT8), Map.entry("uint16", TypeKind.UINT16),
            Map.entry("uint32", TypeKind.UINT32), Map.entry("uint64", TypeKind.UINT64),
            Map.entry("float32", TypeKind.FLOAT32), Map.entry("float", TypeKind.FLOAT32),
            Map.entry("real", TypeKind.FLOAT32),
            Map.entry("float64", TypeKind.FLOAT64), Map.entry("double", TypeKind.FLOAT64),
            Map.entry("bool", TypeKind.BOOL), Map.entry("boolean", TypeKind.BOOL),
            Map.entry("string", TypeKind.STRING), Map.entry("varchar", TypeKind.STRING),
            Map.entry("text", TypeKind.STRING),
            Map.entry("uuid", TypeKind.UUID),
            Map.entry("date", TypeKind.DATE), Map.entry("date32", TypeKind.DATE32),
            Map.entry("nothing", TypeKind.NOTHING));

    private final String text;
    private int position;

    private TypeParser(String text) {
        this.text = text;
    }

    public static BrookType parse(String text) {
        TypeParser parser = new TypeParser(text);
        BrookType type = parser.type();
        parser.skipSpaces();
        if (parser.position != text.length()) {
            throw parser.error();
        }
        return type;
    }

    private BrookType type() {
        String name = word().toLowerCase(Locale.ROOT);
        skipSpaces();
        boolean hasArguments = peek() == '(';
        switch (name) {
            case "nullable" -> {
                return single().withNullable(true);
            }
            case "low_cardinality", "lowcardinality" -> {
                return single().withLowCardinality(true);
            }
            case "array" -> {
                return BrookType.array(single());
            }
            case "map" -> {
                expect('(');
                BrookType key = type();
                expect(',');
                BrookType value = type();
                expect(')');
                return BrookType.map(key, value);
            }
            case "tuple" -> {
                return tuple();
            }
            case "decimal", "numeric" -> {
                List<String> args = hasArguments ? arguments() : List.of("38", "10");
                int precision = number(args.get(0));
                int scale = args.size() > 1 ? number(args.get(1)) : 0;
                if (precision < 1 || precision > 76 || scale < 0 || scale > precision) {
                    throw new BrookException(ErrorCode.ARGUMENT_OUT_OF_BOUND,
                            "Decimal precision " + precision + " and scale " + scale + " are out of range");
                }
                return BrookType.decimal(precision, scale);
            }
            case "fixed_string", "fixedstring" -> {
                int length = number(arguments().getFirst());
                if (length < 1) {
                    throw new BrookException(ErrorCode.ARGUMENT_OUT_OF_BOUND, "fixed_string length must be positive");
                }
                return BrookType.fixedString(length);
            }
            case "datetime", "timestamp" -> {
                List<String> args = hasArguments ? arguments() : List.of();
                return BrookType.datetime(args.isEmpty() ? null : unquote(args.getFirst()));
            }
            case "datetime64" -> {
                List<String> args = hasArguments ? arguments() : List.of("3");
                int precision = number(args.get(0));
                if (precision < 0 || precision > 9) {
                    throw new BrookException(ErrorCode.ARGUMENT_OUT_OF_BOUND,
                            "datetime64 precision " + precision + " is out of range 0..9");
                }
                return BrookType.datetime64(precision, args.size() > 1 ? unquote(args.get(1)) : null);
            }
            default -> {
                TypeKind kind = SIMPLE.get(name);
                if (kind == null || hasArguments && !"string".equals(name) && !"varchar".equals(name)) {
                    throw new BrookException(ErrorCode.UNKNOWN_TYPE, "Unknown data type family: " + name);
                }
                if (hasArguments) {
                    arguments(); // varchar(255): the length is a hint only
                }
                return BrookType.simple(kind);
            }
        }
    }

    private BrookType single() {
        expect('(');
        BrookType inner = type();
        expect(')');
        return inner;
    }

    private BrookType tuple() {
        expect('(');
        List<BrookType> elements = new ArrayList<>();
        List<String> names = new ArrayList<>();
        do {
            int start = position;
            String first = word();
            skipSpaces();
            if (peek() != ',' && peek() != ')' && peek() != '(') {
                names.add(first);
                elements.add(type());
            } else {
                position = start;
                elements.add(type());
            }
            skipSpaces();
        } while (tryConsume(','));
        expect(')');
        if (!names.isEmpty() && names.size() != elements.size()) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS, "Tuple elements must be all named or all unnamed");
        }
        return BrookType.tuple(elements, names);
    }

    /** Raw comma-separated arguments of a parameterised type, e.g. {@code 3, 'UTC'}. */
    private List<String> arguments() {
        expect('(');
        List<String> args = new ArrayList<>();
        do {
            skipSpaces();
            int start = position;
            if (peek() == '\'') {
                position++;
                while (position < text.length() && text.charAt(position) != '\'') {
                    position++;
                }
                position++;
            } else {
                while (position < text.length() && ",)".indexOf(text.charAt(position)) < 0) {
                    position++;
                }
            }
            args.add(text.substring(start, Math.min(position, text.length())).strip());
            skipSpaces();
        } while (tryConsume(','));
        expect(')');
        return args;
    }

    private String word() {
        skipSpaces();
        int start = position;
        while (position < text.length()
                && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
            position++;
        }
        if (start == position) {
            throw error();
        }
        return text.substring(start, position);
    }

    private int number(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS, "Expected a number in type " + text + ", got " + value);
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("'") && value.endsWith("'")
                ? value.substring(1, value.length() - 1) : value;
    }

    private char peek() {
        skipSpaces();
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private boolean tryConsume(char c) {
        if (peek() == c) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!tryConsume(c)) {
            throw error();
        }
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private BrookException error() {
        return new BrookException(ErrorCode.UNKNOWN_TYPE,
                "Cannot parse type '" + text + "' at position " + (position + 1));
    }
}
