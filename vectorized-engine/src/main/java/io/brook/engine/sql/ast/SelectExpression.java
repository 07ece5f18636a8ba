package io.brook.engine.sql.ast;

import java.util.Objects;

/** {@code expr [[AS] alias]}; {@code alias} is {@code null} when none was written. */
public record SelectExpression(Expression expression, String alias) implements SelectItem {
    public SelectExpression {
        Objects.requireNonNull(expression, "expression");
    }
}
