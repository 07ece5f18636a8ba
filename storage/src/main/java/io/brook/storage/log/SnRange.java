package io.brook.storage.log;

/**
 * A contiguous run of {@code _tp_sn} values: the rows of one append.
 *
 * @param first the {@code _tp_sn} of the first row
 * @param count the number of rows; zero for an empty append
 */
public record SnRange(long first, long count) {
    public SnRange {
        if (first < 0 || count < 0) {
            throw new IllegalArgumentException("Invalid sn range: first=" + first + ", count=" + count);
        }
    }

    /** The {@code _tp_sn} of the last row; {@code first - 1} when the range is empty. */
    public long last() {
        return first + count - 1;
    }

    /** The {@code _tp_sn} just after the range, where the next append starts. */
    public long end() {
        return first + count;
    }
}
