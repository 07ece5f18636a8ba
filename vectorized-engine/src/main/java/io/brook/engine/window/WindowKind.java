package io.brook.engine.window;

/** The three window table functions of SPEC 1.8. */
public enum WindowKind {
    /** {@code tumble(s[, time], size)}: back-to-back windows, each row in exactly one. */
    TUMBLE,
    /** {@code hop(s[, time], slide, size)}: windows of {@code size} starting every {@code slide}. */
    HOP,
    /** {@code session(s[, time], idle_gap[, max_length])}: per key, rows closer than the gap. */
    SESSION
}
