package io.brook.jdbc.access;

import io.brook.engine.types.BrookType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;

/**
 * {@code getObject(column, Class)} for the classes every accessor can try: text, the boxed
 * numbers, bytes and the java.sql date-time classes. Returns null for other classes so the
 * accessor can offer its own (LocalDate, Instant, UUID, ...).
 */
final class CommonTargets {
    private CommonTargets() {
    }

    static Object convert(ValueAccessor accessor, Object value, Class<?> target) throws SQLException {
        BrookType type = accessor.type;
        if (target == String.class) {
            return accessor.textOf(value);
        }
        if (target == Boolean.class) {
            return accessor.booleanOf(value);
        }
        if (target == Byte.class) {
            return (byte) NumberConversions.toLong(accessor.numberOf(value), Byte.MIN_VALUE, Byte.MAX_VALUE, type);
        }
        if (target == Short.class) {
            return (short) NumberConversions.toLong(accessor.numberOf(value), Short.MIN_VALUE, Short.MAX_VALUE, type);
        }
        if (target == Integer.class) {
            return (int) NumberConversions.toLong(accessor.numberOf(value), Integer.MIN_VALUE, Integer.MAX_VALUE, type);
        }
        if (target == Long.class) {
            return NumberConversions.toLong(accessor.numberOf(value), Long.MIN_VALUE, Long.MAX_VALUE, type);
        }
        if (target == Float.class) {
            return accessor.numberOf(value).floatValue();
        }
        if (target == Double.class) {
            return accessor.numberOf(value).doubleValue();
        }
        if (target == BigDecimal.class) {
            return NumberConversions.toBigDecimal(accessor.numberOf(value), type);
        }
        if (target == BigInteger.class) {
            return NumberConversions.toBigDecimal(accessor.numberOf(value), type).toBigInteger();
        }
        if (target == byte[].class) {
            return accessor.bytesOf(value);
        }
        if (target == Timestamp.class) {
            return accessor.timestampOf(value);
        }
        if (target == Date.class) {
            return accessor.dateOf(value);
        }
        if (target == Time.class) {
            return accessor.timeOf(value);
        }
        return null;
    }
}
