package io.brook.engine.sql.ast;

import java.util.Objects;

/** {@code -x}, {@code +x}, {@code NOT x}. */
public record Unary(UnaryOperator operator, Expression operand) implements Expression {
    public Unary {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(operand, "operand");
    }
}
