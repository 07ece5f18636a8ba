package io.brook.engine.sql.ast;

/** A constant written in the query; also the value of a setting. */
public sealed interface Literal extends Expression
        permits NullLiteral, BooleanLiteral, IntegerLiteral, DecimalLiteral, StringLiteral {
}
