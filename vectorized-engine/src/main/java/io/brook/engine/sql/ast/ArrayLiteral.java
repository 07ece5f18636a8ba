package io.brook.engine.sql.ast;

import java.util.List;

/** {@code [e1, e2, ...]}; the elements are any expressions. */
public record ArrayLiteral(List<Expression> elements) implements Expression {
    public ArrayLiteral {
        elements = List.copyOf(elements);
    }
}
