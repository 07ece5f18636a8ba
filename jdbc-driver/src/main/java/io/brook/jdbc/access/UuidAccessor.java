package io.brook.jdbc.access;

import io.brook.engine.types.BrookType;
import io.brook.jdbc.convert.UuidBytes;

import java.util.UUID;

/** uuid values as java.util.UUID; getBytes gives the 16 bytes in RFC 4122 order. */
final class UuidAccessor extends ValueAccessor {

    UuidAccessor(CurrentRow row, int column, BrookType type) {
        super(row, column, type);
    }

    @Override
    protected Object toJdbc(Object value) {
        return value;
    }

    @Override
    protected byte[] toBytes(Object value) {
        return UuidBytes.encode((UUID) value);
    }
}
