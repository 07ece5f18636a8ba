package io.brook.jdbc;

import io.brook.jdbc.access.FrameCursor;
import io.brook.jdbc.meta.BrookMeta;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;

import java.sql.SQLException;

/** Frames of an embedded statement's running query, fetched from the in-process Meta. */
final class MetaFrameSource implements FrameCursor.FrameSource {
    private final BrookMeta meta;
    private final Meta.StatementHandle handle;

    MetaFrameSource(BrookMeta meta, Meta.StatementHandle handle) {
        this.meta = meta;
        this.handle = handle;
    }

    @Override
    public Meta.Frame fetch(long offset, int fetchSize) throws SQLException {
        try {
            return meta.fetch(handle, offset, fetchSize);
        } catch (NoSuchStatementException | MissingResultsException e) {
            throw new SQLException("The result set was closed", "24000", e);
        } catch (RuntimeException e) {
            throw SqlErrors.translate(e);
        }
    }

    @Override
    public void close() {
        meta.closeResults(handle);
    }
}
