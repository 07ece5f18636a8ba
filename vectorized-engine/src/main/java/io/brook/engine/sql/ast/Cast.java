package io.brook.engine.sql.ast;

import java.util.Objects;

/** {@code CAST(expr AS type)} or {@code expr::type}. */
public record Cast(Expression expression, DataTypeSpec type) implements Expression {
    public Cast {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(type, "type");
    }
}
