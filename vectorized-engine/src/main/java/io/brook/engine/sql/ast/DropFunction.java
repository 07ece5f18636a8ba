package io.brook.engine.sql.ast;

/** {@code DROP FUNCTION [IF EXISTS] name}. */
public record DropFunction(String name, boolean ifExists) implements Statement {
}
