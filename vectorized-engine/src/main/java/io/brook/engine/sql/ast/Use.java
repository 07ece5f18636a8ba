package io.brook.engine.sql.ast;

/** {@code USE database}. */
public record Use(String database) implements Statement {
}
