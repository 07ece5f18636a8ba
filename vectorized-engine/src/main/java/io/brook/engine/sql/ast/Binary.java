package io.brook.engine.sql.ast;

import java.util.Objects;

/** An infix operation; chains are left-deep ({@code a + b + c} is {@code (a + b) + c}). */
public record Binary(BinaryOperator operator, Expression left, Expression right) implements Expression {
    public Binary {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }
}
