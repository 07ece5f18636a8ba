package io.brook.engine.expr.kernel;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.Operand;
import io.brook.engine.expr.ScalarKernel;
import io.brook.engine.expr.memory.Scratch;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.query.QueryContext;
import org.apache.arrow.vector.FieldVector;

/**
 * Integer arithmetic (also date/datetime plus a number of days or ticks). Operands are widened to
 * long, combined in one loop per operation, and narrowed to the result's width.
 *
 * <p>Overflow wraps, as in ClickHouse: int64 + int64 keeps the low 64 bits. Narrower inputs get
 * a wider result type from the registry (int32 + int32 is int64), so they cannot overflow.
 * Integer division or modulo by zero fails with ILLEGAL_DIVISION.
 */
public final class LongArithmetic implements ScalarKernel {

    public enum Operation { PLUS, MINUS, MULTIPLY, MODULO, INT_DIVIDE }

    private final Operation operation;
    private final Storage result;
    private final boolean unsigned64;
    private final long leftFactor;
    private final long rightFactor;

    /**
     * @param unsigned64 divide and take remainders as unsigned 64-bit numbers
     * @param leftFactor multiplies the left operand first (e.g. days to seconds); 1 for none
     */
    public LongArithmetic(Operation operation, Storage result, boolean unsigned64, long leftFactor, long rightFactor) {
        this.operation = operation;
        this.result = result;
        this.unsigned64 = unsigned64;
        this.leftFactor = leftFactor;
        this.rightFactor = rightFactor;
    }

    public LongArithmetic(Operation operation, Storage result, boolean unsigned64) {
        this(operation, result, unsigned64, 1, 1);
    }

    @Override
    public void compute(Operand[] operands, Chunk rows, FieldVector output, QueryContext context) {
        int count = rows.size();
        Scratch scratch = Scratch.current();
        long[] left = scratch.longs(0, count);
        long[] right = scratch.longs(1, count);
        operands[0].longs(rows, left);
        operands[1].longs(rows, right);
        scale(left, count, leftFactor);
        scale(right, count, rightFactor);
        switch (operation) {
            case PLUS -> {
                for (int row = 0; row < count; row++) {
                    left[row] += right[row];
                }
            }
            case MINUS -> {
                for (int row = 0; row < count; row++) {
                    left[row] -= right[row];
                }
            }
            case MULTIPLY -> {
                for (int row = 0; row < count; row++) {
                    left[row] *= right[row];
                }
            }
            case MODULO -> {
                guardZeroDivisors(operands, rows, right, count);
                remainder(left, right, count);
            }
            case INT_DIVIDE -> {
                guardZeroDivisors(operands, rows, right, count);
                divide(left, right, count);
            }
        }
        Scatter.longs(left, rows.selection(), count, output, result);
    }

    private void remainder(long[] left, long[] right, int count) {
        if (unsigned64) {
            for (int row = 0; row < count; row++) {
                left[row] = Long.remainderUnsigned(left[row], right[row]);
            }
        } else {
            for (int row = 0; row < count; row++) {
                left[row] %= right[row];
            }
        }
    }

    private void divide(long[] left, long[] right, int count) {
        if (unsigned64) {
            for (int row = 0; row < count; row++) {
                left[row] = Long.divideUnsigned(left[row], right[row]);
            }
        } else {
            for (int row = 0; row < count; row++) {
                left[row] /= right[row];
            }
        }
    }

    private static void scale(long[] values, int count, long factor) {
        if (factor != 1) {
            for (int row = 0; row < count; row++) {
                values[row] *= factor;
            }
        }
    }

    /**
     * Fails on a zero divisor in a live, non-null row; a zero under a null (whose value is
     * undefined) becomes 1 so the loop cannot trap.
     */
    static void guardZeroDivisors(Operand[] operands, Chunk rows, long[] divisors, int count) {
        for (int row = 0; row < count; row++) {
            if (divisors[row] == 0) {
                int position = rows.position(row);
                if (operands[0].isValid(position) && operands[1].isValid(position)) {
                    throw new BrookException(ErrorCode.ILLEGAL_DIVISION, "Division by zero");
                }
                divisors[row] = 1;
            }
        }
    }
}
