package io.brook.engine.expr.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

/**
 * float64 kernels on the Vector API for a filter fused into an aggregation: a range test written
 * as row-mask words, and the sum of the rows such a mask lets through. One compare, or one
 * masked add, covers a whole vector of rows (eight doubles with AVX-512, four with AVX2), so
 * both run at the speed of memory where the scalar loops spend several instructions a row.
 *
 * <p>Both work on whole 64-row words only; callers finish the last partial word with their
 * scalar loop. Called only when {@link Simd#enabled()}; the masks equal the scalar ones, and the
 * sums differ from the scalar ones only by the order of the additions.
 */
public final class Float64Kernels {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private Float64Kernels() {
    }

    static int lanes() {
        return LANES;
    }

    /**
     * Writes {@code words[0 .. count/64)}: bit r set when {@code low <= v[r] <= high} equals
     * {@code inside}, so NaN is outside every range (and passes "outside").
     */
    public static void rangeMask(long address, int count, double low, double high, boolean inside, long[] words) {
        MemorySegment values = segment(address, count);
        int full = count >>> 6;
        if (inside && high == Double.POSITIVE_INFINITY) {
            for (int word = 0; word < full; word++) {
                words[word] = atLeast(values, (long) word << 9, low);
            }
        } else {
            for (int word = 0; word < full; word++) {
                long bits = inRange(values, (long) word << 9, low, high);
                words[word] = inside ? bits : ~bits;
            }
        }
    }

    private static long atLeast(MemorySegment values, long offset, double low) {
        long bits = 0;
        for (int lane = 0; lane < 64; lane += LANES) {
            bits |= load(values, offset + ((long) lane << 3)).compare(VectorOperators.GE, low).toLong() << lane;
        }
        return bits;
    }

    private static long inRange(MemorySegment values, long offset, double low, double high) {
        long bits = 0;
        for (int lane = 0; lane < 64; lane += LANES) {
            DoubleVector vector = load(values, offset + ((long) lane << 3));
            VectorMask<Double> matches = vector.compare(VectorOperators.GE, low).and(vector.compare(VectorOperators.LE, high));
            bits |= matches.toLong() << lane;
        }
        return bits;
    }

    /**
     * The sum of the values at rows {@code 0 .. count/64*64)} whose bit is set in {@code bits}.
     * A masked add leaves the lanes of rows that do not pass untouched, so whatever they hold
     * (NaN, infinity, garbage under a null) never reaches the sum.
     */
    public static double maskedSum(long address, long[] bits, int count) {
        MemorySegment values = segment(address, count);
        DoubleVector first = DoubleVector.zero(SPECIES);
        DoubleVector second = DoubleVector.zero(SPECIES);
        int full = count >>> 6;
        for (int word = 0; word < full; word++) {
            long passing = bits[word];
            if (passing == 0) {
                continue;
            }
            long offset = (long) word << 9;
            for (int lane = 0; lane < 64; lane += 2 * LANES) {
                first = first.add(load(values, offset + ((long) lane << 3)), VectorMask.fromLong(SPECIES, passing >>> lane));
                second = second.add(load(values, offset + ((long) (lane + LANES) << 3)),
                        VectorMask.fromLong(SPECIES, passing >>> (lane + LANES)));
            }
        }
        return first.add(second).reduceLanes(VectorOperators.ADD);
    }

    private static MemorySegment segment(long address, int count) {
        return MemorySegment.ofAddress(address).reinterpret(8L * count);
    }

    private static DoubleVector load(MemorySegment values, long offset) {
        return DoubleVector.fromMemorySegment(SPECIES, values, offset, ByteOrder.nativeOrder());
    }
}
