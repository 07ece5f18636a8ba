package io.brook.engine.sql.ast;

import java.util.Objects;

/** {@code expr [NOT] LIKE pattern}; {@code caseInsensitive} for ILIKE. */
public record Like(Expression expression, Expression pattern, boolean negated, boolean caseInsensitive)
        implements Expression {
    public Like {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(pattern, "pattern");
    }
}
