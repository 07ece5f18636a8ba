package io.brook.jdbc.access;

import java.sql.SQLException;
import java.util.List;

/** The row a cursor stands on, shared by the column accessors; remembers if the last value read was null. */
public final class CurrentRow {
    private Object[] values;
    private boolean lastWasNull;

    void set(Object row) {
        // Frames made in this JVM carry Object[]; frames read back from a remote server carry lists.
        values = row instanceof Object[] array ? array : ((List<?>) row).toArray();
        lastWasNull = false;
    }

    void clear() {
        values = null;
    }

    Object get(int column) throws SQLException {
        if (values == null) {
            throw new SQLException("The result set is not on a row", "24000");
        }
        Object value = values[column];
        lastWasNull = value == null;
        return value;
    }

    boolean wasNull() {
        return lastWasNull;
    }
}
