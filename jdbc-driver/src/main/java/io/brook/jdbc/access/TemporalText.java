package io.brook.jdbc.access;

import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * The text of a datetime as Timeplus prints it: {@code 2024-01-31 12:00:00}, with as many
 * fraction digits as a datetime64's precision, in the type's time zone (UTC when none).
 */
final class TemporalText {
    private static final DateTimeFormatter[] FORMATS = new DateTimeFormatter[10];

    static {
        for (int digits = 0; digits < FORMATS.length; digits++) {
            DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd HH:mm:ss");
            if (digits > 0) {
                builder.appendFraction(ChronoField.NANO_OF_SECOND, digits, digits, true);
            }
            FORMATS[digits] = builder.toFormatter();
        }
    }

    private TemporalText() {
    }

    static ZoneId zoneOf(BrookType type) {
        return type.timezone() == null ? ZoneOffset.UTC : ZoneId.of(type.timezone());
    }

    static String format(Instant instant, BrookType type) {
        int digits = type.kind() == TypeKind.DATETIME64 ? Math.min(type.precision(), 9) : 0;
        return FORMATS[digits].format(instant.atZone(zoneOf(type)));
    }
}
