package io.brook.engine.expr.kernel;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.Operand;
import io.brook.engine.expr.ScalarKernel;
import io.brook.engine.expr.memory.Scratch;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.query.QueryContext;
import org.apache.arrow.vector.FieldVector;

/** {@code pow(x, y)} and {@code atan2(y, x)} on doubles. */
public final class BinaryMath implements ScalarKernel {

    public enum Kind { POWER, ATAN2 }

    private final Kind kind;

    public BinaryMath(Kind kind) {
        this.kind = kind;
    }

    @Override
    public void compute(Operand[] operands, Chunk rows, FieldVector output, QueryContext context) {
        int count = rows.size();
        double[] left = Scratch.current().doubles(0, count);
        double[] right = Scratch.current().doubles(1, count);
        operands[0].doubles(rows, left);
        operands[1].doubles(rows, right);
        for (int row = 0; row < count; row++) {
            left[row] = kind == Kind.POWER ? Math.pow(left[row], right[row]) : Math.atan2(left[row], right[row]);
        }
        Scatter.doubles(left, rows.selection(), count, output, Storage.FLOAT64);
    }
}
