package io.brook.engine.sql.ast;

/** {@code EXPLAIN statement}. */
public record Explain(Statement statement) implements Statement {
}
