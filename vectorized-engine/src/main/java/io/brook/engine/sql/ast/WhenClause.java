package io.brook.engine.sql.ast;

import java.util.Objects;

/** {@code WHEN condition THEN result} of a {@link Case}. */
public record WhenClause(Expression condition, Expression result) {
    public WhenClause {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(result, "result");
    }
}
