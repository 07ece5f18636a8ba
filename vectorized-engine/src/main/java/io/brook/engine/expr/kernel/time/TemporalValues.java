package io.brook.engine.expr.kernel.time;

import io.brook.engine.types.ArrowMapping;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;

/**
 * How a temporal type's long value reads: dates count days, datetime and datetime64 count ticks
 * of {@link #ticksPerSecond}. Kernels convert to local wall-clock ticks with the type's zone.
 */
public record TemporalValues(boolean isDate, long ticksPerSecond, ZoneOffsets zone) {
    public static final long SECONDS_PER_DAY = 86_400;

    public static TemporalValues of(BrookType type) {
        if (type.kind() == TypeKind.DATE || type.kind() == TypeKind.DATE32) {
            return new TemporalValues(true, 1, ZoneOffsets.utc());
        }
        return new TemporalValues(false, ArrowMapping.ticksPerSecond(type), ZoneOffsets.of(type));
    }

    public long ticksPerDay() {
        return SECONDS_PER_DAY * ticksPerSecond;
    }

    /** Offset of the value's zone in ticks; dates have none (they are local already). */
    public long offsetTicks(long value) {
        if (isDate) {
            return 0;
        }
        return zone.offsetAt(Math.floorDiv(value, ticksPerSecond)) * ticksPerSecond;
    }

    /** Local wall-clock ticks of a value (a date counts from its midnight). */
    public long localTicks(long value) {
        return isDate ? value * ticksPerDay() : value + offsetTicks(value);
    }

    /** The local day number of a value. */
    public long localDays(long value) {
        return isDate ? value : Math.floorDiv(localTicks(value), ticksPerDay());
    }
}
