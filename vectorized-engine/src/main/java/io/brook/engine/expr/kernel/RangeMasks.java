package io.brook.engine.expr.kernel;

import io.brook.engine.chunk.RowMask;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.memory.Scratch;
import io.brook.engine.expr.simd.Float64Kernels;
import io.brook.engine.expr.simd.Simd;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.expr.vector.Validity;
import io.brook.engine.types.BrookType;
import org.apache.arrow.vector.FieldVector;

/**
 * The range test of {@link RangeSelection} ({@code low <= v <= high}, or its negation) over every
 * row of a dense chunk, written as a {@link RowMask} instead of a selection: 64 rows make one
 * word, with no per-row store. float64 columns use the SIMD kernel when it runs. Null values
 * never pass; NaN is outside every range, as in {@link RangeSelection}.
 */
public final class RangeMasks {
    private RangeMasks() {
    }

    /** Integer storages; for uint64, {@code low} and {@code high} are unsigned bit patterns. */
    public static void longs(FieldVector vector, Storage storage, int count, long low, long high, boolean inside, RowMask mask) {
        long[] words = mask.reset(count);
        if (storage == Storage.INT64) {
            long address = vector.getDataBufferAddress();
            for (int word = 0; word < RowMask.wordCount(count); word++) {
                int first = word << 6;
                int rows = Math.min(64, count - first);
                long bits = 0;
                for (int bit = 0; bit < rows; bit++) {
                    long value = Memory.getLong(address + ((long) (first + bit) << 3));
                    bits |= (value >= low & value <= high ? 1L : 0L) << bit;
                }
                words[word] = inside ? bits : ~bits;
            }
        } else {
            long[] values = Scratch.current().longs(0, count);
            Gather.longs(vector, storage, null, count, values);
            long flip = storage == Storage.UINT64 ? Long.MIN_VALUE : 0;
            long from = low ^ flip;
            long to = high ^ flip;
            for (int word = 0; word < RowMask.wordCount(count); word++) {
                int first = word << 6;
                int rows = Math.min(64, count - first);
                long bits = 0;
                for (int bit = 0; bit < rows; bit++) {
                    long value = values[first + bit] ^ flip;
                    bits |= (value >= from & value <= to ? 1L : 0L) << bit;
                }
                words[word] = inside ? bits : ~bits;
            }
        }
        finish(vector, mask);
    }

    /** Floating storages, compared as doubles. */
    public static void doubles(FieldVector vector, BrookType type, int count, double low, double high, boolean inside, RowMask mask) {
        long[] words = mask.reset(count);
        if (Storage.of(type) == Storage.FLOAT64) {
            long address = vector.getDataBufferAddress();
            int firstWord = 0;
            if (Simd.enabled()) {
                Float64Kernels.rangeMask(address, count, low, high, inside, words);
                firstWord = count >>> 6;
            }
            float64(address, firstWord, count, low, high, inside, words);
        } else {
            double[] values = Scratch.current().doubles(0, count);
            Gather.doubles(vector, type, null, count, values);
            for (int word = 0; word < RowMask.wordCount(count); word++) {
                int first = word << 6;
                int rows = Math.min(64, count - first);
                long bits = 0;
                for (int bit = 0; bit < rows; bit++) {
                    double value = values[first + bit];
                    bits |= (value >= low & value <= high ? 1L : 0L) << bit;
                }
                // outside the range is the complement, NaN included: NaN != c holds
                words[word] = inside ? bits : ~bits;
            }
        }
        finish(vector, mask);
    }

    /** A float64 buffer read in place, from word {@code firstWord} on. */
    private static void float64(long address, int firstWord, int count, double low, double high, boolean inside, long[] words) {
        boolean atLeast = inside && high == Double.POSITIVE_INFINITY;
        for (int word = firstWord; word < RowMask.wordCount(count); word++) {
            int first = word << 6;
            int rows = Math.min(64, count - first);
            long at = address + ((long) first << 3);
            if (atLeast && rows == 64) {
                words[word] = atLeastWord(at, low);
                continue;
            }
            long bits = 0;
            for (int bit = 0; bit < rows; bit++) {
                double value = Memory.getDouble(at + ((long) bit << 3));
                bits |= (value >= low & value <= high ? 1L : 0L) << bit;
            }
            words[word] = inside ? bits : ~bits;
        }
    }

    /**
     * {@code v > c} and {@code v >= c} over 64 float64 values, the filter + sum kernel's
     * predicate: each group of eight rows is eight independent compares ORed into a byte, so the
     * only dependency between rows is one OR per eight.
     */
    private static long atLeastWord(long at, double low) {
        long bits = 0;
        for (int group = 0; group < 64; group += 8) {
            bits |= (long) atLeastByte(at + ((long) group << 3), low) << group;
        }
        return bits;
    }

    private static int atLeastByte(long at, double low) {
        return (Memory.getDouble(at) >= low ? 1 : 0)
                | (Memory.getDouble(at + 8) >= low ? 2 : 0)
                | (Memory.getDouble(at + 16) >= low ? 4 : 0)
                | (Memory.getDouble(at + 24) >= low ? 8 : 0)
                | (Memory.getDouble(at + 32) >= low ? 16 : 0)
                | (Memory.getDouble(at + 40) >= low ? 32 : 0)
                | (Memory.getDouble(at + 48) >= low ? 64 : 0)
                | (Memory.getDouble(at + 56) >= low ? 128 : 0);
    }

    /** Drops the bits past the row count (a complemented word sets them) and the null rows. */
    private static void finish(FieldVector vector, RowMask mask) {
        mask.filled();
        if (!Validity.hasNoNulls(vector)) {
            mask.keepValid(vector);
        }
    }
}
