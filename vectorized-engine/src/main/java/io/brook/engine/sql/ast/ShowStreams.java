package io.brook.engine.sql.ast;

/** {@code SHOW STREAMS}. */
public record ShowStreams() implements Statement {
}
