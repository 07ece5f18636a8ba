package io.brook.engine.expr.kernel.text;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.Operand;
import io.brook.engine.expr.ScalarKernel;
import io.brook.engine.expr.kernel.StringColumn;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.vector.StringWriter;
import io.brook.engine.query.QueryContext;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/** {@code concat(a, b, ...)} and {@code a || b}: the bytes of every argument, one after another. */
public final class Concat implements ScalarKernel {

    @Override
    public void compute(Operand[] operands, Chunk rows, FieldVector output, QueryContext context) {
        StringColumn[] parts = new StringColumn[operands.length];
        try {
            for (int index = 0; index < operands.length; index++) {
                parts[index] = StringColumn.of(operands[index], context.allocator());
            }
            StringWriter writer = new StringWriter((BaseVariableWidthVector) output);
            for (int row = 0; row < rows.size(); row++) {
                int position = rows.position(row);
                int total = 0;
                for (StringColumn part : parts) {
                    total += part.length(position);
                }
                long target = writer.reserve(position, total);
                for (StringColumn part : parts) {
                    int length = part.length(position);
                    Memory.copy(part.address(position), target, length);
                    target += length;
                }
                writer.commit(position, total);
            }
            writer.finish(rows.physicalRowCount());
        } finally {
            for (StringColumn part : parts) {
                if (part != null) {
                    part.close();
                }
            }
        }
    }
}
