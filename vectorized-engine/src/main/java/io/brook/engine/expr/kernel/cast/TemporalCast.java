package io.brook.engine.expr.kernel.cast;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.Operand;
import io.brook.engine.expr.kernel.Scatter;
import io.brook.engine.expr.kernel.time.TemporalValues;
import io.brook.engine.expr.kernel.time.TimeTruncation;
import io.brook.engine.expr.memory.Scratch;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;
import org.apache.arrow.vector.FieldVector;

/**
 * Into a date or datetime type: from another temporal type (a date becomes its midnight in the
 * target's zone; a datetime becomes its local date; datetime precisions rescale, truncating),
 * or from a number (days for a date, seconds since the epoch for datetimes).
 */
final class TemporalCast extends CastKernel {
    private final TemporalValues target;

    TemporalCast(BrookType from, BrookType to, OnError onError, boolean strictNulls) {
        super(from, to, onError, strictNulls);
        this.target = TemporalValues.of(to);
    }

    @Override
    protected void convert(Operand source, Chunk rows, FieldVector output, QueryContext context) {
        int count = rows.size();
        long[] values = Scratch.current().longs(0, count);
        if (from.kind().isTemporal()) {
            source.longs(rows, values);
            TemporalValues origin = TemporalValues.of(from);
            for (int row = 0; row < count; row++) {
                values[row] = fromTemporal(values[row], origin);
            }
        } else if (from.kind().isFloating() || from.kind() == io.brook.engine.types.TypeKind.DECIMAL) {
            double[] seconds = Scratch.current().doubles(0, count);
            source.doubles(rows, seconds);
            for (int row = 0; row < count; row++) {
                values[row] = target.isDate() ? (long) Math.floor(seconds[row]) : (long) (seconds[row] * target.ticksPerSecond());
            }
        } else {
            source.longs(rows, values);
            if (!target.isDate()) {
                for (int row = 0; row < count; row++) {
                    values[row] *= target.ticksPerSecond();
                }
            }
        }
        Scatter.longs(values, rows.selection(), count, output, Storage.of(to));
    }

    private long fromTemporal(long value, TemporalValues origin) {
        if (origin.isDate()) {
            if (target.isDate()) {
                return value;
            }
            long utcSeconds = target.zone().toUtc(value * TemporalValues.SECONDS_PER_DAY);
            return utcSeconds * target.ticksPerSecond();
        }
        if (target.isDate()) {
            return origin.localDays(value);
        }
        return TimeTruncation.convertTicks(value, origin.ticksPerSecond(), target.ticksPerSecond());
    }
}
