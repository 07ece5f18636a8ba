package io.brook.storage.log;

/** Where a {@link LogCursor} starts reading. */
public sealed interface LogStart {

    /** From the oldest entry that retention has kept. */
    static LogStart earliest() {
        return Earliest.INSTANCE;
    }

    /** Only entries appended after the cursor was opened. */
    static LogStart latest() {
        return Latest.INSTANCE;
    }

    /**
     * From the entry that contains {@code sn}. Entries are returned whole, so rows of that first
     * entry with a smaller {@code _tp_sn} are returned too; the caller filters them. A position
     * older than retention starts at the oldest kept entry; a position beyond the end waits for
     * the entry that will contain it.
     */
    static LogStart fromSn(long sn) {
        return new FromSn(sn);
    }

    /**
     * From the first entry whose newest event time is at least {@code millis}. Older entries at
     * the start are skipped by their headers, without decoding their rows; once an entry
     * qualifies, every later entry is returned whatever its times (late rows are the reader's to
     * filter).
     */
    static LogStart fromTime(long millis) {
        return new FromTime(millis);
    }

    record Earliest() implements LogStart {
        static final Earliest INSTANCE = new Earliest();
    }

    record Latest() implements LogStart {
        static final Latest INSTANCE = new Latest();
    }

    record FromSn(long sn) implements LogStart {
        public FromSn {
            if (sn < 0) {
                throw new IllegalArgumentException("sn must not be negative: " + sn);
            }
        }
    }

    record FromTime(long millis) implements LogStart {
    }
}
