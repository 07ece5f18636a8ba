package io.brook.jdbc.access;

import io.brook.engine.types.BrookType;

import java.math.BigDecimal;

/**
 * Integers, unsigned integers (already widened to the next signed type, uint64 to BigDecimal),
 * floats and decimals: every value is a Number of the class {@code JdbcMapping.javaClass} names.
 */
final class NumberAccessor extends ValueAccessor {

    NumberAccessor(CurrentRow row, int column, BrookType type) {
        super(row, column, type);
    }

    @Override
    protected Object toJdbc(Object value) {
        return value;
    }

    @Override
    protected Number toNumber(Object value) {
        return (Number) value;
    }

    @Override
    protected String toText(Object value) {
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }
}
