package io.brook.engine.expr.memory;

/**
 * Reusable primitive arrays for kernels, one set per thread. Kernels gather their inputs into
 * these arrays, compute in tight loops the JIT can vectorise, and scatter the result; reusing
 * the arrays avoids allocating (and zeroing) hundreds of kilobytes per chunk.
 *
 * <p>Only leaf kernels may hold scratch arrays, and never across a call that evaluates another
 * expression: the nested evaluation would reuse the same slots.
 */
public final class Scratch {
    private static final int SLOTS = 4;
    private static final ThreadLocal<Scratch> CURRENT = ThreadLocal.withInitial(Scratch::new);

    private final long[][] longs = new long[SLOTS][0];
    private final double[][] doubles = new double[SLOTS][0];
    private final boolean[][] booleans = new boolean[SLOTS][0];
    private final int[][] ints = new int[SLOTS][0];

    private Scratch() {
    }

    public static Scratch current() {
        return CURRENT.get();
    }

    public long[] longs(int slot, int size) {
        if (longs[slot].length < size) {
            longs[slot] = new long[grow(size)];
        }
        return longs[slot];
    }

    public double[] doubles(int slot, int size) {
        if (doubles[slot].length < size) {
            doubles[slot] = new double[grow(size)];
        }
        return doubles[slot];
    }

    public boolean[] booleans(int slot, int size) {
        if (booleans[slot].length < size) {
            booleans[slot] = new boolean[grow(size)];
        }
        return booleans[slot];
    }

    public int[] ints(int slot, int size) {
        if (ints[slot].length < size) {
            ints[slot] = new int[grow(size)];
        }
        return ints[slot];
    }

    private static int grow(int size) {
        return Math.max(1024, size + (size >>> 3));
    }
}
