package io.brook.jdbc.access;

import io.brook.engine.types.BrookType;

/** The type of a bare NULL (nothing): every value is null. */
final class NullAccessor extends ValueAccessor {

    NullAccessor(CurrentRow row, int column, BrookType type) {
        super(row, column, type);
    }

    @Override
    protected Object toJdbc(Object value) {
        return value;
    }
}
