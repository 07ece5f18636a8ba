package io.brook.engine;

/** What executing one statement gives back: an update count or rows. */
public sealed interface StatementResult permits StatementResult.Update, QueryResult {

    /** DDL (count 0) or an INSERT (rows written). */
    record Update(long count) implements StatementResult {
    }
}
