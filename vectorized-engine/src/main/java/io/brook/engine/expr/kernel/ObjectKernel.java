package io.brook.engine.expr.kernel;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.Operand;
import io.brook.engine.expr.ScalarKernel;
import io.brook.engine.expr.vector.VectorReader;
import io.brook.engine.expr.vector.VectorWriter;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;
import org.apache.arrow.vector.FieldVector;

import java.util.function.Function;

/**
 * The slow path: reads each row's arguments as Java objects, applies a function and writes the
 * result. Used only where values are nested (array, tuple and map constructors, element access),
 * which are rare in hot loops and awkward to write against buffers. The function receives nulls
 * as Java nulls and decides the result's nullness itself.
 */
public final class ObjectKernel implements ScalarKernel {
    private final Function<Object[], Object> function;
    private final BrookType result;

    public ObjectKernel(Function<Object[], Object> function, BrookType result) {
        this.function = function;
        this.result = result;
    }

    @Override
    public void compute(Operand[] operands, Chunk rows, FieldVector output, QueryContext context) {
        Object[] values = new Object[operands.length];
        for (int row = 0; row < rows.size(); row++) {
            int position = rows.position(row);
            for (int index = 0; index < operands.length; index++) {
                Operand operand = operands[index];
                values[index] = operand.isConstant() ? operand.constant().value()
                        : VectorReader.value(operand.vector(), position, operand.type());
            }
            VectorWriter.write(output, position, function.apply(values), result);
        }
        output.setValueCount(rows.physicalRowCount());
    }
}
