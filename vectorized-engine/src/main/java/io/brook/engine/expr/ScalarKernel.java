package io.brook.engine.expr;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.query.QueryContext;
import org.apache.arrow.vector.FieldVector;

/**
 * The computation behind a {@link FunctionCall}: reads the operands at the live positions of
 * {@code rows} and writes results at the same positions of {@code output}, a fresh vector of the
 * call's type with {@code rows.physicalRowCount()} positions. One call per chunk, never per row.
 */
@FunctionalInterface
public interface ScalarKernel {

    void compute(Operand[] operands, Chunk rows, FieldVector output, QueryContext context);

    /** True for a user-defined function: code Brook does not know to be safe on several threads at once. */
    default boolean runsUserCode() {
        return false;
    }
}
