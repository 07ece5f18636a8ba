package io.brook.engine.sql.ast;

/** Something a FROM clause reads: a stream, a table function over one, a subquery, a join. */
public sealed interface Relation permits NamedRelation, TableFunctionRelation, SubqueryRelation, Join {
}
