package io.brook.engine.sql.ast;

/** {@code DROP [MATERIALIZED] VIEW [IF EXISTS] name}. */
public record DropView(QualifiedName name, boolean ifExists) implements Statement {
}
