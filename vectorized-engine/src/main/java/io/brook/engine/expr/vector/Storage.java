package io.brook.engine.expr.vector;

import io.brook.engine.types.BrookType;

/**
 * How a Brook type's values sit in an Arrow vector's data buffer. Kernels specialise per storage,
 * not per type: date and int32 share one loop, datetime, datetime64 and int64 another.
 */
public enum Storage {
    INT8(1, true), UINT8(1, false),
    INT16(2, true), UINT16(2, false),
    INT32(4, true), UINT32(4, false),
    INT64(8, true), UINT64(8, false),
    FLOAT32(4, true), FLOAT64(8, true),
    /** One bit per value (bool). */
    BIT(0, false),
    DECIMAL128(16, true), DECIMAL256(32, true),
    /** Offsets plus bytes (string). */
    VARIABLE(0, false),
    /** A fixed number of bytes per value (fixed_string, uuid). */
    FIXED_BYTES(0, false),
    LIST(0, false), MAP(0, false), STRUCT(0, false),
    /** Arrow's NullVector: no buffers at all. */
    NULL(0, false);

    private final int width;
    private final boolean signed;

    Storage(int width, boolean signed) {
        this.width = width;
        this.signed = signed;
    }

    public static Storage of(BrookType type) {
        return switch (type.kind()) {
            case INT8 -> INT8;
            case UINT8 -> UINT8;
            case INT16 -> INT16;
            case UINT16 -> UINT16;
            case INT32, DATE, DATE32 -> INT32;
            case UINT32 -> UINT32;
            case INT64, DATETIME, DATETIME64 -> INT64;
            case UINT64 -> UINT64;
            case FLOAT32 -> FLOAT32;
            case FLOAT64 -> FLOAT64;
            case BOOL -> BIT;
            case DECIMAL -> type.precision() > 38 ? DECIMAL256 : DECIMAL128;
            case STRING -> VARIABLE;
            case FIXED_STRING, UUID -> FIXED_BYTES;
            case ARRAY -> LIST;
            case MAP -> MAP;
            case TUPLE -> STRUCT;
            case NOTHING -> NULL;
        };
    }

    /** Bytes per value for fixed-width storages, 0 otherwise. */
    public int width() {
        return width;
    }

    public boolean isSigned() {
        return signed;
    }

    /** Integer storages whose values fit a Java long (uint64 as its bit pattern). */
    public boolean isIntegral() {
        return ordinal() <= UINT64.ordinal();
    }

    public boolean isFloating() {
        return this == FLOAT32 || this == FLOAT64;
    }
}
