package io.brook.engine.sql.ast;

/**
 * A scalar expression. {@code count(*)} is a {@link FunctionCall} with {@code star} set, and a
 * subscript {@code a[i]} a call of {@code array_element}, so neither needs a node of its own.
 * {@link io.brook.engine.sql.SqlFormatter} renders any expression back to SQL text, e.g. for
 * messages.
 */
public sealed interface Expression
        permits Literal, IntervalLiteral, Identifier, Parameter, FunctionCall, Lambda, Cast, Unary,
                Binary, Between, InList, InSubquery, Like, IsNull, Case, ArrayLiteral, TupleLiteral,
                Subquery {
}
