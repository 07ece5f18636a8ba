package io.brook.engine.expr;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;

import java.util.Locale;

/**
 * Units of interval literals. Units up to a week are a fixed number of nanoseconds; month,
 * quarter and year move the calendar date.
 */
public enum IntervalUnit {
    NANOSECOND(1, 0), MICROSECOND(1_000, 0), MILLISECOND(1_000_000, 0), SECOND(1_000_000_000L, 0),
    MINUTE(60_000_000_000L, 0), HOUR(3_600_000_000_000L, 0), DAY(86_400_000_000_000L, 0),
    WEEK(7 * 86_400_000_000_000L, 0), MONTH(0, 1), QUARTER(0, 3), YEAR(0, 12);

    private final long nanos;
    private final int months;

    IntervalUnit(long nanos, int months) {
        this.nanos = nanos;
        this.months = months;
    }

    /** Nanoseconds in one unit; 0 for calendar units. */
    public long nanos() {
        return nanos;
    }

    /** Months in one unit; 0 for fixed-length units. */
    public int months() {
        return months;
    }

    public boolean isCalendar() {
        return months != 0;
    }

    /** Digits of second fractions needed to hold a multiple of this unit (0 for a second or more). */
    public int fractionDigits() {
        return switch (this) {
            case NANOSECOND -> 9;
            case MICROSECOND -> 6;
            case MILLISECOND -> 3;
            default -> 0;
        };
    }

    /** Reads a unit name: {@code second}, {@code seconds}, {@code SECOND}, or the shorthand ms s m h d w. */
    public static IntervalUnit parse(String text) {
        String name = text.strip();
        if (name.equals("M")) {
            return MONTH;
        }
        name = name.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "ns", "nanosecond", "nanoseconds" -> NANOSECOND;
            case "us", "microsecond", "microseconds" -> MICROSECOND;
            case "ms", "millisecond", "milliseconds" -> MILLISECOND;
            case "s", "second", "seconds", "sec" -> SECOND;
            case "m", "minute", "minutes", "min" -> MINUTE;
            case "h", "hour", "hours" -> HOUR;
            case "d", "day", "days" -> DAY;
            case "w", "week", "weeks" -> WEEK;
            case "month", "months" -> MONTH;
            case "q", "quarter", "quarters" -> QUARTER;
            case "y", "year", "years" -> YEAR;
            default -> throw new BrookException(ErrorCode.BAD_ARGUMENTS, "Unknown interval unit " + text);
        };
    }
}
