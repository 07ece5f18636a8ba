package io.brook.engine.expr.kernel;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.Operand;
import io.brook.engine.expr.ScalarKernel;
import io.brook.engine.expr.memory.Scratch;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeKind;
import org.apache.arrow.vector.FieldVector;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Decimal arithmetic between decimals and integers, on unscaled values. The common case, values
 * that fit a long, runs in long loops with overflow checks; a chunk that overflows or holds wider
 * values is redone with BigDecimal. Scales: plus/minus use the larger scale, multiply the sum of
 * scales, divide the left operand's scale (as ClickHouse does), truncating toward zero.
 */
public final class DecimalArithmetic implements ScalarKernel {

    public enum Operation { PLUS, MINUS, MULTIPLY, DIVIDE }

    private final Operation operation;
    private final int leftScale;
    private final int rightScale;
    private final BrookType resultType;

    public DecimalArithmetic(Operation operation, BrookType left, BrookType right, BrookType result) {
        this.operation = operation;
        this.leftScale = scaleOf(left);
        this.rightScale = scaleOf(right);
        this.resultType = result;
    }

    private static int scaleOf(BrookType type) {
        return type.kind() == TypeKind.DECIMAL ? type.scale() : 0;
    }

    @Override
    public void compute(Operand[] operands, Chunk rows, FieldVector output, QueryContext context) {
        if (fitsLong(operands[0], rows) && fitsLong(operands[1], rows)) {
            try {
                computeLongs(operands, rows, output);
                return;
            } catch (ArithmeticException overflow) {
                // fall through to the exact path
            }
        }
        computeExact(operands, rows, output);
    }

    private static boolean fitsLong(Operand operand, Chunk rows) {
        if (operand.isConstant()) {
            return operand.storage() != Storage.DECIMAL128 && operand.storage() != Storage.DECIMAL256
                    || ((BigDecimal) operand.constant().value()).unscaledValue().bitLength() < 64;
        }
        return switch (operand.storage()) {
            case DECIMAL256, UINT64 -> false;
            case DECIMAL128 -> Gather.decimalsFitLong(operand.vector(), rows.selection(), rows.size());
            default -> true;
        };
    }

    private void computeLongs(Operand[] operands, Chunk rows, FieldVector output) {
        int count = rows.size();
        Scratch scratch = Scratch.current();
        long[] left = scratch.longs(0, count);
        long[] right = scratch.longs(1, count);
        operands[0].longs(rows, left);
        operands[1].longs(rows, right);
        int scale = resultType.scale();
        switch (operation) {
            case PLUS, MINUS -> {
                rescale(left, count, scale - leftScale);
                rescale(right, count, scale - rightScale);
                for (int row = 0; row < count; row++) {
                    left[row] = operation == Operation.PLUS
                            ? Math.addExact(left[row], right[row]) : Math.subtractExact(left[row], right[row]);
                }
            }
            case MULTIPLY -> {
                for (int row = 0; row < count; row++) {
                    left[row] = Math.multiplyExact(left[row], right[row]);
                }
            }
            case DIVIDE -> {
                LongArithmetic.guardZeroDivisors(operands, rows, right, count);
                rescale(left, count, scale - leftScale + rightScale);
                for (int row = 0; row < count; row++) {
                    left[row] /= right[row];
                }
            }
        }
        Scatter.longs(left, rows.selection(), count, output, Storage.DECIMAL128);
    }

    private static void rescale(long[] values, int count, int digits) {
        if (digits == 0) {
            return;
        }
        if (digits > 18) {
            throw new ArithmeticException("rescale");
        }
        long factor = Decimals.powerOfTen(digits);
        for (int row = 0; row < count; row++) {
            values[row] = Math.multiplyExact(values[row], factor);
        }
    }

    private void computeExact(Operand[] operands, Chunk rows, FieldVector output) {
        int count = rows.size();
        for (int row = 0; row < count; row++) {
            int position = rows.position(row);
            if (!operands[0].isValid(position) || !operands[1].isValid(position)) {
                continue;
            }
            BigDecimal left = value(operands[0], position);
            BigDecimal right = value(operands[1], position);
            BigDecimal result = switch (operation) {
                case PLUS -> left.add(right);
                case MINUS -> left.subtract(right);
                case MULTIPLY -> left.multiply(right);
                case DIVIDE -> {
                    if (right.signum() == 0) {
                        throw new BrookException(ErrorCode.ILLEGAL_DIVISION, "Division by zero");
                    }
                    yield left.divide(right, resultType.scale(), RoundingMode.DOWN);
                }
            };
            result = result.setScale(resultType.scale(), RoundingMode.DOWN);
            if (result.precision() > resultType.precision()) {
                throw new BrookException(ErrorCode.ARGUMENT_OUT_OF_BOUND,
                        "Decimal math overflow: " + result + " does not fit " + resultType);
            }
            Decimals.put(output, position, result);
        }
    }

    private static BigDecimal value(Operand operand, int position) {
        if (operand.isConstant()) {
            Object value = operand.constant().value();
            return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
        }
        return switch (operand.storage()) {
            case DECIMAL128, DECIMAL256 -> Decimals.get(operand.vector(), position, operand.type());
            case UINT64 -> new BigDecimal(Long.toUnsignedString(
                    operand.vector().getDataBuffer().getLong((long) position << 3)));
            default -> {
                long[] one = new long[1];
                Gather.longs(operand.vector(), operand.storage(), new int[] {position}, 1, one);
                yield BigDecimal.valueOf(one[0]);
            }
        };
    }
}
