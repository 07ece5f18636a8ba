package io.brook.jdbc;

import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;

import java.sql.SQLException;

/** A plain statement; see {@link StatementSupport} for what it adds to Avatica's. */
final class BrookStatement extends AvaticaStatement {
    private final StatementSupport support = new StatementSupport(this);

    BrookStatement(AvaticaConnection connection, Meta.StatementHandle handle, int resultSetType,
                   int resultSetConcurrency, int resultSetHoldability) {
        super(connection, handle, resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    protected void executeInternal(String sql) throws SQLException {
        support.beforeExecute();
        try {
            super.executeInternal(sql);
        } catch (SQLException | RuntimeException e) {
            throw SqlErrors.translate(e);
        }
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        support.beforeExecute();
        try {
            return super.executeLargeBatch();
        } catch (SQLException | RuntimeException e) {
            throw SqlErrors.translateBatch(e);
        }
    }

    @Override
    public void cancel() throws SQLException {
        checkOpen();
        support.cancel(openResultSet);
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        super.setQueryTimeout(seconds);
        support.setTimeoutSeconds(seconds);
    }

    @Override
    public void setLargeMaxRows(long maxRowCount) throws SQLException {
        super.setLargeMaxRows(maxRowCount);
        support.setMaxRows(maxRowCount);
    }
}
