package io.brook.engine.sql.ast;

/** One entry of a select list. */
public sealed interface SelectItem permits AllColumns, SelectExpression {
}
