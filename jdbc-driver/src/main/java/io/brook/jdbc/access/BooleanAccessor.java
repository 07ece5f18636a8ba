package io.brook.jdbc.access;

import io.brook.engine.types.BrookType;

/** bool values; as numbers they read 1 and 0. */
final class BooleanAccessor extends ValueAccessor {

    BooleanAccessor(CurrentRow row, int column, BrookType type) {
        super(row, column, type);
    }

    @Override
    protected Object toJdbc(Object value) {
        return value;
    }

    @Override
    protected boolean toBoolean(Object value) {
        return (Boolean) value;
    }

    @Override
    protected Number toNumber(Object value) {
        return (Boolean) value ? 1 : 0;
    }
}
