package io.brook.engine.sql.ast;

import java.util.Objects;

/** {@code expr [NOT] BETWEEN low AND high}. */
public record Between(Expression expression, Expression low, Expression high, boolean negated)
        implements Expression {
    public Between {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
    }
}
