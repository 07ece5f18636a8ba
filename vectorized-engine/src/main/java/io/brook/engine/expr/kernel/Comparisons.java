package io.brook.engine.expr.kernel;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.ComparisonOperator;
import io.brook.engine.expr.Operand;
import io.brook.engine.expr.ScalarKernel;
import io.brook.engine.expr.memory.Scratch;
import io.brook.engine.query.QueryContext;
import org.apache.arrow.vector.FieldVector;

import java.math.BigDecimal;

/** Evaluates a comparison into a bool vector: gather both sides, one loop per operator, scatter. */
public final class Comparisons implements ScalarKernel {
    private final ComparisonOperator operator;
    private final CompareKind kind;

    public Comparisons(ComparisonOperator operator, CompareKind kind) {
        this.operator = operator;
        this.kind = kind;
    }

    @Override
    public void compute(Operand[] operands, Chunk rows, FieldVector output, QueryContext context) {
        int count = rows.size();
        boolean[] results = Scratch.current().booleans(0, count);
        switch (kind) {
            case SIGNED, UNSIGNED -> compareIntegers(operands, rows, results, kind == CompareKind.UNSIGNED);
            case DOUBLE -> compareDoubles(operands, rows, results);
            case DECIMAL -> compareDecimals(operands, rows, results);
            case BYTES -> compareBytes(operands, rows, results, context);
        }
        Scatter.booleans(results, rows.selection(), count, output);
    }

    private void compareIntegers(Operand[] operands, Chunk rows, boolean[] results, boolean unsigned) {
        int count = rows.size();
        Scratch scratch = Scratch.current();
        long[] left = scratch.longs(0, count);
        long[] right = scratch.longs(1, count);
        operands[0].longs(rows, left);
        operands[1].longs(rows, right);
        if (unsigned) {
            // flipping the sign bit maps unsigned order onto signed order
            for (int row = 0; row < count; row++) {
                left[row] ^= Long.MIN_VALUE;
                right[row] ^= Long.MIN_VALUE;
            }
        }
        compare(operator, left, right, count, results);
    }

    static void compare(ComparisonOperator operator, long[] left, long[] right, int count, boolean[] results) {
        switch (operator) {
            case EQUALS -> {
                for (int row = 0; row < count; row++) {
                    results[row] = left[row] == right[row];
                }
            }
            case NOT_EQUALS -> {
                for (int row = 0; row < count; row++) {
                    results[row] = left[row] != right[row];
                }
            }
            case LESS -> {
                for (int row = 0; row < count; row++) {
                    results[row] = left[row] < right[row];
                }
            }
            case LESS_OR_EQUALS -> {
                for (int row = 0; row < count; row++) {
                    results[row] = left[row] <= right[row];
                }
            }
            case GREATER -> {
                for (int row = 0; row < count; row++) {
                    results[row] = left[row] > right[row];
                }
            }
            case GREATER_OR_EQUALS -> {
                for (int row = 0; row < count; row++) {
                    results[row] = left[row] >= right[row];
                }
            }
        }
    }

    private void compareDoubles(Operand[] operands, Chunk rows, boolean[] results) {
        int count = rows.size();
        Scratch scratch = Scratch.current();
        double[] left = scratch.doubles(0, count);
        double[] right = scratch.doubles(1, count);
        operands[0].doubles(rows, left);
        operands[1].doubles(rows, right);
        switch (operator) {
            case EQUALS -> {
                for (int row = 0; row < count; row++) {
                    results[row] = left[row] == right[row];
                }
            }
            case NOT_EQUALS -> {
                for (int row = 0; row < count; row++) {
                    results[row] = left[row] != right[row];
                }
            }
            case LESS -> {
                for (int row = 0; row < count; row++) {
                    results[row] = left[row] < right[row];
                }
            }
            case LESS_OR_EQUALS -> {
                for (int row = 0; row < count; row++) {
                    results[row] = left[row] <= right[row];
                }
            }
            case GREATER -> {
                for (int row = 0; row < count; row++) {
                    results[row] = left[row] > right[row];
                }
            }
            case GREATER_OR_EQUALS -> {
                for (int row = 0; row < count; row++) {
                    results[row] = left[row] >= right[row];
                }
            }
        }
    }

    private void compareDecimals(Operand[] operands, Chunk rows, boolean[] results) {
        int count = rows.size();
        if (fitsLong(operands[0], rows) && fitsLong(operands[1], rows)) {
            compareIntegers(operands, rows, results, false);
            return;
        }
        for (int row = 0; row < count; row++) {
            int position = rows.position(row);
            if (operands[0].isValid(position) && operands[1].isValid(position)) {
                results[row] = operator.test(decimal(operands[0], position).compareTo(decimal(operands[1], position)));
            } else {
                results[row] = false;
            }
        }
    }

    private static boolean fitsLong(Operand operand, Chunk rows) {
        return operand.isConstant()
                ? operand.constant().isNull() || ((BigDecimal) operand.constant().value()).unscaledValue().bitLength() < 64
                : operand.storage() == io.brook.engine.expr.vector.Storage.DECIMAL128
                        && Gather.decimalsFitLong(operand.vector(), rows.selection(), rows.size());
    }

    private static BigDecimal decimal(Operand operand, int position) {
        return operand.isConstant() ? (BigDecimal) operand.constant().value()
                : Decimals.get(operand.vector(), position, operand.type());
    }

    private void compareBytes(Operand[] operands, Chunk rows, boolean[] results, QueryContext context) {
        int count = rows.size();
        try (StringColumn left = StringColumn.of(operands[0], context.allocator());
             StringColumn right = StringColumn.of(operands[1], context.allocator())) {
            if (operator == ComparisonOperator.EQUALS || operator == ComparisonOperator.NOT_EQUALS) {
                boolean wanted = operator == ComparisonOperator.EQUALS;
                for (int row = 0; row < count; row++) {
                    int position = rows.position(row);
                    results[row] = left.equal(position, right, position) == wanted;
                }
                return;
            }
            for (int row = 0; row < count; row++) {
                int position = rows.position(row);
                results[row] = operator.test(left.compare(position, right, position));
            }
        }
    }
}
