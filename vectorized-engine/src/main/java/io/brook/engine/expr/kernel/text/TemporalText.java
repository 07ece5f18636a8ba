package io.brook.engine.expr.kernel.text;

import io.brook.engine.expr.kernel.time.CivilCalendar;
import io.brook.engine.expr.kernel.time.TemporalValues;
import io.brook.engine.expr.kernel.time.ZoneOffsets;

/**
 * Dates and times as text, the ClickHouse way: {@code 2024-01-31} and
 * {@code 2024-01-31 13:45:00[.123]} in the value's time zone. Parsing also accepts a 'T'
 * separator, a trailing 'Z' or {@code +hh:mm} offset, fewer fraction digits, a date alone for a
 * datetime, and a bare number of seconds since the epoch.
 */
public final class TemporalText {
    private TemporalText() {
    }

    public static String formatDate(long days) {
        long civil = CivilCalendar.toCivil(days);
        StringBuilder text = new StringBuilder(10);
        appendPadded(text, Math.floorDiv(civil, 10_000), 4);
        text.append('-');
        appendPadded(text, Math.floorMod(civil, 10_000) / 100, 2);
        text.append('-');
        appendPadded(text, Math.floorMod(civil, 100), 2);
        return text.toString();
    }

    /** {@code ticks} of a datetime type, with {@code precision} fraction digits. */
    public static String formatDateTime(long ticks, TemporalValues values, int precision) {
        long local = values.localTicks(ticks);
        long perSecond = values.ticksPerSecond();
        long seconds = Math.floorDiv(local, perSecond);
        long fraction = Math.floorMod(local, perSecond);
        long days = Math.floorDiv(seconds, TemporalValues.SECONDS_PER_DAY);
        long secondOfDay = seconds - days * TemporalValues.SECONDS_PER_DAY;
        StringBuilder text = new StringBuilder(formatDate(days)).append(' ');
        appendPadded(text, secondOfDay / 3600, 2);
        text.append(':');
        appendPadded(text, secondOfDay / 60 % 60, 2);
        text.append(':');
        appendPadded(text, secondOfDay % 60, 2);
        if (precision > 0) {
            int digits = Long.toString(perSecond).length() - 1;
            text.append('.');
            String fractionText = String.format("%0" + digits + "d", fraction);
            text.append((fractionText + "000000000").substring(0, precision));
        }
        return text.toString();
    }

    private static void appendPadded(StringBuilder text, long value, int width) {
        String digits = Long.toString(Math.abs(value));
        if (value < 0) {
            text.append('-');
        }
        text.append("0".repeat(Math.max(0, width - digits.length()))).append(digits);
    }

    /** Days since the epoch of {@code YYYY-MM-DD}; throws IllegalArgumentException when malformed. */
    public static long parseDate(String text) {
        String value = text.strip();
        if (value.length() > 10 && (value.charAt(10) == ' ' || value.charAt(10) == 'T')) {
            value = value.substring(0, 10);
        }
        if (value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-') {
            throw new IllegalArgumentException(text);
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 5, 7);
        int day = digits(value, 8, 10);
        if (month < 1 || month > 12 || day < 1 || day > CivilCalendar.daysInMonth(year, month)) {
            throw new IllegalArgumentException(text);
        }
        return CivilCalendar.toDays(year, month, day);
    }

    /** Ticks (of {@code perSecond}) of a date-time text read in {@code zone} unless it names an offset. */
    public static long parseDateTime(String text, ZoneOffsets zone, long perSecond) {
        String value = text.strip();
        if (!value.isEmpty() && value.length() <= 18 && value.chars().allMatch(Character::isDigit)) {
            return Math.multiplyExact(Long.parseLong(value), perSecond);
        }
        long days = parseDate(value);
        long seconds = days * TemporalValues.SECONDS_PER_DAY;
        long fraction = 0;
        Long explicitOffset = null;
        if (value.length() > 10) {
            String time = value.substring(11);
            if (time.endsWith("Z")) {
                explicitOffset = 0L;
                time = time.substring(0, time.length() - 1);
            } else if (time.length() > 8 && (time.charAt(time.length() - 6) == '+' || time.charAt(time.length() - 6) == '-')) {
                String offset = time.substring(time.length() - 6);
                long magnitude = digits(offset, 1, 3) * 3600L + digits(offset, 4, 6) * 60L;
                explicitOffset = offset.charAt(0) == '-' ? -magnitude : magnitude;
                time = time.substring(0, time.length() - 6);
            }
            if (time.length() < 8 || time.charAt(2) != ':' || time.charAt(5) != ':') {
                throw new IllegalArgumentException(text);
            }
            int hour = digits(time, 0, 2);
            int minute = digits(time, 3, 5);
            int second = digits(time, 6, 8);
            if (hour > 23 || minute > 59 || second > 59) {
                throw new IllegalArgumentException(text);
            }
            seconds += hour * 3600L + minute * 60L + second;
            if (time.length() > 8) {
                if (time.charAt(8) != '.' || time.length() == 9) {
                    throw new IllegalArgumentException(text);
                }
                fraction = fraction(time.substring(9), perSecond, text);
            }
        }
        long utc = explicitOffset != null ? seconds - explicitOffset : zone.toUtc(seconds);
        return Math.addExact(Math.multiplyExact(utc, perSecond), fraction);
    }

    private static long fraction(String digits, long perSecond, String text) {
        long value = 0;
        long scale = perSecond;
        for (int index = 0; index < digits.length(); index++) {
            char digit = digits.charAt(index);
            if (digit < '0' || digit > '9') {
                throw new IllegalArgumentException(text);
            }
            scale /= 10;
            value += (digit - '0') * scale;
        }
        return value;
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int index = from; index < to; index++) {
            char digit = text.charAt(index);
            if (digit < '0' || digit > '9') {
                throw new IllegalArgumentException(text);
            }
            value = value * 10 + digit - '0';
        }
        return value;
    }
}
