package io.brook.jdbc.access;

import io.brook.engine.types.BrookType;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Calendar;
import java.time.ZoneId;

/**
 * date and date32 values, held as LocalDate. A java.sql.Date is midnight of that day in the
 * calendar's time zone: the connection's (the JVM's unless the {@code timeZone} property says
 * otherwise) for {@code getDate(column)} and {@code getObject}, so its toString shows the day.
 */
final class DateAccessor extends ValueAccessor {
    private final Calendar connectionCalendar;

    DateAccessor(CurrentRow row, int column, BrookType type, Calendar connectionCalendar) {
        super(row, column, type);
        this.connectionCalendar = connectionCalendar;
    }

    @Override
    protected Object toJdbc(Object value) {
        return toDate(value, connectionCalendar);
    }

    @Override
    protected Date toDate(Object value, Calendar calendar) {
        return new Date(midnightMillis((LocalDate) value, calendar));
    }

    @Override
    protected Timestamp toTimestamp(Object value, Calendar calendar) {
        return new Timestamp(midnightMillis((LocalDate) value, calendar));
    }

    @Override
    protected Object toClass(Object value, Class<?> target) {
        LocalDate day = (LocalDate) value;
        if (target == LocalDate.class) {
            return day;
        }
        if (target == LocalDateTime.class) {
            return day.atStartOfDay();
        }
        return null;
    }

    private static long midnightMillis(LocalDate day, Calendar calendar) {
        ZoneId zone = calendar == null ? ZoneId.systemDefault() : calendar.getTimeZone().toZoneId();
        return day.atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
