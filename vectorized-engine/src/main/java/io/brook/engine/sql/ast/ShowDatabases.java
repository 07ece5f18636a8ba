package io.brook.engine.sql.ast;

/** {@code SHOW DATABASES}. */
public record ShowDatabases() implements Statement {
}
