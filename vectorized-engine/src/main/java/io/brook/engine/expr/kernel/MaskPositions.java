package io.brook.engine.expr.kernel;

/**
 * For every byte mask, the offsets of its set bits: turns eight compare results into selection
 * entries without a branch or a per-row dependency.
 */
final class MaskPositions {
    /** Row {@code mask * 8 + k} is the offset of the k-th set bit of {@code mask} (unused entries 0). */
    private static final int[] OFFSETS = new int[256 * 8];

    static {
        for (int mask = 0; mask < 256; mask++) {
            int next = 0;
            for (int bit = 0; bit < 8; bit++) {
                if ((mask & (1 << bit)) != 0) {
                    OFFSETS[mask * 8 + next++] = bit;
                }
            }
        }
    }

    private MaskPositions() {
    }

    /**
     * Appends the positions {@code base + bit} of the set bits of {@code mask} at {@code out[found]};
     * writes eight entries unconditionally, so {@code out} needs room up to {@code found + 8}.
     */
    static int write(int mask, int base, int[] out, int found) {
        int table = mask << 3;
        out[found] = base + OFFSETS[table];
        out[found + 1] = base + OFFSETS[table + 1];
        out[found + 2] = base + OFFSETS[table + 2];
        out[found + 3] = base + OFFSETS[table + 3];
        out[found + 4] = base + OFFSETS[table + 4];
        out[found + 5] = base + OFFSETS[table + 5];
        out[found + 6] = base + OFFSETS[table + 6];
        out[found + 7] = base + OFFSETS[table + 7];
        return found + Integer.bitCount(mask);
    }
}
