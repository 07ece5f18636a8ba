package io.brook.jdbc.access;

import io.brook.engine.error.ErrorCode;
import io.brook.engine.types.BrookType;
import io.brook.jdbc.SqlErrors;
import org.apache.calcite.avatica.util.Cursor;
import org.joou.UByte;
import org.joou.UInteger;
import org.joou.ULong;
import org.joou.UShort;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLXML;
import java.sql.Struct;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;
import java.math.RoundingMode;

/**
 * Reads one column of the current row for the JDBC getters. Each subclass knows the one Java
 * class its column's values have (see {@code ColumnReaders}) and overrides the conversions that
 * make sense for it; everything else fails with code 70 (CANNOT_CONVERT_TYPE). Getters of
 * primitives return 0 or false for null, as JDBC requires, and {@link #wasNull()} tells.
 */
public abstract class ValueAccessor implements Cursor.Accessor {
    private final CurrentRow row;
    private final int column;
    protected final BrookType type;

    protected ValueAccessor(CurrentRow row, int column, BrookType type) {
        this.row = row;
        this.column = column;
        this.type = type;
    }

    /** The value in the current row, as the frame carries it. */
    protected final Object value() throws SQLException {
        return row.get(column);
    }

    /** The object {@code getObject()} returns for a non-null value. */
    protected abstract Object toJdbc(Object value) throws SQLException;

    protected String toText(Object value) throws SQLException {
        return value.toString();
    }

    protected Number toNumber(Object value) throws SQLException {
        throw cannotConvert("a number");
    }

    protected boolean toBoolean(Object value) throws SQLException {
        return NumberConversions.isNonZero(toNumber(value));
    }

    protected byte[] toBytes(Object value) throws SQLException {
        throw cannotConvert("bytes");
    }

    protected Timestamp toTimestamp(Object value, Calendar calendar) throws SQLException {
        throw cannotConvert("Timestamp");
    }

    protected Date toDate(Object value, Calendar calendar) throws SQLException {
        throw cannotConvert("Date");
    }

    protected Time toTime(Object value, Calendar calendar) throws SQLException {
        throw cannotConvert("Time");
    }

    /** {@code getObject(Class)} for classes beyond the common ones; null when not supported. */
    protected Object toClass(Object value, Class<?> target) throws SQLException {
        return null;
    }

    protected final SQLException cannotConvert(String target) {
        return SqlErrors.of(ErrorCode.CANNOT_CONVERT_TYPE, "Cannot convert " + type + " to " + target);
    }

    @Override
    public final boolean wasNull() {
        return row.wasNull();
    }

    @Override
    public final Object getObject() throws SQLException {
        Object value = value();
        return value == null ? null : toJdbc(value);
    }

    @Override
    public final String getString() throws SQLException {
        Object value = value();
        return value == null ? null : toText(value);
    }

    @Override
    public final boolean getBoolean() throws SQLException {
        Object value = value();
        return value != null && toBoolean(value);
    }

    @Override
    public final byte getByte() throws SQLException {
        return (byte) NumberConversions.toLong(number(), Byte.MIN_VALUE, Byte.MAX_VALUE, type);
    }

    @Override
    public final short getShort() throws SQLException {
        return (short) NumberConversions.toLong(number(), Short.MIN_VALUE, Short.MAX_VALUE, type);
    }

    @Override
    public final int getInt() throws SQLException {
        return (int) NumberConversions.toLong(number(), Integer.MIN_VALUE, Integer.MAX_VALUE, type);
    }

    @Override
    public final long getLong() throws SQLException {
        return NumberConversions.toLong(number(), Long.MIN_VALUE, Long.MAX_VALUE, type);
    }

    @Override
    public final float getFloat() throws SQLException {
        Number number = number();
        return number == null ? 0 : number.floatValue();
    }

    @Override
    public final double getDouble() throws SQLException {
        Number number = number();
        return number == null ? 0 : number.doubleValue();
    }

    @Override
    public final BigDecimal getBigDecimal() throws SQLException {
        Number number = number();
        return number == null ? null : NumberConversions.toBigDecimal(number, type);
    }

