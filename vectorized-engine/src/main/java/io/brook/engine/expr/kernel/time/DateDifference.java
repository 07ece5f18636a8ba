package io.brook.engine.expr.kernel.time;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.IntervalUnit;
import io.brook.engine.expr.Operand;
import io.brook.engine.expr.ScalarKernel;
import io.brook.engine.expr.kernel.Scatter;
import io.brook.engine.expr.memory.Scratch;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code date_diff('unit', start, end)}: how many unit boundaries lie between two values in local
 * time, as ClickHouse counts them ({@code date_diff('hour', '10:59', '11:00')} is 1). Both operands
 * have the same type.
 */
public final class DateDifference implements ScalarKernel {
    private final TemporalValues values;
    private final IntervalUnit unit;

    public DateDifference(BrookType type, IntervalUnit unit) {
        this.values = TemporalValues.of(type);
        this.unit = unit;
    }

    @Override
    public void compute(Operand[] operands, Chunk rows, FieldVector output, QueryContext context) {
        int count = rows.size();
        long[] start = Scratch.current().longs(0, count);
        long[] end = Scratch.current().longs(1, count);
        operands[0].longs(rows, start);
        operands[1].longs(rows, end);
        for (int row = 0; row < count; row++) {
            start[row] = boundaries(end[row]) - boundaries(start[row]);
        }
        Scatter.longs(start, rows.selection(), count, output, Storage.INT64);
    }

    /** The number of the unit-long period a value falls in, counted from the epoch. */
    private long boundaries(long value) {
        long days = values.localDays(value);
        return switch (unit) {
            case YEAR -> CivilCalendar.year(days);
            case QUARTER -> Math.floorDiv(CivilCalendar.monthIndex(days), 3);
            case MONTH -> CivilCalendar.monthIndex(days);
            case WEEK -> Math.floorDiv(days - 4, 7);
            case DAY -> days;
            default -> {
                long nanosPerTick = 1_000_000_000L / values.ticksPerSecond();
                long unitTicks = Math.max(1, unit.nanos() / nanosPerTick);
                long ticks = values.isDate() ? days * values.ticksPerDay() : values.localTicks(value);
                yield Math.floorDiv(ticks, unitTicks);
            }
        };
    }
}
