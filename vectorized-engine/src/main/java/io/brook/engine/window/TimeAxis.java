package io.brook.engine.window;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.sql.ast.IntervalLiteral;
import io.brook.engine.types.ArrowMapping;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The time column of a window: its type, the ticks it counts in (seconds for {@code datetime},
 * milliseconds for {@code datetime64(3)}, ...) and its time zone. Windows are aligned on local
 * time in that zone (UTC when the type names none), so a {@code 1d} window of a
 * {@code datetime64(3, 'Asia/Shanghai')} column starts at midnight in Shanghai, and windows of
 * whole weeks start on Mondays. Around a daylight-saving change the offset at the row's time is
 * used.
 *
 * <p>Not thread-safe: it caches the offset of the last zone period it looked up.
 */
public final class TimeAxis {
    private static final long SECONDS_PER_DAY = 86_400;
    /** 1970-01-05, the first Monday after the epoch, in days. */
    private static final long FIRST_MONDAY_DAYS = 4;

    private final BrookType type;
    private final long ticksPerSecond;
    private final ZoneRules rules;
    private final long fixedOffset;
    private long cachedFrom = Long.MAX_VALUE;
    private long cachedTo = Long.MIN_VALUE;
    private long cachedOffset;

    private TimeAxis(BrookType type, long ticksPerSecond, ZoneRules rules) {
        this.type = type;
        this.ticksPerSecond = ticksPerSecond;
        this.rules = rules.isFixedOffset() ? null : rules;
        this.fixedOffset = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH).getTotalSeconds() * ticksPerSecond : 0;
    }

    /** The axis of a time column, or a clear error when {@code type} is not a datetime. */
    public static TimeAxis of(BrookType type, String function) {
        if (type.kind() != TypeKind.DATETIME && type.kind() != TypeKind.DATETIME64) {
            throw new BrookException(ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT, "The time column of " + function
                    + " must be datetime or datetime64, not " + type);
        }
        ZoneRules rules;
        try {
            rules = type.timezone() == null ? ZoneOffset.UTC.getRules() : ZoneId.of(type.timezone()).getRules();
        } catch (DateTimeException e) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS, "Unknown time zone " + type.timezone());
        }
        return new TimeAxis(type, ArrowMapping.ticksPerSecond(type), rules);
    }

    /** A fresh axis like this one, for another operator instance (the offset cache is not shared). */
    public TimeAxis copy() {
        return of(type, "window");
    }

    public BrookType type() {
        return type;
    }

    public long ticksPerSecond() {
        return ticksPerSecond;
    }

    /** Ticks to epoch milliseconds, for messages and tests. */
    public long toMillis(long ticks) {
        return ticksPerSecond >= 1000 ? Math.floorDiv(ticks, ticksPerSecond / 1000) : ticks * (1000 / ticksPerSecond);
    }

    /**
     * An interval argument of a window function ({@code what}: "window size", "hop slide", ...) in
     * ticks of this axis: a positive, fixed-length interval that is a whole number of ticks.
     */
    public long ticks(IntervalLiteral interval, String function, String what) {
        if (!interval.unit().isFixedLength()) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS, "The " + what + " of " + function
                    + " needs a fixed-length unit (ms, s, m, h, d or w), not " + interval.unit().name().toLowerCase());
        }
        if (interval.amount() <= 0) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS, "The " + what + " of " + function + " must be positive");
        }
        long nanosPerTick = 1_000_000_000L / ticksPerSecond;
        long nanos;
        try {
            nanos = interval.toDuration().toNanos();
        } catch (ArithmeticException e) {
            throw new BrookException(ErrorCode.ARGUMENT_OUT_OF_BOUND, "The " + what + " of " + function + " is too long");
        }
        if (nanos % nanosPerTick != 0) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS, "The " + what + " of " + function + " is finer than its time column "
                    + type + " can tell apart");
        }
        return nanos / nanosPerTick;
    }

    /** A length in ticks as an interval: {@code 5s}, {@code 1500ms}, {@code 20us}, {@code 7ns}. */
    public String text(long ticks) {
        if (ticks % ticksPerSecond == 0) {
            return ticks / ticksPerSecond + "s";
        }
        long nanos = ticks * (1_000_000_000L / ticksPerSecond);
        if (nanos % 1_000_000 == 0) {
            return nanos / 1_000_000 + "ms";
        }
        return nanos % 1_000 == 0 ? nanos / 1_000 + "us" : nanos + "ns";
    }

    /** The start of the window of {@code size} ticks that holds {@code ticks}. */
    public long windowStart(long ticks, long size) {
        long offset = offset(ticks);
        long week = 7 * SECONDS_PER_DAY * ticksPerSecond;
        long anchor = size % week == 0 ? FIRST_MONDAY_DAYS * SECONDS_PER_DAY * ticksPerSecond : 0;
        long local = ticks + offset - anchor;
        return Math.floorDiv(local, size) * size + anchor - offset;
    }

    private long offset(long ticks) {
        if (rules == null) {
            return fixedOffset;
        }
        if (ticks < cachedFrom || ticks >= cachedTo) {
            Instant instant = Instant.ofEpochSecond(Math.floorDiv(ticks, ticksPerSecond));
            cachedOffset = rules.getOffset(instant).getTotalSeconds() * ticksPerSecond;
            ZoneOffsetTransition next = rules.nextTransition(instant);
            cachedFrom = ticks;
            cachedTo = next == null ? Long.MAX_VALUE : next.getInstant().getEpochSecond() * ticksPerSecond;
        }
        return cachedOffset;
    }
}
