package io.brook.engine.expr.kernel.cast;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.Operand;
import io.brook.engine.expr.ScalarKernel;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.vector.Validity;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Shared shape of every conversion: the result is null where the source is null, a value that
 * cannot be converted fails the query (or, for the {@code _or_null} / {@code _or_zero}
 * functions, becomes null or zero), and a strict CAST of a NULL into a non-nullable type fails.
 */
public abstract class CastKernel implements ScalarKernel {

    /** What an unconvertible value becomes. */
    public enum OnError { FAIL, NULL, ZERO }

    protected final BrookType from;
    protected final BrookType to;
    private final OnError onError;
    private final boolean strictNulls;

    protected CastKernel(BrookType from, BrookType to, OnError onError, boolean strictNulls) {
        this.from = from;
        this.to = to;
        this.onError = onError;
        this.strictNulls = strictNulls;
    }

    @Override
    public final void compute(Operand[] operands, Chunk rows, FieldVector output, QueryContext context) {
        Operand source = operands[0];
        int physical = rows.physicalRowCount();
        if (source.isConstant() && source.constant().isNull()) {
            checkNotNull(rows, source);
            finishAllNull(output, physical);
            return;
        }
        if (source.isConstant()) {
            Validity.setAll(output, physical);
        } else {
            Validity.and(output, physical, source.vector());
        }
        if (strictNulls && !to.nullable() && !source.hasNoNulls()) {
            checkNotNull(rows, source);
        }
        convert(source, rows, output, context);
    }

    /** Writes the converted values at the live positions; validity is already set. */
    protected abstract void convert(Operand source, Chunk rows, FieldVector output, QueryContext context);

    /**
     * Handles a value that cannot be converted: throws {@code error}, or marks the position null
     * ({@code _or_null}); for {@code _or_zero} the caller writes zero.
     */
    protected final void reject(FieldVector output, int position, BrookException error) {
        switch (onError) {
            case FAIL -> throw error;
            case NULL -> Memory.clearBit(output.getValidityBufferAddress(), position);
            case ZERO -> {
                // the caller leaves the zero value in place
            }
        }
    }

    protected final BrookException cannotParse(String text) {
        return new BrookException(ErrorCode.CANNOT_PARSE_TEXT, "Cannot parse string '" + text + "' as " + to.base());
    }

    protected final BrookException outOfRange(Object value) {
        return new BrookException(ErrorCode.VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE,
                "Value " + value + " is out of range of type " + to.base());
    }

    private void checkNotNull(Chunk rows, Operand source) {
        if (!strictNulls || to.nullable()) {
            return;
        }
        for (int row = 0; row < rows.size(); row++) {
            if (!source.isValid(rows.position(row))) {
                throw new BrookException(ErrorCode.CANNOT_CONVERT_TYPE,
                        "Cannot convert NULL value to non-Nullable type " + to);
            }
        }
    }

    private static void finishAllNull(FieldVector output, int physical) {
        if (output instanceof BaseVariableWidthVector variable) {
            variable.setLastSet(-1);
        }
        output.setValueCount(physical);
    }
}
