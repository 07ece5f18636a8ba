package io.brook.engine.expr.kernel;

import io.brook.engine.types.TypeKind;

/** The range of each integer type as doubles, for range checks on float to integer conversion. */
public final class NumberLimits {
    private NumberLimits() {
    }

    public static double minimum(TypeKind kind) {
        return switch (kind) {
            case INT8 -> Byte.MIN_VALUE;
            case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE;
            case INT64 -> -0x1.0p63;
            default -> 0;
        };
    }

    /** One past the largest value, exclusive, so 2^63 and 2^64 compare exactly. */
    public static double maximumExclusive(TypeKind kind) {
        return switch (kind) {
            case INT8 -> Byte.MAX_VALUE + 1.0;
            case INT16 -> Short.MAX_VALUE + 1.0;
            case INT32 -> Integer.MAX_VALUE + 1.0;
            case INT64 -> 0x1.0p63;
            case UINT8 -> 256;
            case UINT16 -> 65_536;
            case UINT32 -> 0x1.0p32;
            default -> 0x1.0p64;
        };
    }

    /** A double already known to be in range, truncated toward zero (uint64 as its bit pattern). */
    public static long truncate(double value, TypeKind kind) {
        if (kind == TypeKind.UINT64 && value >= 0x1.0p63) {
            return (long) (value - 0x1.0p63) ^ Long.MIN_VALUE;
        }
        return (long) value;
    }
}
