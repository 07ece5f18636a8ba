package io.brook.jdbc.meta;

import io.brook.engine.ExecuteOptions;
import io.brook.engine.QueryResult;
import org.apache.calcite.avatica.Meta;

/**
 * One statement of a connection: its prepared SQL (if any), the limits the client set, and the
 * query it runs now. A cancel that arrives while the statement is executing but before its
 * query exists is remembered and applied as soon as the query does.
 */
final class StatementState {
    final int id;
    final String sql;
    final Meta.Signature signature;
    private long timeoutMillis;
    private long maxRows;
    private RunningQuery query;
    private boolean executing;
    private boolean cancelPending;

    StatementState(int id, String sql, Meta.Signature signature) {
        this.id = id;
        this.sql = sql;
        this.signature = signature;
    }

    synchronized void setTimeoutMillis(long millis) {
        timeoutMillis = Math.max(0, millis);
    }

    synchronized void setMaxRows(long rows) {
        maxRows = Math.max(0, rows);
    }

    /** The limits for an execution; {@code maxRowCount} is Avatica's (negative for none). */
    synchronized ExecuteOptions options(long maxRowCount) {
        long rows = maxRows > 0 ? maxRows : Math.max(0, maxRowCount);
        return new ExecuteOptions(timeoutMillis, rows);
    }

    /** Closes the previous query and marks the statement as executing. */
    void beginExecution() {
        closeQuery();
        synchronized (this) {
            executing = true;
            cancelPending = false;
        }
    }

    synchronized void endExecution() {
        executing = false;
        cancelPending = false;
    }

    synchronized RunningQuery start(QueryResult result, ExecuteOptions options) {
        query = new RunningQuery(result, options.maxRows(), options.timeoutMillis());
        if (cancelPending) {
            query.cancel();
        }
        return query;
    }

    synchronized RunningQuery query() {
        return query;
    }

    /** Cancels the running query; returns true when an execution is under way without one yet. */
    boolean cancel() {
        RunningQuery running;
        boolean pending;
        synchronized (this) {
            running = query;
            pending = running == null && executing;
            if (pending) {
                cancelPending = true;
            }
        }
        if (running != null) {
            running.cancel();
        }
        return pending;
    }

    void closeQuery() {
        RunningQuery running;
        synchronized (this) {
            running = query;
            query = null;
        }
        if (running != null) {
            running.close();
        }
    }
}
