package io.brook.engine.sql.ast;

/** {@code DROP STREAM [IF EXISTS] name}; also drops external streams. */
public record DropStream(QualifiedName name, boolean ifExists) implements Statement {
}
