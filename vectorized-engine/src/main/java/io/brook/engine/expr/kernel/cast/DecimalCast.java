package io.brook.engine.expr.kernel.cast;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.Operand;
import io.brook.engine.expr.kernel.Decimals;
import io.brook.engine.expr.kernel.Gather;
import io.brook.engine.expr.kernel.Scatter;
import io.brook.engine.expr.memory.Scratch;
import io.brook.engine.expr.vector.JavaValues;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;
import org.apache.arrow.vector.FieldVector;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Conversions into decimals (from integers, floats, other decimals) and from decimals into
 * integers. Extra fractional digits are truncated toward zero, as ClickHouse does; a value with
 * too many integer digits is out of range. Per-row BigDecimal: decimals are not a hot path.
 */
final class DecimalCast extends CastKernel {

    DecimalCast(BrookType from, BrookType to, OnError onError, boolean strictNulls) {
        super(from, to, onError, strictNulls);
    }

    @Override
    protected void convert(Operand source, Chunk rows, FieldVector output, QueryContext context) {
        if (to.kind() == TypeKind.DECIMAL) {
            toDecimal(source, rows, output);
        } else {
            toInteger(source, rows, output);
        }
    }

    private void toDecimal(Operand source, Chunk rows, FieldVector output) {
        for (int row = 0; row < rows.size(); row++) {
            int position = rows.position(row);
            if (!source.isValid(position)) {
                continue;
            }
            BigDecimal value = read(source, position);
            BigDecimal scaled = value == null ? null : value.setScale(to.scale(), RoundingMode.DOWN);
            if (scaled == null || scaled.precision() - scaled.scale() > to.precision() - to.scale()) {
                reject(output, position, outOfRange(value == null ? describe(source, position) : value.toPlainString()));
                scaled = BigDecimal.ZERO.setScale(to.scale());
            }
            Decimals.put(output, position, scaled);
        }
    }

    private void toInteger(Operand source, Chunk rows, FieldVector output) {
        int count = rows.size();
        long[] values = Scratch.current().longs(0, count);
        BigInteger minimum = BigInteger.valueOf(JavaValues.minimum(to.kind()));
        BigInteger maximum = to.kind() == TypeKind.UINT64 ? BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)
                : BigInteger.valueOf(JavaValues.maximum(to.kind()));
        for (int row = 0; row < count; row++) {
            int position = rows.position(row);
            values[row] = 0;
            if (!source.isValid(position)) {
                continue;
            }
            BigInteger integer = read(source, position).toBigInteger();
            if (integer.compareTo(minimum) < 0 || integer.compareTo(maximum) > 0) {
                reject(output, position, outOfRange(integer));
            } else {
                values[row] = integer.longValue();
            }
        }
        Scatter.longs(values, rows.selection(), count, output, Storage.of(to));
    }

    /** The source value as a BigDecimal, or null for nan and infinity. */
    private BigDecimal read(Operand source, int position) {
        if (source.isConstant()) {
            Object value = source.constant().value();
            if (value instanceof Double || value instanceof Float) {
                double number = ((Number) value).doubleValue();
                return Double.isFinite(number) ? BigDecimal.valueOf(number) : null;
            }
            return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
        }
        return switch (source.storage()) {
            case DECIMAL128, DECIMAL256 -> Decimals.get(source.vector(), position, from);
            case FLOAT32, FLOAT64 -> {
                double[] one = new double[1];
                Gather.doubles(source.vector(), from, new int[] {position}, 1, one);
                yield Double.isFinite(one[0]) ? new BigDecimal(Double.toString(one[0])) : null;
            }
            case UINT64 -> new BigDecimal(Long.toUnsignedString(source.vector().getDataBuffer().getLong((long) position << 3)));
            default -> {
                long[] one = new long[1];
                Gather.longs(source.vector(), source.storage(), new int[] {position}, 1, one);
                yield BigDecimal.valueOf(one[0]);
            }
        };
    }

    private String describe(Operand source, int position) {
        double[] one = new double[1];
        if (source.isConstant()) {
            return String.valueOf(source.constant().value());
        }
        Gather.doubles(source.vector(), from, new int[] {position}, 1, one);
        return io.brook.engine.expr.kernel.text.NumberText.formatDouble(one[0]);
    }
}
