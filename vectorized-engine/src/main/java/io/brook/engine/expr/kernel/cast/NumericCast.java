package io.brook.engine.expr.kernel.cast;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.Operand;
import io.brook.engine.expr.kernel.Gather;
import io.brook.engine.expr.kernel.NumberLimits;
import io.brook.engine.expr.kernel.Scatter;
import io.brook.engine.expr.kernel.text.NumberText;
import io.brook.engine.expr.memory.Scratch;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.ArrowMapping;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;
import org.apache.arrow.vector.FieldVector;

/**
 * Between numbers, bool and the numeric view of dates (days) and datetimes (seconds).
 * Integer to narrower integer keeps the low bits (ClickHouse wraps: 300 as uint8 is 44); a float
 * that does not fit the target integer (or is nan/inf) is out of range; to bool is "not zero".
 */
final class NumericCast extends CastKernel {
    private final boolean readsDoubles;
    private final long ticksPerSecond;
    private final Storage target;

    NumericCast(BrookType from, BrookType to, OnError onError, boolean strictNulls) {
        super(from, to, onError, strictNulls);
        this.readsDoubles = from.kind().isFloating() || from.kind() == TypeKind.DECIMAL
                || to.kind().isFloating() && from.kind() == TypeKind.DATETIME64;
        this.ticksPerSecond = from.kind() == TypeKind.DATETIME || from.kind() == TypeKind.DATETIME64
                ? ArrowMapping.ticksPerSecond(from) : 1;
        this.target = Storage.of(to);
    }

    @Override
    protected void convert(Operand source, Chunk rows, FieldVector output, QueryContext context) {
        int count = rows.size();
        Scratch scratch = Scratch.current();
        if (readsDoubles) {
            double[] values = scratch.doubles(0, count);
            source.doubles(rows, values);
            if (ticksPerSecond != 1) {
                for (int row = 0; row < count; row++) {
                    values[row] /= ticksPerSecond;
                }
            }
            fromDoubles(values, source, rows, output);
            return;
        }
        long[] values = scratch.longs(0, count);
        source.longs(rows, values);
        if (ticksPerSecond != 1) {
            for (int row = 0; row < count; row++) {
                values[row] = Math.floorDiv(values[row], ticksPerSecond);
            }
        }
        if (target.isFloating()) {
            double[] doubles = scratch.doubles(0, count);
            boolean unsigned64 = from.kind() == TypeKind.UINT64;
            for (int row = 0; row < count; row++) {
                doubles[row] = unsigned64 ? Gather.unsignedToDouble(values[row]) : values[row];
            }
            Scatter.doubles(doubles, rows.selection(), count, output, target);
        } else {
            if (target == Storage.BIT) {
                for (int row = 0; row < count; row++) {
                    values[row] = values[row] != 0 ? 1 : 0;
                }
            }
            Scatter.longs(values, rows.selection(), count, output, target);
        }
    }

    private void fromDoubles(double[] values, Operand source, Chunk rows, FieldVector output) {
        int count = rows.size();
        if (target.isFloating()) {
            Scatter.doubles(values, rows.selection(), count, output, target);
            return;
        }
        long[] integers = Scratch.current().longs(0, count);
        if (target == Storage.BIT) {
            for (int row = 0; row < count; row++) {
                integers[row] = values[row] != 0 ? 1 : 0;
            }
            Scatter.longs(integers, rows.selection(), count, output, target);
            return;
        }
        double minimum = NumberLimits.minimum(to.kind());
        double maximumExclusive = NumberLimits.maximumExclusive(to.kind());
        for (int row = 0; row < count; row++) {
            double value = values[row];
            if (value >= minimum && value < maximumExclusive) {
                integers[row] = NumberLimits.truncate(value, to.kind());
            } else {
                integers[row] = 0;
                int position = rows.position(row);
                if (source.isValid(position)) {
                    reject(output, position, outOfRange(NumberText.formatDouble(value)));
                }
            }
        }
        Scatter.longs(integers, rows.selection(), count, output, target);
    }
}
