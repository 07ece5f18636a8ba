package io.brook.engine.expr.kernel;

import io.brook.engine.expr.ScalarKernel;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.vector.Validity;

/** Kernels over bitmaps, a byte (8 rows) at a time over the whole physical range. */
public final class BooleanKernels {
    private BooleanKernels() {
    }

    /** {@code not(x)}: flips the value bits; the call propagates nulls. */
    public static final ScalarKernel NOT = (operands, rows, output, context) ->
            invertInto(operands[0].vector().getDataBufferAddress(), output.getDataBufferAddress(), rows.physicalRowCount());

    /** {@code is_null(x)}: the inverted validity bitmap; never null itself. */
    public static final ScalarKernel IS_NULL = (operands, rows, output, context) -> {
        invertInto(operands[0].vector().getValidityBufferAddress(), output.getDataBufferAddress(), rows.physicalRowCount());
        Validity.setAll(output, rows.physicalRowCount());
    };

    /** {@code is_not_null(x)}: the validity bitmap as values; never null itself. */
    public static final ScalarKernel IS_NOT_NULL = (operands, rows, output, context) -> {
        Memory.copy(operands[0].vector().getValidityBufferAddress(), output.getDataBufferAddress(),
                Validity.bytes(rows.physicalRowCount()));
        Validity.setAll(output, rows.physicalRowCount());
    };

    private static void invertInto(long source, long target, int count) {
        long length = Validity.bytes(count);
        long index = 0;
        for (; index + 8 <= length; index += 8) {
            Memory.putLong(target + index, ~Memory.getLong(source + index));
        }
        for (; index < length; index++) {
            Memory.putByte(target + index, (byte) ~Memory.getByte(source + index));
        }
    }
}
