package io.brook.engine.expr.kernel.time;

/**
 * Proleptic Gregorian dates as day numbers since 1970-01-01, converted with integer arithmetic
 * only (years grouped in 400-year eras of 146097 days, years starting in March so the leap day
 * comes last), so time kernels never create LocalDate objects per row.
 */
public final class CivilCalendar {
    private static final long DAYS_PER_ERA = 146_097;
    /** Days from 0000-03-01 to 1970-01-01. */
    private static final long EPOCH_SHIFT = 719_468;

    private CivilCalendar() {
    }

    /** The day number of {@code year-month-day} (month 1..12). */
    public static long toDays(long year, int month, int day) {
        long marchYear = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(marchYear, 400);
        long yearOfEra = marchYear - era * 400;
        int monthFromMarch = month > 2 ? month - 3 : month + 9;
        long dayOfYear = (153L * monthFromMarch + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * DAYS_PER_ERA + dayOfEra - EPOCH_SHIFT;
    }

    /** Year, month and day of a day number packed as {@code year * 10000 + month * 100 + day}. */
    public static long toCivil(long days) {
        long shifted = days + EPOCH_SHIFT;
        long era = Math.floorDiv(shifted, DAYS_PER_ERA);
        long dayOfEra = shifted - era * DAYS_PER_ERA;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthFromMarch = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
        long month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return year * 10_000 + month * 100 + day;
    }

    public static long year(long days) {
        return Math.floorDiv(toCivil(days), 10_000);
    }

    public static int month(long days) {
        return Math.floorMod(toCivil(days), 10_000) / 100;
    }

    public static int dayOfMonth(long days) {
        return Math.floorMod(toCivil(days), 100);
    }

    /** Months since 1970-01 of the day's month. */
    public static long monthIndex(long days) {
        long civil = toCivil(days);
        return (Math.floorDiv(civil, 10_000) - 1970) * 12 + Math.floorMod(civil, 10_000) / 100 - 1;
    }

    /** The first day of the month with {@link #monthIndex} {@code index}. */
    public static long firstDayOfMonth(long index) {
        return toDays(1970 + Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1, 1);
    }

    public static int daysInMonth(long year, int month) {
        return switch (month) {
            case 2 -> isLeapYear(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    public static boolean isLeapYear(long year) {
        return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** Adds months to a day number, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29). */
    public static long plusMonths(long days, long months) {
        long civil = toCivil(days);
        long year = Math.floorDiv(civil, 10_000);
        int month = Math.floorMod(civil, 10_000) / 100;
        int day = Math.floorMod(civil, 100);
        long index = year * 12 + month - 1 + months;
        long targetYear = Math.floorDiv(index, 12);
        int targetMonth = Math.floorMod(index, 12) + 1;
        return toDays(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
    }

    /** ISO day of week, Monday = 1 .. Sunday = 7 (1970-01-01 was a Thursday). */
    public static int dayOfWeek(long days) {
        return Math.floorMod(days + 3, 7) + 1;
    }
}
