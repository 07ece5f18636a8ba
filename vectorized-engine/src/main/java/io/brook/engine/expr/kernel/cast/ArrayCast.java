package io.brook.engine.expr.kernel.cast;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.Operand;
import io.brook.engine.expr.ScalarKernel;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.vector.Validity;
import io.brook.engine.expr.vector.Vectors;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;

import java.util.List;

/**
 * {@code array(T)} to {@code array(U)}: converts all elements at once with the element cast,
 * then puts them under a copy of the source's offsets and validity. Every physical row is
 * converted, not only live ones, so an element that cannot be converted fails even under a filter.
 */
final class ArrayCast extends CastKernel {
    private final ScalarKernel elementCast;

    ArrayCast(BrookType from, BrookType to, OnError onError, boolean strictNulls) {
        super(from, to, onError, strictNulls);
        this.elementCast = CastKernels.of(from.element(), to.element(), onError, strictNulls);
    }

    @Override
    protected void convert(Operand source, Chunk rows, FieldVector output, QueryContext context) {
        if (source.isConstant()) {
            throw new BrookException(ErrorCode.LOGICAL_ERROR, "constant arrays are cast when folded");
        }
        ListVector input = (ListVector) source.vector();
        ListVector result = (ListVector) output;
        int physical = rows.physicalRowCount();
        FieldVector elements = input.getDataVector();
        int elementCount = physical == 0 ? 0 : input.getOffsetBuffer().getInt((long) physical * 4);
        FieldVector converted = convertElements(elements, elementCount, context);
        try {
            while (result.getValueCapacity() < physical) {
                result.reAlloc();
            }
            Memory.copy(input.getOffsetBufferAddress(), result.getOffsetBufferAddress(), (physical + 1L) * 4);
            Memory.copy(input.getValidityBufferAddress(), result.getValidityBufferAddress(), Validity.bytes(physical));
            converted.makeTransferPair(result.getDataVector()).transfer();
            result.setLastSet(physical - 1);
            result.setValueCount(physical);
        } finally {
            converted.close();
        }
    }

    private FieldVector convertElements(FieldVector elements, int count, QueryContext context) {
        FieldVector converted = Vectors.allocate("item", to.element(), count, context.allocator());
        try (Chunk all = Chunk.of(List.of(), count)) {
            if (elementCast == null) {
                // same element values, only the type's flags differ: copy them as they are
                for (int index = 0; index < count; index++) {
                    converted.copyFromSafe(index, index, elements);
                }
                converted.setValueCount(count);
            } else {
                elementCast.compute(new Operand[] {Operand.of(elements, from.element())}, all, converted, context);
            }
            return converted;
        } catch (RuntimeException e) {
            converted.close();
            throw e;
        }
    }
}
