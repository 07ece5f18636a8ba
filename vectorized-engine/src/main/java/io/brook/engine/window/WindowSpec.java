package io.brook.engine.window;

import io.brook.engine.expr.Expression;

/**
 * A window table function as planned: its kind, the time expression (a datetime column of the
 * input), the lengths in ticks of that column, and where {@code window_start} sits in the scope
 * the function yields ({@code window_end} follows it; both come after the input's columns).
 *
 * @param size        the window size (tumble, hop) or the idle gap (session)
 * @param slide       the hop slide; the size for tumble; 0 for session
 * @param maxLength   the longest a session may last (default five idle gaps); 0 otherwise
 * @param startColumn the scope index of {@code window_start}, equal to the input's column count
 */
public record WindowSpec(WindowKind kind, Expression time, TimeAxis axis, long size, long slide, long maxLength,
                         int startColumn) {
    public static final String WINDOW_START = "window_start";
    public static final String WINDOW_END = "window_end";

    public WindowSpec {
        if (size <= 0 || kind != WindowKind.SESSION && (slide <= 0 || slide > size)) {
            throw new IllegalArgumentException("window size " + size + ", slide " + slide);
        }
    }

    public int endColumn() {
        return startColumn + 1;
    }

    /** The windows a row can fall in: 1 for tumble, ceil(size / slide) for hop. */
    public int windowsPerRow() {
        return kind == WindowKind.HOP ? (int) ((size + slide - 1) / slide) : 1;
    }

    /** For EXPLAIN: {@code tumble(_tp_time, 5s)}, {@code hop(ts, 1s, 5s)}, {@code session(ts, 5s, 25s)}. */
    public String describe() {
        String name = kind.name().toLowerCase();
        return switch (kind) {
            case TUMBLE -> name + "(" + time.describe() + ", " + axis.text(size) + ")";
            case HOP -> name + "(" + time.describe() + ", " + axis.text(slide) + ", " + axis.text(size) + ")";
            case SESSION -> name + "(" + time.describe() + ", " + axis.text(size) + ", " + axis.text(maxLength) + ")";
        };
    }
}
