package io.brook.engine.function;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.Operand;
import io.brook.engine.expr.ScalarKernel;
import io.brook.engine.function.user.UserScalarFunction;
import io.brook.engine.operator.ChunkCompactor;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a user scalar function once per chunk: the live rows of each argument as a dense column,
 * then the result values copied to the live positions.
 */
final class UserScalarKernel implements ScalarKernel {
    private final UserScalarFunction function;
    private final BrookType resultType;

    UserScalarKernel(UserScalarFunction function, BrookType resultType) {
        this.function = function;
        this.resultType = resultType;
    }

    @Override
    public boolean runsUserCode() {
        return true;
    }

    @Override
    public void compute(Operand[] operands, Chunk rows, FieldVector output, QueryContext context) {
        int count = rows.size();
        if (count == 0) {
            // no live rows: the function is not called (it would see empty lists)
            output.setValueCount(rows.physicalRowCount());
            return;
        }
        int[] positions = new int[count];
        for (int row = 0; row < count; row++) {
            positions[row] = rows.position(row);
        }
        boolean dense = rows.isDense() && count == rows.physicalRowCount();
        List<FieldVector> arguments = new ArrayList<>(operands.length);
        List<FieldVector> copies = new ArrayList<>();
        try {
            for (Operand operand : operands) {
                FieldVector argument = operand.isConstant() ? operand.constant().fill(count, context)
                        : dense ? operand.vector() : ChunkCompactor.gather(operand.vector(), positions, count, context.allocator());
                if (argument != operand.vector()) {
                    copies.add(argument);
                }
                arguments.add(argument);
            }
            try (FieldVector result = function.evaluate(context, arguments, count, resultType)) {
                if (result.getValueCount() != count) {
                    throw new BrookException(ErrorCode.BAD_ARGUMENTS, "User function returned " + result.getValueCount()
                            + " values for " + count + " rows");
                }
                if (!(dense && copyAll(result, output, count))) {
                    for (int row = 0; row < count; row++) {
                        output.copyFromSafe(row, positions[row], result);
                    }
                }
                output.setValueCount(rows.physicalRowCount());
            }
        } finally {
            copies.forEach(FieldVector::close);
        }
    }

    /**
     * A dense chunk's results of a fixed width (numbers, dates, times, decimals; not bools, whose
     * values are bits) go over as two bulk copies, values and validity, rather than row by row.
     * False, nothing copied, for any other vector.
     */
    private static boolean copyAll(FieldVector result, FieldVector output, int count) {
        if (!(result instanceof BaseFixedWidthVector from) || !(output instanceof BaseFixedWidthVector to)
                || from instanceof BitVector || from.getClass() != to.getClass() || from.getTypeWidth() != to.getTypeWidth()) {
            return false;
        }
        while (to.getValueCapacity() < count) {
            to.reAlloc();
        }
        to.getDataBuffer().setBytes(0, from.getDataBuffer(), 0, (long) count * from.getTypeWidth());
        to.getValidityBuffer().setBytes(0, from.getValidityBuffer(), 0, (count + 7) / 8);
        return true;
    }
}
