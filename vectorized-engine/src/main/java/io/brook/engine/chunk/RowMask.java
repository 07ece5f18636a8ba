package io.brook.engine.chunk;

import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.vector.Validity;
import org.apache.arrow.vector.FieldVector;

import java.util.Arrays;

/**
 * Which rows of a dense chunk passed a filter, as one bit per row in {@code long} words (row
 * {@code r} is bit {@code r & 63} of word {@code r >>> 6}, the order of Arrow's validity
 * bitmaps). A filter fused into a global aggregation hands this to the aggregates instead of a
 * selection vector, so an aggregate can add "the value or nothing" row by row in one pass.
 *
 * <p>Bits past the row count are always clear. One owner reuses a mask chunk after chunk, which
 * is safe because nothing keeps it: aggregates read it during the call, and the selection it can
 * produce is a fresh array.
 */
public final class RowMask {
    private long[] words = new long[0];
    private long[] scratch = new long[0];
    private int[] positionBuffer = new int[0];
    private int rowCount;
    private int passing;

    /** Words a mask of {@code rows} rows needs. */
    public static int wordCount(int rows) {
        return (rows + 63) >>> 6;
    }

    /**
     * Starts a mask over {@code rows} rows and returns its words for a kernel to fill (their old
     * contents are garbage); the kernel then calls {@link #filled()}.
     */
    public long[] reset(int rows) {
        int needed = wordCount(rows);
        if (words.length < needed) {
            words = new long[needed];
        }
        rowCount = rows;
        return words;
    }

    /** Clears the bits past the row count and counts the passing rows. */
    public void filled() {
        int full = rowCount >>> 6;
        if ((rowCount & 63) != 0) {
            words[full] &= (1L << (rowCount & 63)) - 1;
        }
        passing = count(words);
    }

    /** Sets the mask of {@code rows} rows to the {@code count} ascending positions in {@code positions}. */
    public void setPositions(int rows, int[] positions, int count) {
        long[] target = reset(rows);
        Arrays.fill(target, 0, wordCount(rows), 0L);
        for (int index = 0; index < count; index++) {
            int position = positions[index];
            target[position >>> 6] |= 1L << position;
        }
        passing = count;
    }

    /**
     * A reusable array of at least {@code size} entries for a selection that is then turned into
     * this mask with {@link #setPositions}; the next call may return the same array.
     */
    public int[] positionBuffer(int size) {
        if (positionBuffer.length < size) {
            positionBuffer = new int[size];
        }
        return positionBuffer;
    }

    /** The words; only the first {@link #wordCount}{@code (rowCount())} are meaningful. */
    public long[] words() {
        return words;
    }

    public int rowCount() {
        return rowCount;
    }

    /** Rows whose bit is set. */
    public int passingCount() {
        return passing;
    }

    public boolean allPass() {
        return passing == rowCount;
    }

    /** The positions of the set bits, ascending, in a new exact-size array (a selection vector). */
    public int[] positions() {
        int[] out = new int[passing];
        int found = 0;
        for (int word = 0; word < wordCount(rowCount); word++) {
            long bits = words[word];
            int base = word << 6;
            while (bits != 0) {
                out[found++] = base + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
            }
        }
        return out;
    }

    /**
     * The rows that pass and where {@code vector} is not null: the mask's own words when the
     * vector has no nulls, else the AND with its validity bitmap in a scratch array that the next
     * call overwrites.
     */
    public long[] passingAndValid(FieldVector vector) {
        if (Validity.hasNoNulls(vector)) {
            return words;
        }
        if (scratch.length < wordCount(rowCount)) {
            scratch = new long[wordCount(rowCount)];
        }
        andValidity(words, vector, scratch);
        return scratch;
    }

    /** Clears the rows where {@code vector} is null, for kernels that compared values at null rows too. */
    public void keepValid(FieldVector vector) {
        andValidity(words, vector, words);
        passing = count(words);
    }

    private void andValidity(long[] bits, FieldVector vector, long[] out) {
        long validity = vector.getValidityBufferAddress();
        int full = rowCount >>> 6;
        for (int word = 0; word < full; word++) {
            out[word] = bits[word] & Memory.getLong(validity + ((long) word << 3));
        }
        if (full < wordCount(rowCount)) {
            long tail = 0;
            for (int position = full << 6; position < rowCount; position++) {
                tail |= (long) Memory.bit(validity, position) << position;
            }
            out[full] = bits[full] & tail;
        }
    }

    /** Set bits among the first {@code wordCount(rowCount())} of {@code bits}. */
    public int count(long[] bits) {
        int count = 0;
        for (int word = 0; word < wordCount(rowCount); word++) {
            count += Long.bitCount(bits[word]);
        }
        return count;
    }
}
