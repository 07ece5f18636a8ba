package io.brook.engine.sql.ast;

/** {@code SET name = value}: a session setting. */
public record SetStatement(String name, Literal value) implements Statement {
}
