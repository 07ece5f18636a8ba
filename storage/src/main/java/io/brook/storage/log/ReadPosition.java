package io.brook.storage.log;

/**
 * How far a cursor has read, and the rule for what it reads next: an entry that ends at or
 * before {@link #sn()} is passed over by its header, and so, until the first entry new enough is
 * found, is an entry older than the start time. One rule serves every start (an sn, "latest",
 * the retention floor), because the position only moves forward and the floor is an entry
 * boundary.
 *
 * <p>Several cursors may share one position to read one range on several threads: deciding to
 * read an entry and moving past it is one atomic {@link #claim}, so each entry goes to exactly
 * one of them, in log order of the claims.
 */
final class ReadPosition {
    private final long notBeforeMillis;
    private long sn;
    private boolean seekingTime;
    private long snBeforeClaim;
    private boolean seekingBeforeClaim;

    /**
     * @param startSn         entries ending at or before this sn are passed over
     * @param notBeforeMillis until an entry with a max time at least this is found, entries are
     *                        passed over; {@link Long#MIN_VALUE} to pass over none
     */
    ReadPosition(long startSn, long notBeforeMillis) {
        this.sn = startSn;
        this.notBeforeMillis = notBeforeMillis;
        this.seekingTime = notBeforeMillis != Long.MIN_VALUE;
    }

    synchronized long sn() {
        return sn;
    }

    /** Moves to {@code floorSn} if behind it (retention removed what lies before). */
    synchronized void moveToAtLeast(long floorSn) {
        sn = Math.max(sn, floorSn);
    }

    /**
     * Moves past the entry; returns true if the caller is to read it, false if it is passed over
     * (already read, or older than the start).
     */
    synchronized boolean claim(StoredHeader header) {
        if (header.endSn() <= sn || (seekingTime && header.entry().maxTimeMillis() < notBeforeMillis)) {
            sn = Math.max(sn, header.endSn());
            return false;
        }
        snBeforeClaim = sn;
        seekingBeforeClaim = seekingTime;
        seekingTime = false;
        sn = header.endSn();
        return true;
    }

    /**
     * Undoes the claim of an entry that could not be read, so it is read again next time (a full
     * allocator may have room then; a corrupt entry keeps failing rather than being passed
     * over). Nothing changes if a claim of a later entry came in between.
     */
    synchronized void unclaim(StoredHeader header) {
        if (sn == header.endSn()) {
            sn = snBeforeClaim;
            seekingTime = seekingBeforeClaim;
        }
    }
}
