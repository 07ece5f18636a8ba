package io.brook.jdbc;

import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.Meta;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A prepared statement with {@code ?} parameters. {@code addBatch} rows of an INSERT run as one
 * execution of the statement with all the rows ({@code Meta.executeBatch}), not one by one.
 */
final class BrookPreparedStatement extends AvaticaPreparedStatement {
    private final StatementSupport support = new StatementSupport(this);

    BrookPreparedStatement(AvaticaConnection connection, Meta.StatementHandle handle, Meta.Signature signature,
                           int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        super(connection, handle, signature, resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        support.beforeExecute();
        try {
            return super.executeQuery();
        } catch (SQLException | RuntimeException e) {
            throw SqlErrors.translate(e);
        }
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        support.beforeExecute();
        try {
            return super.executeLargeUpdate();
        } catch (SQLException | RuntimeException e) {
            throw SqlErrors.translate(e);
        }
    }

    @Override
    public boolean execute() throws SQLException {
        support.beforeExecute();
        try {
            return super.execute();
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
