package io.brook.engine.expr.kernel;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.Operand;
import io.brook.engine.expr.ScalarKernel;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.memory.Scratch;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.query.QueryContext;
import org.apache.arrow.vector.FieldVector;

/** Element counts of arrays and maps straight from the offsets: {@code length}, {@code empty}, {@code not_empty}. */
public final class NestedSize implements ScalarKernel {

    public enum Kind { LENGTH, EMPTY, NOT_EMPTY }

    private final Kind kind;
    private final Storage output;

    public NestedSize(Kind kind, Storage output) {
        this.kind = kind;
        this.output = output;
    }

    @Override
    public void compute(Operand[] operands, Chunk rows, FieldVector out, QueryContext context) {
        int count = rows.size();
        long[] values = Scratch.current().longs(0, count);
        long offsets = operands[0].vector().getOffsetBufferAddress();
        for (int row = 0; row < count; row++) {
            long position = rows.position(row);
            long length = Memory.getInt(offsets + 4 * (position + 1)) - Memory.getInt(offsets + 4 * position);
            values[row] = switch (kind) {
                case LENGTH -> length;
                case EMPTY -> length == 0 ? 1 : 0;
                case NOT_EMPTY -> length == 0 ? 0 : 1;
            };
        }
        Scatter.longs(values, rows.selection(), count, out, output);
    }
}
