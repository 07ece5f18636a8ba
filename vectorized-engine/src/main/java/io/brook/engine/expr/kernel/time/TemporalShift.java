package io.brook.engine.expr.kernel.time;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.IntervalLiteral;
import io.brook.engine.expr.Operand;
import io.brook.engine.expr.ScalarKernel;
import io.brook.engine.expr.kernel.Scatter;
import io.brook.engine.expr.memory.Scratch;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code t + INTERVAL n unit} and {@code t - ...}. Fixed units add ticks (converting a date to a
 * datetime when the unit is shorter than a day); months, quarters and years move the local
 * calendar date and keep the time of day, clamping the day of month (Jan 31 + 1 month = Feb 28).
 */
public final class TemporalShift implements ScalarKernel {
    private final TemporalValues input;
    private final TemporalValues output;
    private final Storage outputStorage;
    private final long nanos;
    private final long months;

    public TemporalShift(BrookType inputType, BrookType outputType, IntervalLiteral interval, boolean subtract) {
        this.input = TemporalValues.of(inputType);
        this.output = TemporalValues.of(outputType);
        this.outputStorage = Storage.of(outputType);
        this.nanos = subtract ? -interval.nanos() : interval.nanos();
        this.months = subtract ? -interval.months() : interval.months();
    }

    @Override
    public void compute(Operand[] operands, Chunk rows, FieldVector out, QueryContext context) {
        int count = rows.size();
        long[] values = Scratch.current().longs(0, count);
        operands[0].longs(rows, values);
        if (months != 0) {
            for (int row = 0; row < count; row++) {
                values[row] = shiftMonths(values[row]);
            }
        } else if (output.isDate()) {
            long days = nanos / 86_400_000_000_000L;
            for (int row = 0; row < count; row++) {
                values[row] += days;
            }
        } else {
            long step = nanos / (1_000_000_000L / output.ticksPerSecond());
            long dayTicks = output.ticksPerDay();
            for (int row = 0; row < count; row++) {
                long ticks = input.isDate() ? values[row] * dayTicks
                        : TimeTruncation.convertTicks(values[row], input.ticksPerSecond(), output.ticksPerSecond());
                values[row] = ticks + step;
            }
        }
        Scatter.longs(values, rows.selection(), count, out, outputStorage);
    }

    private long shiftMonths(long value) {
        if (input.isDate()) {
            return CivilCalendar.plusMonths(value, months);
        }
        long offset = input.offsetTicks(value);
        long local = value + offset;
        long dayTicks = input.ticksPerDay();
        long days = Math.floorDiv(local, dayTicks);
        long timeOfDay = local - days * dayTicks;
        long shifted = CivilCalendar.plusMonths(days, months) * dayTicks + timeOfDay;
        long result = shifted - input.offsetTicks(shifted - offset);
        return TimeTruncation.convertTicks(result, input.ticksPerSecond(), output.ticksPerSecond());
    }
}
