package io.brook.storage.log;

/**
 * What a reader learns about a log entry without decoding its rows.
 *
 * @param firstSn       {@code _tp_sn} of the entry's first row
 * @param rowCount      number of rows in the entry
 * @param minTimeMillis smallest event time ({@code _tp_time}) in the entry, as given by the writer
 * @param maxTimeMillis largest event time in the entry; retention and {@link LogStart#fromTime}
 *                      decide on this value
 */
public record EntryHeader(long firstSn, int rowCount, long minTimeMillis, long maxTimeMillis) {
    /** The {@code _tp_sn} just after the entry's last row. */
    public long endSn() {
        return firstSn + rowCount;
    }
}
