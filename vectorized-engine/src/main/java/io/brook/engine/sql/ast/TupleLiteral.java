package io.brook.engine.sql.ast;

import java.util.List;

/** {@code (e1, e2, ...)} with at least two elements; {@code (e)} is just {@code e}. */
public record TupleLiteral(List<Expression> elements) implements Expression {
    public TupleLiteral {
        elements = List.copyOf(elements);
    }
}
