package io.brook.engine.sql.ast;

import java.util.Objects;

/** {@code expr IS [NOT] NULL}. */
public record IsNull(Expression expression, boolean negated) implements Expression {
    public IsNull {
        Objects.requireNonNull(expression, "expression");
    }
}
