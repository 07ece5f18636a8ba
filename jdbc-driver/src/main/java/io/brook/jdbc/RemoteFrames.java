package io.brook.jdbc;

import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The rows of a remote result, frame by frame from the server, for Avatica's cursor. Unlike
 * Avatica's own iterator it fetches only when asked whether there is a next row, never one row
 * ahead, so a streaming row reaches {@code next()} as soon as the server hands it over.
 */
final class RemoteFrames implements Iterable<Object> {
    private final Meta meta;
    private final Meta.StatementHandle handle;
    private final Meta.Frame firstFrame;
    private final int fetchSize;

    RemoteFrames(Meta meta, Meta.StatementHandle handle, Meta.Frame firstFrame, int fetchSize) {
        this.meta = meta;
        this.handle = handle;
        this.firstFrame = firstFrame;
        this.fetchSize = fetchSize;
    }

    @Override
    public Iterator<Object> iterator() {
        return new Iterator<>() {
            private Meta.Frame frame = firstFrame == null ? Meta.Frame.MORE : firstFrame;
            private Iterator<Object> rows = frame.rows.iterator();
            private long offset;

            @Override
            public boolean hasNext() {
                while (!rows.hasNext()) {
                    if (frame.done) {
                        return false;
                    }
                    try {
                        frame = meta.fetch(handle, offset, fetchSize);
                    } catch (NoSuchStatementException | MissingResultsException e) {
                        throw new IllegalStateException("The result set was closed on the server", e);
                    }
                    if (frame == null) {
                        frame = Meta.Frame.EMPTY;
                    }
                    rows = frame.rows.iterator();
                }
                return true;
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                offset++;
                return rows.next();
            }
        };
    }
}
