package io.brook.engine.expr.kernel;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.Operand;
import io.brook.engine.expr.ScalarKernel;
import io.brook.engine.expr.memory.Scratch;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.query.QueryContext;
import org.apache.arrow.vector.FieldVector;

/**
 * One-argument math on integers (as long) or floats (as double). Rounding of floats is to even on
 * ties ({@code round(2.5) = 2}), as ClickHouse rounds floats; integers with negative digits round
 * half away from zero. Integer negation and abs wrap at the type's minimum.
 */
public final class UnaryMath implements ScalarKernel {

    public enum Kind { NEGATE, ABS, ROUND, FLOOR, CEIL, TRUNCATE, SQRT, CBRT, EXP, LN, LOG2, LOG10, SIN, COS, TAN, SIGN }

    private final Kind kind;
    private final boolean floating;
    private final Storage output;
    private final int digits;

    /**
     * @param floating compute on doubles (else longs)
     * @param digits   decimal digits for round/floor/ceil/truncate; negative rounds to tens, hundreds...
     */
    public UnaryMath(Kind kind, boolean floating, Storage output, int digits) {
        this.kind = kind;
        this.floating = floating;
        this.output = output;
        this.digits = digits;
    }

    @Override
    public void compute(Operand[] operands, Chunk rows, FieldVector out, QueryContext context) {
        int count = rows.size();
        if (floating) {
            double[] values = Scratch.current().doubles(0, count);
            operands[0].doubles(rows, values);
            computeDoubles(values, count);
            Scatter.doubles(values, rows.selection(), count, out, output);
        } else {
            long[] values = Scratch.current().longs(0, count);
            operands[0].longs(rows, values);
            computeLongs(values, count);
            Scatter.longs(values, rows.selection(), count, out, output);
        }
    }

    private void computeDoubles(double[] values, int count) {
        double scale = Math.pow(10, digits);
        for (int row = 0; row < count; row++) {
            double value = values[row];
            values[row] = switch (kind) {
                case NEGATE -> -value;
                case ABS -> Math.abs(value);
                case ROUND -> digits == 0 ? Math.rint(value) : Math.rint(value * scale) / scale;
                case FLOOR -> digits == 0 ? Math.floor(value) : Math.floor(value * scale) / scale;
                case CEIL -> digits == 0 ? Math.ceil(value) : Math.ceil(value * scale) / scale;
                case TRUNCATE -> digits == 0 ? (double) (long) value : (long) (value * scale) / scale;
                case SQRT -> Math.sqrt(value);
                case CBRT -> Math.cbrt(value);
                case EXP -> Math.exp(value);
                case LN -> Math.log(value);
                case LOG2 -> Math.log(value) / Math.log(2);
                case LOG10 -> Math.log10(value);
                case SIN -> Math.sin(value);
                case COS -> Math.cos(value);
                case TAN -> Math.tan(value);
                case SIGN -> Math.signum(value);
            };
        }
    }

    private void computeLongs(long[] values, int count) {
        long unit = digits >= 0 ? 1 : Decimals.powerOfTen(Math.min(18, -digits));
        for (int row = 0; row < count; row++) {
            long value = values[row];
            values[row] = switch (kind) {
                case NEGATE -> -value;
                case ABS -> Math.abs(value);
                case ROUND -> unit == 1 ? value : roundHalfAway(value, unit);
                case FLOOR -> unit == 1 ? value : Math.floorDiv(value, unit) * unit;
                case CEIL -> unit == 1 ? value : -Math.floorDiv(-value, unit) * unit;
                case TRUNCATE -> unit == 1 ? value : value / unit * unit;
                case SIGN -> Long.signum(value);
                default -> throw new IllegalStateException(kind + " is computed on doubles");
            };
        }
    }

    private static long roundHalfAway(long value, long unit) {
        long half = unit / 2;
        return value >= 0 ? (value + half) / unit * unit : -((-value + half) / unit * unit);
    }
}
