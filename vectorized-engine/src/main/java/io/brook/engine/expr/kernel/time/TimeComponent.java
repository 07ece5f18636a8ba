package io.brook.engine.expr.kernel.time;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.Operand;
import io.brook.engine.expr.ScalarKernel;
import io.brook.engine.expr.kernel.Scatter;
import io.brook.engine.expr.memory.Scratch;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;
import org.apache.arrow.vector.FieldVector;

/** {@code to_year}, {@code to_month}, ... {@code to_second}: one calendar or clock field in local time. */
public final class TimeComponent implements ScalarKernel {

    public enum Field { YEAR, QUARTER, MONTH, DAY_OF_MONTH, DAY_OF_WEEK, DAY_OF_YEAR, HOUR, MINUTE, SECOND }

    private final TemporalValues input;
    private final Field field;
    private final Storage outputStorage;

    public TimeComponent(BrookType inputType, Field field, BrookType outputType) {
        this.input = TemporalValues.of(inputType);
        this.field = field;
        this.outputStorage = Storage.of(outputType);
    }

    @Override
    public void compute(Operand[] operands, Chunk rows, FieldVector output, QueryContext context) {
        int count = rows.size();
        long[] values = Scratch.current().longs(0, count);
        operands[0].longs(rows, values);
        for (int row = 0; row < count; row++) {
            values[row] = component(values[row]);
        }
        Scatter.longs(values, rows.selection(), count, output, outputStorage);
    }

    private long component(long value) {
        long local = input.localTicks(value);
        long secondOfDay = Math.floorMod(Math.floorDiv(local, input.ticksPerSecond()), TemporalValues.SECONDS_PER_DAY);
        long days = Math.floorDiv(local, input.ticksPerDay());
        return switch (field) {
            case YEAR -> CivilCalendar.year(days);
            case QUARTER -> (CivilCalendar.month(days) + 2) / 3;
            case MONTH -> CivilCalendar.month(days);
            case DAY_OF_MONTH -> CivilCalendar.dayOfMonth(days);
            case DAY_OF_WEEK -> CivilCalendar.dayOfWeek(days);
            case DAY_OF_YEAR -> days - CivilCalendar.toDays(CivilCalendar.year(days), 1, 1) + 1;
            case HOUR -> secondOfDay / 3600;
            case MINUTE -> secondOfDay / 60 % 60;
            case SECOND -> secondOfDay % 60;
        };
    }
}
