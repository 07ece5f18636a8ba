package io.brook.engine.sql.ast;

/** {@code SHOW FUNCTIONS}. */
public record ShowFunctions() implements Statement {
}
