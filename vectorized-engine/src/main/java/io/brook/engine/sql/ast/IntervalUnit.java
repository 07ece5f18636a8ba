package io.brook.engine.sql.ast;

import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Units of {@link IntervalLiteral}. Month, quarter and year exist only in the INTERVAL form. */
public enum IntervalUnit {
    NANOSECOND("ns", ChronoUnit.NANOS),
    MICROSECOND("us", ChronoUnit.MICROS),
    MILLISECOND("ms", ChronoUnit.MILLIS),
    SECOND("s", ChronoUnit.SECONDS),
    MINUTE("m", ChronoUnit.MINUTES),
    HOUR("h", ChronoUnit.HOURS),
    DAY("d", ChronoUnit.DAYS),
    WEEK("w", ChronoUnit.WEEKS),
    MONTH(null, ChronoUnit.MONTHS),
    QUARTER(null, null),
    YEAR(null, ChronoUnit.YEARS);

    private final String suffix;
    private final ChronoUnit chronoUnit;

    IntervalUnit(String suffix, ChronoUnit chronoUnit) {
        this.suffix = suffix;
        this.chronoUnit = chronoUnit;
    }

    /** The Timeplus shorthand suffix ({@code s} in {@code 5s}), or {@code null} if there is none. */
    public String suffix() {
        return suffix;
    }

    /** The matching ChronoUnit; {@code null} for QUARTER, which has none (3 months). */
    public ChronoUnit chronoUnit() {
        return chronoUnit;
    }

    /** True for units of fixed length (week and smaller), which a window size may use. */
    public boolean isFixedLength() {
        return ordinal() <= WEEK.ordinal();
    }

    /**
     * The unit named {@code word} (any case; singular or plural: {@code second}, {@code SECONDS}),
     * or by its shorthand suffix; {@code null} when it names none.
     */
    public static IntervalUnit fromWord(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (IntervalUnit unit : values()) {
            String name = unit.name().toLowerCase(Locale.ROOT);
            if (lower.equals(name) || lower.equals(name + "s") || lower.equals(unit.suffix)) {
                return unit;
            }
        }
        return null;
    }
}
