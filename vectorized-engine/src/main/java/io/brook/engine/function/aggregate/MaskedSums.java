package io.brook.engine.function.aggregate;

import io.brook.engine.expr.kernel.Gather;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.memory.Scratch;
import io.brook.engine.expr.simd.Float64Kernels;
import io.brook.engine.expr.simd.Simd;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.types.BrookType;
import org.apache.arrow.vector.FieldVector;

/**
 * Sums of the rows whose bit is set in a row mask, in one pass over every row: each row adds its
 * value or nothing. "Nothing" is a select on the bit (the value's bits ANDed with all ones or all
 * zeros), never a multiply by 0 or 1, so a NaN or an infinity in a row that did not pass cannot
 * leak into the sum (NaN * 0 is NaN). Float sums keep several partial sums, as {@link GlobalSums}.
 */
final class MaskedSums {
    private MaskedSums() {
    }

    /** Any numeric storage but decimal, as double; {@code bits} covers rows 0..count-1. */
    static double doubles(FieldVector vector, BrookType type, long[] bits, int count) {
        if (Storage.of(type) == Storage.FLOAT64) {
            return float64(vector.getDataBufferAddress(), bits, count);
        }
        double[] values = Scratch.current().doubles(0, count);
        Gather.doubles(vector, type, null, count, values);
        double first = 0;
        double second = 0;
        int row = 0;
        for (; row + 2 <= count; row += 2) {
            long passing = bits[row >>> 6] >>> row;
            first += kept(values[row], passing);
            second += kept(values[row + 1], passing >>> 1);
        }
        for (; row < count; row++) {
            first += kept(values[row], bits[row >>> 6] >>> row);
        }
        return first + second;
    }

    /** Integer storages as long, wrapping on overflow like the unfiltered sum. */
    static long longs(FieldVector vector, Storage storage, long[] bits, int count) {
        long total = 0;
        if (storage == Storage.INT64 || storage == Storage.UINT64) {
            long address = vector.getDataBufferAddress();
            for (int row = 0; row < count; row++) {
                total += Memory.getLong(address + ((long) row << 3)) & -((bits[row >>> 6] >>> row) & 1);
            }
            return total;
        }
        long[] values = Scratch.current().longs(0, count);
        Gather.longs(vector, storage, null, count, values);
        for (int row = 0; row < count; row++) {
            total += values[row] & -((bits[row >>> 6] >>> row) & 1);
        }
        return total;
    }

    /**
     * The filter + sum kernel's loop: a float64 buffer read straight from memory, the SIMD kernel
     * for whole words when it runs, else 64 rows per mask word with words that have no passing
     * row skipped.
     */
    static double float64(long address, long[] bits, int count) {
        int full = count >>> 6;
        double total = Simd.enabled() ? Float64Kernels.maskedSum(address, bits, count) : float64Words(address, bits, full);
        for (int row = full << 6; row < count; row++) {
            total += kept(Memory.getDouble(address + ((long) row << 3)), bits[full] >>> row);
        }
        return total;
    }

    private static double float64Words(long address, long[] bits, int words) {
        double first = 0;
        double second = 0;
        double third = 0;
        double fourth = 0;
        for (int word = 0; word < words; word++) {
            long passing = bits[word];
            if (passing == 0) {
                continue;
            }
            long at = address + ((long) word << 9);
            for (int bit = 0; bit < 64; bit += 4) {
                long rows = passing >>> bit;
                long row = at + ((long) bit << 3);
                first += kept(Memory.getDouble(row), rows);
                second += kept(Memory.getDouble(row + 8), rows >>> 1);
                third += kept(Memory.getDouble(row + 16), rows >>> 2);
                fourth += kept(Memory.getDouble(row + 24), rows >>> 3);
            }
        }
        return (first + second) + (third + fourth);
    }

    /** {@code value} when the lowest bit of {@code passing} is set, else +0.0, without a branch. */
    private static double kept(double value, long passing) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(value) & -(passing & 1));
    }
}
