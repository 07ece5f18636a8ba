package io.brook.jdbc.access;

import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.util.ArrayImpl;
import org.apache.calcite.avatica.util.Cursor;

import java.sql.SQLException;
import java.util.Calendar;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * Walks the rows of a result frame by frame. Unlike Avatica's own iterator it never reads ahead:
 * {@link #next()} asks for the next frame only when the current one is used up, so a streaming
 * result hands each row over as soon as it arrives, and an empty frame that is not the last
 * simply leads to the next fetch.
 */
public final class FrameCursor implements Cursor {

    /** Where frames after the first come from; {@link #fetch} blocks until a row, the end, or a failure. */
    public interface FrameSource {
        Meta.Frame fetch(long offset, int fetchSize) throws SQLException;

        /** Called once when the cursor closes, to stop the query behind it. */
        void close();
    }

    private final FrameSource source;
    private final int fetchSize;
    private final CurrentRow row = new CurrentRow();
    private Iterator<Object> rows;
    private boolean lastFrame;
    private long offset;
    private boolean closed;

    /** {@code firstFrame} may be null: then every row comes from {@code source}. */
    public FrameCursor(Meta.Frame firstFrame, FrameSource source, int fetchSize) {
        this.source = source;
        this.fetchSize = fetchSize;
        if (firstFrame == null) {
            rows = Collections.emptyIterator();
        } else {
            rows = firstFrame.rows.iterator();
            lastFrame = firstFrame.done;
        }
    }

    @Override
    public List<Accessor> createAccessors(List<ColumnMetaData> types, Calendar localCalendar, ArrayImpl.Factory factory) {
        return Accessors.create(types, row, localCalendar);
    }

    @Override
    public boolean next() throws SQLException {
        while (!closed) {
            if (rows.hasNext()) {
                row.set(rows.next());
                offset++;
                return true;
            }
            if (lastFrame) {
                break;
            }
            Meta.Frame frame = source.fetch(offset, fetchSize);
            if (frame == null) {
                break;
            }
            rows = frame.rows.iterator();
            lastFrame = frame.done;
        }
        row.clear();
        return false;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            row.clear();
            source.close();
        }
    }

    @Override
    public boolean wasNull() {
        return row.wasNull();
    }
}
