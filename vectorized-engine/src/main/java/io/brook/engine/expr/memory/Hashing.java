package io.brook.engine.expr.memory;

/** Hash mixing shared by group-by keys, IN sets and distinct filters, so equal keys hash alike. */
public final class Hashing {
    /** Hash of SQL NULL; any fixed value works as long as every key column uses the same one. */
    public static final long NULL_HASH = 0x5BD1E9955BD1E995L;

    private Hashing() {
    }

    /** Spreads the bits of {@code value} over the whole word (a murmur-style finaliser). */
    public static long mix(long value) {
        long hash = value * 0xFF51AFD7ED558CCDL;
        hash ^= hash >>> 32;
        hash *= 0xC4CEB9FE1A85EC53L;
        return hash ^ (hash >>> 29);
    }

    /** Folds one more column's hash into a row's running hash. */
    public static long combine(long rowHash, long columnHash) {
        return rowHash * 0x9E3779B97F4A7C15L + columnHash;
    }
}
