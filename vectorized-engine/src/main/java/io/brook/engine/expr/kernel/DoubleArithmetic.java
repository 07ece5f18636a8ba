package io.brook.engine.expr.kernel;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.Operand;
import io.brook.engine.expr.ScalarKernel;
import io.brook.engine.expr.memory.Scratch;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.query.QueryContext;
import org.apache.arrow.vector.FieldVector;

/**
 * Floating-point arithmetic; any numeric operand is converted to double on the way in. IEEE
 * rules apply (x / 0.0 is inf or nan), except that dividing two integer operands by an integer
 * zero fails with ILLEGAL_DIVISION when {@code integerDivisor} is set.
 */
public final class DoubleArithmetic implements ScalarKernel {

    public enum Operation { PLUS, MINUS, MULTIPLY, DIVIDE, MODULO }

    private final Operation operation;
    private final Storage result;
    private final boolean integerDivisor;

    public DoubleArithmetic(Operation operation, Storage result, boolean integerDivisor) {
        this.operation = operation;
        this.result = result;
        this.integerDivisor = integerDivisor;
    }

    @Override
    public void compute(Operand[] operands, Chunk rows, FieldVector output, QueryContext context) {
        int count = rows.size();
        Scratch scratch = Scratch.current();
        double[] left = scratch.doubles(0, count);
        double[] right = scratch.doubles(1, count);
        operands[0].doubles(rows, left);
        operands[1].doubles(rows, right);
        if (integerDivisor && (operation == Operation.DIVIDE || operation == Operation.MODULO)) {
            guardZeroDivisors(operands, rows, right, count);
        }
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
            case DIVIDE -> {
                for (int row = 0; row < count; row++) {
                    left[row] /= right[row];
                }
            }
            case MODULO -> {
                for (int row = 0; row < count; row++) {
                    left[row] %= right[row];
                }
            }
        }
        Scatter.doubles(left, rows.selection(), count, output, result);
    }

    private static void guardZeroDivisors(Operand[] operands, Chunk rows, double[] divisors, int count) {
        for (int row = 0; row < count; row++) {
            if (divisors[row] == 0) {
                int position = rows.position(row);
                if (operands[0].isValid(position) && operands[1].isValid(position)) {
                    throw new io.brook.engine.error.BrookException(io.brook.engine.error.ErrorCode.ILLEGAL_DIVISION,
                            "Division by zero");
                }
            }
        }
    }
}
