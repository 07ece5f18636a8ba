package io.brook.jdbc;

import io.brook.jdbc.meta.BrookMeta;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaStatement;

/**
 * What Brook's plain and prepared statements share, beyond Avatica. Avatica neither sends the
 * query timeout and row cap of a prepared execution to the Meta nor lets {@code cancel()} reach
 * it (it only raises a flag that the next {@code next()} looks at, and never lowers it), so the
 * limits are pushed to the Meta before each execution and cancel goes straight to the query.
 */
final class StatementSupport {
    private final AvaticaStatement statement;
    private volatile long timeoutMillis;
    private volatile long maxRows;

    StatementSupport(AvaticaStatement statement) {
        this.statement = statement;
    }

    void setTimeoutSeconds(int seconds) {
        timeoutMillis = seconds * 1000L;
    }

    void setMaxRows(long rows) {
        maxRows = rows;
    }

    /** In-process only: a server gets the row cap with each request and applies its own timeouts. */
    void beforeExecute() {
        BrookMeta meta = connection().brookMeta();
        if (meta != null) {
            meta.setQueryTimeout(statement.handle, timeoutMillis);
            meta.setMaxRows(statement.handle, maxRows);
        }
    }

    /**
     * Ends the current query from any thread: the open result set fails its next {@code next()}
     * with code 394, and a {@code next()} already waiting for rows wakes with the same error.
     * Deliberately not synchronized on the statement, which an execution in progress holds.
     */
    void cancel(AvaticaResultSet openResultSet) throws java.sql.SQLException {
        if (openResultSet instanceof BrookResultSet results) {
            results.markCancelled();
        }
        BrookMeta meta = connection().brookMeta();
        if (meta != null) {
            meta.cancel(statement.handle);
        } else {
            connection().remoteCancel().cancel(statement);
        }
    }

    private BrookConnection connection() {
        return (BrookConnection) statement.connection;
    }
}
