package io.brook.jdbc.access;

import io.brook.engine.types.BrookType;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;

/**
 * datetime and datetime64 values, held as Instant. Brook times are instants, so getTimestamp
 * gives the same instant whatever calendar is passed; text and the local date-time classes use
 * the column's time zone (UTC when the type names none).
 */
final class TimestampAccessor extends ValueAccessor {
    private final ZoneId zone;

    TimestampAccessor(CurrentRow row, int column, BrookType type) {
        super(row, column, type);
        this.zone = TemporalText.zoneOf(type);
    }

    @Override
    protected Object toJdbc(Object value) {
        return Timestamp.from((Instant) value);
    }

    @Override
    protected Timestamp toTimestamp(Object value, Calendar calendar) {
        return Timestamp.from((Instant) value);
    }

    @Override
    protected Date toDate(Object value, Calendar calendar) {
        LocalDate day = ((Instant) value).atZone(zone).toLocalDate();
        ZoneId target = calendar == null ? ZoneId.systemDefault() : calendar.getTimeZone().toZoneId();
        return new Date(day.atStartOfDay(target).toInstant().toEpochMilli());
    }

    @Override
    protected Time toTime(Object value, Calendar calendar) {
        return new Time(((Instant) value).toEpochMilli());
    }

    /** As a number: milliseconds since 1970-01-01 00:00:00 UTC. */
    @Override
    protected Number toNumber(Object value) {
        return ((Instant) value).toEpochMilli();
    }

    @Override
    protected String toText(Object value) {
        return TemporalText.format((Instant) value, type);
    }

    @Override
    protected Object toClass(Object value, Class<?> target) {
        Instant instant = (Instant) value;
        if (target == Instant.class) {
            return instant;
        }
        if (target == OffsetDateTime.class) {
            return instant.atZone(zone).toOffsetDateTime();
        }
        if (target == ZonedDateTime.class) {
            return instant.atZone(zone);
        }
        if (target == LocalDateTime.class) {
            return LocalDateTime.ofInstant(instant, zone);
        }
        if (target == LocalDate.class) {
            return instant.atZone(zone).toLocalDate();
        }
        if (target == java.util.Date.class) {
            return java.util.Date.from(instant);
        }
        return null;
    }
}
