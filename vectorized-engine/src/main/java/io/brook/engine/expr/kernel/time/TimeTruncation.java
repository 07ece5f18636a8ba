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
 * {@code to_start_of_minute}, {@code _hour}, {@code _day}, {@code to_start_of_interval(t, n unit)}
 * and friends: rounds each value down to a multiple of the interval in the value's local time.
 * Fixed units divide ticks; weeks start on Monday; months, quarters and years go through the
 * calendar. The result is either the input's type or a date (for week and longer units).
 */
public final class TimeTruncation implements ScalarKernel {
    private final TemporalValues input;
    private final TemporalValues output;
    private final Storage outputStorage;
    private final IntervalUnit unit;
    private final long amount;

    public TimeTruncation(BrookType inputType, BrookType outputType, IntervalUnit unit, long amount) {
        this.input = TemporalValues.of(inputType);
        this.output = TemporalValues.of(outputType);
        this.outputStorage = Storage.of(outputType);
        this.unit = unit;
        this.amount = amount;
    }

    @Override
    public void compute(Operand[] operands, Chunk rows, FieldVector out, QueryContext context) {
        int count = rows.size();
        long[] values = Scratch.current().longs(0, count);
        operands[0].longs(rows, values);
        if (unit.isCalendar() || unit == IntervalUnit.WEEK) {
            for (int row = 0; row < count; row++) {
                values[row] = calendar(values[row]);
            }
        } else {
            long unitTicks = Math.max(1, Math.multiplyExact(amount, unit.nanos()) / (1_000_000_000L / input.ticksPerSecond()));
            if (input.isDate()) {
                long ticksPerDay = input.ticksPerDay();
                for (int row = 0; row < count; row++) {
                    values[row] = toOutput(Math.floorDiv(values[row] * ticksPerDay, unitTicks) * unitTicks, 0);
                }
            } else if (input.zone().isFixed()) {
                long offset = input.offsetTicks(0);
                for (int row = 0; row < count; row++) {
                    values[row] = toOutput(Math.floorDiv(values[row] + offset, unitTicks) * unitTicks - offset, offset);
                }
            } else {
                for (int row = 0; row < count; row++) {
                    long offset = input.offsetTicks(values[row]);
                    values[row] = toOutput(Math.floorDiv(values[row] + offset, unitTicks) * unitTicks - offset, offset);
                }
            }
        }
        Scatter.longs(values, rows.selection(), count, out, outputStorage);
    }

    /** Ticks of the input's unit to the output's representation. */
    private long toOutput(long ticks, long offset) {
        if (output.isDate()) {
            return Math.floorDiv(ticks + offset, input.ticksPerDay());
        }
        return convertTicks(ticks, input.ticksPerSecond(), output.ticksPerSecond());
    }

    private long calendar(long value) {
        long days = input.localDays(value);
        long start;
        if (unit == IntervalUnit.WEEK) {
            long weeks = 7 * amount;
            // 1970-01-05 (day 4) was a Monday
            start = Math.floorDiv(days - 4, weeks) * weeks + 4;
        } else {
            long months = amount * unit.months();
            start = CivilCalendar.firstDayOfMonth(Math.floorDiv(CivilCalendar.monthIndex(days), months) * months);
        }
        if (output.isDate()) {
            return start;
        }
        long localTicks = start * output.ticksPerDay();
        return localTicks - output.zone().offsetAt(start * TemporalValues.SECONDS_PER_DAY) * output.ticksPerSecond();
    }

    public static long convertTicks(long ticks, long fromPerSecond, long toPerSecond) {
        if (fromPerSecond == toPerSecond) {
            return ticks;
        }
        return toPerSecond > fromPerSecond
                ? ticks * (toPerSecond / fromPerSecond)
                : Math.floorDiv(ticks, fromPerSecond / toPerSecond);
    }
}
