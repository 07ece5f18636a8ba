package io.brook.engine.expr.kernel.cast;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.Operand;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;
import org.apache.arrow.vector.FieldVector;

/**
 * A cast between types with the same values (nullable(T) to T, for instance) that still has a
 * job: checking for NULLs. The values are copied as they are.
 */
final class SameTypeCast extends CastKernel {

    SameTypeCast(BrookType from, BrookType to, OnError onError, boolean strictNulls) {
        super(from, to, onError, strictNulls);
    }

    @Override
    protected void convert(Operand source, Chunk rows, FieldVector output, QueryContext context) {
        for (int row = 0; row < rows.size(); row++) {
            int position = rows.position(row);
            if (source.isValid(position)) {
                output.copyFromSafe(position, position, source.vector());
            }
        }
        output.setValueCount(rows.physicalRowCount());
    }
}
