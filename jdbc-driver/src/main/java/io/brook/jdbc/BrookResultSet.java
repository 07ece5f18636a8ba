package io.brook.jdbc;

import io.brook.jdbc.access.FrameCursor;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.util.Cursor;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.TimeZone;

/**
 * A result set that reads frames through {@link FrameCursor} (no read-ahead, so streaming rows
 * arrive one by one and {@code next()} waits for the next) with Brook's own accessors, and
 * whose {@code getObject} gives each type's documented Java class.
 */
final class BrookResultSet extends AvaticaResultSet {
    private volatile boolean cancelled;

    BrookResultSet(AvaticaStatement statement, QueryState state, Meta.Signature signature,
                   ResultSetMetaData metaData, TimeZone timeZone, Meta.Frame firstFrame) throws SQLException {
        super(statement, state, signature, metaData, timeZone, firstFrame);
    }

    void markCancelled() {
        cancelled = true;
    }

    @Override
    protected AvaticaResultSet execute() throws SQLException {
        BrookConnection connection = (BrookConnection) statement.connection;
        if (connection.brookMeta() == null) {
            // a server's frames, read with Avatica's accessors, but no row ahead of the one asked for
            return execute2(org.apache.calcite.avatica.MetaImpl.createCursor(signature.cursorFactory,
                    new RemoteFrames(connection.meta(), statement.handle, firstFrame, getFetchSize())), signature.columns);
        }
        MetaFrameSource source = new MetaFrameSource(connection.brookMeta(), statement.handle);
        return execute2(new FrameCursor(firstFrame, source, getFetchSize()), signature.columns);
    }

    @Override
    public boolean next() throws SQLException {
        if (cancelled) {
            throw SqlErrors.cancelled();
        }
        try {
            return super.next();
        } catch (RuntimeException e) {
            // a remote fetch fails unchecked (Avatica's client): report it as the SQLException it is
            throw SqlErrors.translate(e);
        }
    }

    @Override
    public Object getObject(int columnIndex) throws SQLException {
        return accessor(columnIndex).getObject();
    }

    @Override
    public Object getObject(String columnLabel) throws SQLException {
        return getObject(findColumn(columnLabel));
    }

    private Cursor.Accessor accessor(int columnIndex) throws SQLException {
        checkOpen();
        if (columnIndex < 1 || columnIndex > accessorList.size()) {
            throw new SQLException("Column " + columnIndex + " does not exist; the result has "
                    + accessorList.size() + " columns", "07009");
        }
        return accessorList.get(columnIndex - 1);
    }
}
