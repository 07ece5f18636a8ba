package io.brook.engine.sql.ast;

/** {@code DESCRIBE [STREAM] name} or {@code DESC [STREAM] name}. */
public record Describe(QualifiedName name) implements Statement {
}
