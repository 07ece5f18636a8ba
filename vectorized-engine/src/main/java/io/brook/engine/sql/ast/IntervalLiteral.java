package io.brook.engine.sql.ast;

import java.time.Duration;
import java.util.Objects;

/**
 * A time interval: {@code 5s}, {@code 100ms}, {@code INTERVAL 5 SECOND}, {@code INTERVAL '2' DAY}.
 */
public record IntervalLiteral(long amount, IntervalUnit unit) implements Expression {
    public IntervalLiteral {
        Objects.requireNonNull(unit, "unit");
    }

    /**
     * The interval as a Duration, for fixed-length units only (month, quarter and year vary).
     *
     * @throws IllegalStateException for MONTH, QUARTER and YEAR
     */
    public Duration toDuration() {
        if (!unit.isFixedLength()) {
            throw new IllegalStateException(unit + " has no fixed length");
        }
        // days and weeks count as 24 h and 7 x 24 h: window sizes are measured on the UTC axis
        return unit.chronoUnit().getDuration().multipliedBy(amount);
    }
}
