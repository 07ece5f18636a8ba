package io.brook.engine.sql.ast;

/** {@code TRUE} or {@code FALSE}. */
public record BooleanLiteral(boolean value) implements Literal {
}
