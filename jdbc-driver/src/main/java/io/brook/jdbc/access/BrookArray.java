package io.brook.jdbc.access;

import io.brook.engine.types.BrookType;
import io.brook.engine.types.JdbcMapping;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Map;

/** An array value, already in memory: getArray() gives its elements as an Object[]. */
public final class BrookArray implements Array {
    private final BrookType elementType;
    private final List<?> elements;
    private final String text;

    BrookArray(BrookType elementType, List<?> elements, String text) {
        this.elementType = elementType;
        this.elements = elements;
        this.text = text;
    }

    @Override
    public String getBaseTypeName() {
        return elementType.toString();
    }

    @Override
    public int getBaseType() {
        return JdbcMapping.sqlType(elementType);
    }

    @Override
    public Object getArray() {
        return elements.toArray();
    }

    @Override
    public Object getArray(Map<String, Class<?>> map) {
        return getArray();
    }

    /** Elements {@code index .. index+count-1}, where the first element has index 1. */
    @Override
    public Object getArray(long index, int count) throws SQLException {
        if (index < 1 || count < 0 || index - 1 + count > elements.size()) {
            throw new SQLException("Elements " + index + ".." + (index - 1 + count) + " are outside an array of "
                    + elements.size(), "2202E");
        }
        return elements.subList((int) index - 1, (int) index - 1 + count).toArray();
    }

    @Override
    public Object getArray(long index, int count, Map<String, Class<?>> map) throws SQLException {
        return getArray(index, count);
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        throw new SQLFeatureNotSupportedException("Array.getResultSet is not supported; use getArray");
    }

    @Override
    public ResultSet getResultSet(Map<String, Class<?>> map) throws SQLException {
        return getResultSet();
    }

    @Override
    public ResultSet getResultSet(long index, int count) throws SQLException {
        return getResultSet();
    }

    @Override
    public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map) throws SQLException {
        return getResultSet();
    }

    @Override
    public void free() {
    }

    @Override
    public String toString() {
        return text;
    }
}
