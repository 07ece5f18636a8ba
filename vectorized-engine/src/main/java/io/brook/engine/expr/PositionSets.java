package io.brook.engine.expr;

import io.brook.engine.chunk.Chunk;

/** Set operations on ascending position lists, used to split a chunk between branches. */
final class PositionSets {
    private PositionSets() {
    }

    /** Live positions of {@code chunk} not in {@code taken[0..takenCount)}, which is a subset of them. */
    static int[] without(Chunk chunk, int[] taken, int takenCount) {
        int[] rest = new int[chunk.size() - takenCount];
        int next = 0;
        int found = 0;
        for (int row = 0; row < chunk.size(); row++) {
            int position = chunk.position(row);
            if (next < takenCount && taken[next] == position) {
                next++;
            } else {
                rest[found++] = position;
            }
        }
        return rest;
    }

    /** Merges two disjoint ascending lists into {@code out}; returns the total. */
    static int union(int[] first, int firstCount, int[] second, int secondCount, int[] out) {
        int a = firstCount - 1;
        int b = secondCount - 1;
        // fill from the back so {@code out} may be {@code first}
        for (int target = firstCount + secondCount - 1; target >= 0; target--) {
            if (b < 0 || a >= 0 && first[a] > second[b]) {
                out[target] = first[a--];
            } else {
                out[target] = second[b--];
            }
        }
        return firstCount + secondCount;
    }

    static int[] prefix(int[] positions, int count) {
        return java.util.Arrays.copyOf(positions, count);
    }
}
