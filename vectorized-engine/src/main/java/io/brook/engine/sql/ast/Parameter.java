package io.brook.engine.sql.ast;

/** A {@code ?} placeholder; {@code index} counts the statement's placeholders from 0, left to right. */
public record Parameter(int index) implements Expression {
}
