package io.brook.engine.sql.ast;

import java.util.List;
import java.util.Objects;

/** {@code expr [NOT] IN (v1, v2, ...)}. */
public record InList(Expression expression, List<Expression> values, boolean negated)
        implements Expression {
    public InList {
        Objects.requireNonNull(expression, "expression");
        values = List.copyOf(values);
    }
}
