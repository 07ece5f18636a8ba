package io.brook.engine.external;

import java.util.OptionalLong;
import java.util.Set;

/**
 * How a query reads an external stream: bounded or streaming, where to start ({@code seek_to}
 * from the query's settings, or null for the type's default), and the lower bound on
 * {@code _tp_time} that the query's WHERE sets (SPEC 1.4), in epoch milliseconds, when the
 * stream has a {@code _tp_time} column and the WHERE has such a bound. The query still applies
 * its whole WHERE to what the source returns; the bound only lets a type start reading earlier.
 * {@code resumeFrom}, when not null, is a position the type's source gave earlier (see
 * {@code ChunkSource.resumePosition()}): a materialized view resuming after a restart reads on from
 * exactly there, whatever {@code seek_to} says. {@code unreadColumns} names virtual columns the
 * query never mentions: a source may leave them NULL instead of filling them row by row.
 */
public record ReadOptions(boolean bounded, String seekTo, OptionalLong timeLowerBoundMillis, String resumeFrom,
                          Set<String> unreadColumns) {

    public ReadOptions {
        timeLowerBoundMillis = timeLowerBoundMillis == null ? OptionalLong.empty() : timeLowerBoundMillis;
        unreadColumns = unreadColumns == null ? Set.of() : Set.copyOf(unreadColumns);
    }

    public ReadOptions(boolean bounded, String seekTo, OptionalLong timeLowerBoundMillis) {
        this(bounded, seekTo, timeLowerBoundMillis, null, Set.of());
    }

    public ReadOptions(boolean bounded, String seekTo) {
        this(bounded, seekTo, OptionalLong.empty());
    }

    /**
     * These options for a materialized view resuming a read: {@code position} is what the
     * source's {@code ChunkSource.resumePosition()} said at the view's last checkpoint, and takes the
     * place of {@code seek_to} and the time bound.
     */
    public ReadOptions resumingFrom(String position) {
        return new ReadOptions(bounded, seekTo, timeLowerBoundMillis, position, unreadColumns);
    }

    /** These options for a query that never mentions the virtual columns {@code names}. */
    public ReadOptions withUnreadColumns(Set<String> names) {
        return new ReadOptions(bounded, seekTo, timeLowerBoundMillis, resumeFrom, names);
    }

    /** Whether the query may read column {@code name}; a source must fill every column it may. */
    public boolean reads(String name) {
        return !unreadColumns.contains(name);
    }
}
