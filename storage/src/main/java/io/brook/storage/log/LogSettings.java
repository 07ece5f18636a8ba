package io.brook.storage.log;

/**
 * How much of a stream's log is kept and how hard an append works to be durable. These are not
 * stored in the log: the owner of the stream passes them each time it opens it.
 *
 * @param retentionMillis drop entries whose newest event time is older than this many
 *                        milliseconds; negative keeps entries regardless of age
 * @param retentionBytes  drop the oldest entries while the log holds more than this many bytes;
 *                        negative keeps entries regardless of size
 * @param fsync           force every append to disk before it returns, so it survives power loss;
 *                        without it an append survives the process being killed but not the
 *                        machine losing power
 */
public record LogSettings(long retentionMillis, long retentionBytes, boolean fsync) {
    /** Keep everything, no fsync per append. */
    public static final LogSettings DEFAULT = new LogSettings(-1, -1, false);

    public boolean limitsAge() {
        return retentionMillis >= 0;
    }

    public boolean limitsSize() {
        return retentionBytes >= 0;
    }
}
