package io.brook.engine.sql.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code name(args)}, {@code name(DISTINCT args)} or {@code name(*)}. The name keeps the case the
 * user wrote; function lookup ignores case. {@code cast(x, 'type')} is a call too (only
 * {@code CAST(x AS type)} and {@code x::type} make a {@link Cast}).
 *
 * @param star true for {@code count(*)}; {@code arguments} is then empty
 */
public record FunctionCall(String name, List<Expression> arguments, boolean distinct, boolean star)
        implements Expression {
    public FunctionCall {
        Objects.requireNonNull(name, "name");
        arguments = List.copyOf(arguments);
    }

    public static FunctionCall of(String name, Expression... arguments) {
        return new FunctionCall(name, List.of(arguments), false, false);
    }
}
