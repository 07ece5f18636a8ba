package io.brook.jdbc.access;

import io.brook.engine.error.ErrorCode;
import io.brook.engine.types.BrookType;
import io.brook.jdbc.SqlErrors;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;

/**
 * Narrowing and widening of the numbers a row holds. A value that does not fit the getter's type
 * fails with code 321 instead of wrapping around silently; fractions are truncated, as JDBC
 * drivers do for getInt on a decimal.
 */
final class NumberConversions {
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private NumberConversions() {
    }

    /** {@code number} truncated to a whole number within [min, max]; 0 for null. */
    static long toLong(Number number, long min, long max, BrookType type) throws SQLException {
        if (number == null) {
            return 0;
        }
        long whole;
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            whole = number.longValue();
        } else if (number instanceof BigDecimal || number instanceof BigInteger) {
            BigDecimal decimal = toBigDecimal(number, type);
            if (decimal.compareTo(LONG_MIN) < 0 || decimal.compareTo(LONG_MAX) > 0) {
                throw outOfRange(number, type);
            }
            whole = decimal.longValue();
        } else {
            double floating = number.doubleValue();
            if (Double.isNaN(floating) || floating < -0x1p63 || floating >= 0x1p63) {
                throw outOfRange(number, type);
            }
            whole = (long) floating;
        }
        if (whole < min || whole > max) {
            throw outOfRange(number, type);
        }
        return whole;
    }

    static BigDecimal toBigDecimal(Number number, BrookType type) throws SQLException {
        return switch (number) {
            case BigDecimal decimal -> decimal;
            case BigInteger integer -> new BigDecimal(integer);
            case Long value -> BigDecimal.valueOf(value);
            case Integer value -> BigDecimal.valueOf(value);
            case Short value -> BigDecimal.valueOf(value);
            case Byte value -> BigDecimal.valueOf(value);
            case Float value when Float.isFinite(value) -> new BigDecimal(Float.toString(value));
            case Double value when Double.isFinite(value) -> BigDecimal.valueOf(value);
            default -> throw SqlErrors.of(ErrorCode.CANNOT_CONVERT_TYPE,
                    "Cannot convert " + number + " of type " + type + " to BigDecimal");
        };
    }

    static boolean isNonZero(Number number) {
        return switch (number) {
            case BigDecimal decimal -> decimal.signum() != 0;
            case BigInteger integer -> integer.signum() != 0;
            case Float value -> value != 0;
            case Double value -> value != 0;
            default -> number.longValue() != 0;
        };
    }

    private static SQLException outOfRange(Number number, BrookType type) {
        return SqlErrors.of(ErrorCode.VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE,
                "Value " + number + " of type " + type + " is out of range of the requested type");
    }
}
