package io.brook.engine.sql.ast;

/** {@code SHOW MATERIALIZED VIEWS}. */
public record ShowMaterializedViews() implements Statement {
}
