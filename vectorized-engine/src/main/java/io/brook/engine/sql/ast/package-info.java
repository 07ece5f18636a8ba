/**
 * The immutable syntax tree of Brook's SQL dialect, produced by {@link io.brook.engine.sql.SqlParser}.
 *
 * <p>Nodes are records and compare by structure, so the planner can match a GROUP BY expression
 * against a select item with {@code equals}. Names keep the case the user wrote; keywords are
 * already gone. Optional parts are {@code null}; lists are never null and are unmodifiable.
 * Nothing here is resolved against the catalog: that is the planner's job.
 */
package io.brook.engine.sql.ast;
