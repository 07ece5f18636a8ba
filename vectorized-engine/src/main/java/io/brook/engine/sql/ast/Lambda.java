package io.brook.engine.sql.ast;

import java.util.List;
import java.util.Objects;

/** {@code x -> expr} or {@code (x, y) -> expr}, an argument of array functions like array_map. */
public record Lambda(List<String> parameters, Expression body) implements Expression {
    public Lambda {
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(body, "body");
    }
}