    @Override
    public final BigDecimal getBigDecimal(int scale) throws SQLException {
        BigDecimal value = getBigDecimal();
        return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public final UByte getUByte() throws SQLException {
        return UByte.valueOf((short) NumberConversions.toLong(number(), 0, 255, type));
    }

    @Override
    public final UShort getUShort() throws SQLException {
        return UShort.valueOf((int) NumberConversions.toLong(number(), 0, 65_535, type));
    }

    @Override
    public final UInteger getUInt() throws SQLException {
        return UInteger.valueOf(NumberConversions.toLong(number(), 0, 4_294_967_295L, type));
    }

    @Override
    public final ULong getULong() throws SQLException {
        BigDecimal value = getBigDecimal();
        return ULong.valueOf(value == null ? BigInteger.ZERO : value.toBigInteger());
    }

    private Number number() throws SQLException {
        Object value = value();
        return value == null ? null : toNumber(value);
    }

    @Override
    public final byte[] getBytes() throws SQLException {
        Object value = value();
        return value == null ? null : toBytes(value);
    }

    @Override
    public final Date getDate(Calendar calendar) throws SQLException {
        Object value = value();
        return value == null ? null : toDate(value, calendar);
    }

    @Override
    public final Time getTime(Calendar calendar) throws SQLException {
        Object value = value();
        return value == null ? null : toTime(value, calendar);
    }

    @Override
    public final Timestamp getTimestamp(Calendar calendar) throws SQLException {
        Object value = value();
        return value == null ? null : toTimestamp(value, calendar);
    }

    @Override
    public Array getArray() throws SQLException {
        throw cannotConvert("Array");
    }

    @Override
    public Struct getStruct() throws SQLException {
        throw cannotConvert("Struct");
    }

    @Override
    public final Object getObject(Map<String, Class<?>> map) throws SQLException {
        return getObject();
    }

    @Override
    public final <T> T getObject(Class<T> target) throws SQLException {
        Object value = value();
        if (value == null) {
            return null;
        }
        Object converted = CommonTargets.convert(this, value, target);
        if (converted == null) {
            converted = toClass(value, target);
        }
        if (converted == null) {
            Object jdbc = toJdbc(value);
            if (!target.isInstance(jdbc)) {
                throw cannotConvert(target.getName());
            }
            converted = jdbc;
        }
        return target.cast(converted);
    }

    @Override
    public final String getNString() throws SQLException {
        return getString();
    }

    @Override
    public final InputStream getAsciiStream() throws SQLException {
        String text = getString();
        return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public final InputStream getBinaryStream() throws SQLException {
        byte[] bytes = getBytes();
        return bytes == null ? null : new ByteArrayInputStream(bytes);
    }

    @Override
    public final Reader getCharacterStream() throws SQLException {
        String text = getString();
        return text == null ? null : new StringReader(text);
    }

    @Override
    public final Reader getNCharacterStream() throws SQLException {
        return getCharacterStream();
    }

    @Override
    public final InputStream getUnicodeStream() throws SQLException {
        throw new SQLFeatureNotSupportedException("getUnicodeStream is deprecated; use getCharacterStream");
    }

    @Override
    public final Ref getRef() throws SQLException {
        throw new SQLFeatureNotSupportedException("Brook has no REF values");
    }

    @Override
    public final Blob getBlob() throws SQLException {
        throw new SQLFeatureNotSupportedException("Brook has no BLOB values; use getBytes");
    }

    @Override
    public final Clob getClob() throws SQLException {
        throw new SQLFeatureNotSupportedException("Brook has no CLOB values; use getString");
    }

    @Override
    public final NClob getNClob() throws SQLException {
        throw new SQLFeatureNotSupportedException("Brook has no NCLOB values; use getString");
    }

    @Override
    public final SQLXML getSQLXML() throws SQLException {
        throw new SQLFeatureNotSupportedException("Brook has no XML values");
    }

    @Override
    public final URL getURL() throws SQLException {
        throw new SQLFeatureNotSupportedException("Brook has no DATALINK values; use getString");
    }

    // Hooks for CommonTargets, which lives beside this class.
    final String textOf(Object value) throws SQLException {
        return toText(value);
    }

    final Number numberOf(Object value) throws SQLException {
        return toNumber(value);
    }

    final boolean booleanOf(Object value) throws SQLException {
        return toBoolean(value);
    }

    final byte[] bytesOf(Object value) throws SQLException {
        return toBytes(value);
    }

    final Timestamp timestampOf(Object value) throws SQLException {
        return toTimestamp(value, null);
    }

    final Date dateOf(Object value) throws SQLException {
        return toDate(value, null);
    }

    final Time timeOf(Object value) throws SQLException {
        return toTime(value, null);
    }
}
