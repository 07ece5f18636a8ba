package io.brook.engine.expr.simd;

import io.brook.engine.expr.memory.Memory;
import org.apache.arrow.memory.util.MemoryUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SIMD kernels against plain per-row definitions, over values that include NaN, infinities and -0.0. */
class Float64KernelsTest {
    private static final int ROWS = 64 * 5 + 17;
    private final long address = MemoryUtil.allocateMemory(8L * ROWS);
    private final double[] values = new double[ROWS];

    Float64KernelsTest() {
        for (int row = 0; row < ROWS; row++) {
            double value = row % 13 == 1 ? Double.NaN : row % 17 == 2 ? Double.POSITIVE_INFINITY
                    : row % 19 == 3 ? Double.NEGATIVE_INFINITY : row % 7 == 0 ? -0.0 : ((row * 37) % 101 - 50) / 4.0;
            values[row] = value;
            Memory.putDouble(address + 8L * row, value);
        }
    }

    @AfterEach
    void free() {
        MemoryUtil.freeMemory(address);
    }

    @Test
    void runsWhereverTheBuildStartsJava() {
        // brook-jvm.args adds the module; only -Dbrook.simd=false (the scalar test run) turns it off
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
        boolean wanted = Boolean.parseBoolean(System.getProperty("brook.simd", "true"));
        assertEquals(wanted && Float64Kernels.lanes() >= 4, Simd.enabled());
    }

    @Test
    void rangeMaskMatchesTheRowByRowTest() {
        double[][] ranges = {{Math.nextUp(0.0), Double.POSITIVE_INFINITY}, {0.0, Double.POSITIVE_INFINITY},
                {-5, 5}, {2.5, 2.5}, {Double.NEGATIVE_INFINITY, -1}, {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY},
                {-0.0, -0.0}, {Double.NaN, Double.NaN}};
        long[] words = new long[ROWS / 64 + 1];
        for (double[] range : ranges) {
            for (boolean inside : new boolean[] {true, false}) {
                Float64Kernels.rangeMask(address, ROWS, range[0], range[1], inside, words);
                for (int row = 0; row < ROWS / 64 * 64; row++) {
                    boolean expected = (values[row] >= range[0] && values[row] <= range[1]) == inside;
                    assertEquals(expected, ((words[row >>> 6] >>> row) & 1) == 1,
                            "row " + row + " = " + values[row] + " in [" + range[0] + ", " + range[1] + "] " + inside);
                }
            }
        }
    }

    @Test
    void maskedSumAddsOnlyTheRowsThatPass() {
        long[] bits = new long[ROWS / 64 + 1];
        for (int pattern = 0; pattern < 4; pattern++) {
            double expected = 0;
            for (int row = 0; row < ROWS; row++) {
                boolean finite = Double.isFinite(values[row]);
                boolean passes = finite && switch (pattern) {
                    case 0 -> true;
                    case 1 -> row % 2 == 0;
                    case 2 -> row % 64 < 3 || row % 11 == 0;
                    default -> false;
                };
                bits[row >>> 6] = passes ? bits[row >>> 6] | 1L << row : bits[row >>> 6] & ~(1L << row);
                expected += passes && row < ROWS / 64 * 64 ? values[row] : 0;
            }
            assertEquals(expected, Float64Kernels.maskedSum(address, bits, ROWS), "pattern " + pattern);
        }
    }
}
