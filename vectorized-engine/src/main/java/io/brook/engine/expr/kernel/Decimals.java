package io.brook.engine.expr.kernel;

import io.brook.engine.expr.memory.Memory;
import io.brook.engine.types.BrookType;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.FieldVector;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Decimal values in Arrow's layout: a 128-bit two's complement unscaled value, low word first
 * (decimal256 through Arrow's own accessors). Most decimals fit a long, and kernels take that
 * fast path; the BigDecimal methods here are for the rest.
 */
public final class Decimals {
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        long power = 1;
        for (int exponent = 0; exponent < POWERS_OF_TEN.length; exponent++) {
            POWERS_OF_TEN[exponent] = power;
            power *= 10;
        }
    }

    private Decimals() {
    }

    /** 10^exponent for exponent 0..18. */
    public static long powerOfTen(int exponent) {
        return POWERS_OF_TEN[exponent];
    }

    /** The decimal at {@code position} (scale from the type). */
    public static BigDecimal get(FieldVector vector, int position, BrookType type) {
        if (vector instanceof Decimal256Vector wide) {
            return wide.getObject(position);
        }
        long address = vector.getDataBufferAddress() + ((long) position << 4);
        long low = Memory.getLong(address);
        long high = Memory.getLong(address + 8);
        if (high == (low >> 63)) {
            return BigDecimal.valueOf(low, type.scale());
        }
        BigInteger unscaled = BigInteger.valueOf(high).shiftLeft(64).or(new BigInteger(Long.toUnsignedString(low)));
        return new BigDecimal(unscaled, type.scale());
    }

    /** Writes a decimal already at the type's scale into a decimal128 vector's data. */
    public static void put(FieldVector vector, int position, BigDecimal value) {
        if (vector instanceof Decimal256Vector wide) {
            wide.set(position, value);
            return;
        }
        BigInteger unscaled = value.unscaledValue();
        long address = vector.getDataBufferAddress() + ((long) position << 4);
        Memory.putLong(address, unscaled.longValue());
        Memory.putLong(address + 8, unscaled.shiftRight(64).longValue());
    }

    static void gatherDoubles(FieldVector vector, BrookType type, int[] selection, int count, double[] out) {
        double divisor = Math.pow(10, type.scale());
        boolean fits = !(vector instanceof Decimal256Vector) && Gather.decimalsFitLong(vector, selection, count);
        long address = vector.getDataBufferAddress();
        for (int row = 0; row < count; row++) {
            int position = selection == null ? row : selection[row];
            out[row] = fits
                    ? Memory.getLong(address + ((long) position << 4)) / divisor
                    : get(vector, position, type).doubleValue();
        }
    }

    /** The unscaled value of {@code value} at {@code scale}, or null when it is no long. */
    public static Long unscaledLong(BigDecimal value, int scale) {
        BigInteger unscaled = value.setScale(scale, java.math.RoundingMode.DOWN).unscaledValue();
        return unscaled.bitLength() < 64 ? unscaled.longValue() : null;
    }

    /** Digits before the point a decimal type can hold. */
    public static int integerDigits(BrookType type) {
        return type.precision() - type.scale();
    }
}
