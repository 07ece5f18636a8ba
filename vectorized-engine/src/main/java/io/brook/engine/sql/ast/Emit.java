package io.brook.engine.sql.ast;

import java.util.Objects;

/**
 * The EMIT clause of a streaming query (SPEC 1.7, 1.8). Parts may be combined, separated by
 * nothing, a comma or AND: {@code EMIT AFTER WINDOW CLOSE WITH DELAY 2s AND TIMEOUT 5s},
 * {@code EMIT PERIODIC 1s REPEAT}, {@code EMIT CHANGELOG PERIODIC 2s}.
 *
 * @param kind      the trigger; {@link Kind#DEFAULT} when only modifiers (TIMEOUT, CHANGELOG,
 *                  STREAM) were written, meaning the trigger the query kind has by default
 * @param period    the interval of PERIODIC, else {@code null}
 * @param repeat    PERIODIC ... REPEAT: emit even when no new rows arrived
 * @param delay     WITH DELAY of AFTER WINDOW CLOSE (or of PERIODIC), else {@code null}
 * @param timeout   TIMEOUT, else {@code null}
 * @param changelog EMIT CHANGELOG: results carry {@code _tp_delta} (+1/-1)
 */
public record Emit(Kind kind, IntervalLiteral period, boolean repeat, IntervalLiteral delay,
                   IntervalLiteral timeout, boolean changelog) {
    public Emit {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.PERIODIC) != (period != null)) {
            throw new IllegalArgumentException("PERIODIC and only PERIODIC has a period");
        }
    }

    public static Emit periodic(IntervalLiteral period) {
        return new Emit(Kind.PERIODIC, period, false, null, null, false);
    }

    public static Emit onUpdate() {
        return new Emit(Kind.ON_UPDATE, null, false, null, null, false);
    }

    public static Emit afterWindowClose(IntervalLiteral delay) {
        return new Emit(Kind.AFTER_WINDOW_CLOSE, null, false, delay, null, false);
    }

    /** What makes results go out. AFTER WATERMARK (older Timeplus syntax) is AFTER_WINDOW_CLOSE. */
    public enum Kind { DEFAULT, PERIODIC, ON_UPDATE, AFTER_WINDOW_CLOSE }
}
