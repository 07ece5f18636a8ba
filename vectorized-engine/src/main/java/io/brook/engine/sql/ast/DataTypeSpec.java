package io.brook.engine.sql.ast;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A type as written in DDL, a CAST or a function signature, before the engine resolves it:
 * {@code int64}, {@code nullable(int32)}, {@code decimal(10, 2)}, {@code datetime64(3, 'UTC')},
 * {@code map(string, int64)}, {@code tuple(a int32, b string)}.
 *
 * <p>The name keeps the user's case; the engine's type parser normalises it. {@link #toString()}
 * gives type text that parses back to an equal spec, which is how the planner hands it on.
 *
 * @param name      the type name as written
 * @param arguments the parenthesised arguments, in order; each is an {@link Integer}, a
 *                  {@link String} (a quoted argument, unescaped), a nested {@code DataTypeSpec}
 *                  or a {@link Field} ({@code name type} inside tuple); empty without parentheses
 */
public record DataTypeSpec(String name, List<Object> arguments) {
    public DataTypeSpec {
        Objects.requireNonNull(name, "name");
        arguments = List.copyOf(arguments);
        for (Object argument : arguments) {
            if (!(argument instanceof Integer || argument instanceof String
                    || argument instanceof DataTypeSpec || argument instanceof Field)) {
                throw new IllegalArgumentException("not a type argument: " + argument);
            }
        }
    }

    public static DataTypeSpec of(String name, Object... arguments) {
        return new DataTypeSpec(name, List.of(arguments));
    }

    /** A named element of a tuple type: {@code a int32} in {@code tuple(a int32, b string)}. */
    public record Field(String name, DataTypeSpec type) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }

        @Override
        public String toString() {
            return quoteNameIfNeeded(name) + " " + type;
        }
    }

    @Override
    public String toString() {
        if (arguments.isEmpty()) {
            return name;
        }
        return arguments.stream().map(DataTypeSpec::argumentText)
                .collect(Collectors.joining(", ", name + "(", ")"));
    }

    private static String argumentText(Object argument) {
        if (argument instanceof String text) {
            return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        return argument.toString();
    }

    private static String quoteNameIfNeeded(String name) {
        return name.matches("[A-Za-z_][A-Za-z_0-9]*") ? name : "`" + name.replace("`", "``") + "`";
    }
}
