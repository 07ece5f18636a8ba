package io.brook.engine.sql.ast;

import java.util.Objects;

/** {@code expr [NOT] IN (SELECT ...)}. */
public record InSubquery(Expression expression, Query query, boolean negated) implements Expression {
    public InSubquery {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(query, "query");
    }
}
