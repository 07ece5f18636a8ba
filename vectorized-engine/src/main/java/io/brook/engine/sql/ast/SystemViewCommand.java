package io.brook.engine.sql.ast;

/**
 * {@code SYSTEM PAUSE|RESUME|UNPAUSE MATERIALIZED VIEW name} (SPEC 5.1); UNPAUSE arrives as
 * {@link Action#RESUME}.
 */
public record SystemViewCommand(Action action, QualifiedName view) implements Statement {
    public enum Action { PAUSE, RESUME }
}
