package io.brook.engine.expr.kernel.time;

import io.brook.engine.types.BrookType;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * UTC offsets of a datetime type's time zone (UTC when the type names none). Fixed-offset zones,
 * the usual case, answer with a constant; zones with daylight saving ask their rules per value.
 */
public final class ZoneOffsets {
    private static final ZoneOffsets UTC = new ZoneOffsets(ZoneOffset.UTC);

    private final ZoneRules rules;
    private final boolean fixed;
    private final long fixedSeconds;

    private ZoneOffsets(ZoneId zone) {
        this.rules = zone.getRules();
        this.fixed = rules.isFixedOffset();
        this.fixedSeconds = fixed ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
    }

    public static ZoneOffsets of(BrookType type) {
        return type.timezone() == null ? UTC : new ZoneOffsets(ZoneId.of(type.timezone()));
    }

    public static ZoneOffsets utc() {
        return UTC;
    }

    public boolean isFixed() {
        return fixed;
    }

    /** Seconds to add to a UTC epoch second to get local wall-clock seconds. */
    public long offsetAt(long epochSecond) {
        return fixed ? fixedSeconds : rules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
    }

    /** The UTC epoch second of a local wall-clock second (earlier offset in an overlap). */
    public long toUtc(long localSecond) {
        if (fixed) {
            return localSecond - fixedSeconds;
        }
        LocalDateTime local = LocalDateTime.ofEpochSecond(localSecond, 0, ZoneOffset.UTC);
        return localSecond - rules.getValidOffsets(local).stream().findFirst()
                .orElse(rules.getOffset(local)).getTotalSeconds();
    }
}
