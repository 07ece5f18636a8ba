package io.brook.engine.expr;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.kernel.Gather;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.types.BrookType;
import org.apache.arrow.vector.FieldVector;

import java.util.Arrays;

/**
 * An evaluated argument of a kernel: a vector at the chunk's physical positions, or a constant.
 * Kernels take constants as scalars, so {@code x + 1} never materialises a column of ones.
 */
public final class Operand {
    private final FieldVector vector;
    private final Literal constant;
    private final BrookType type;
    private final Storage storage;

    private Operand(FieldVector vector, Literal constant, BrookType type) {
        this.vector = vector;
        this.constant = constant;
        this.type = type;
        this.storage = Storage.of(type);
    }

    public static Operand of(FieldVector vector, BrookType type) {
        return new Operand(vector, null, type);
    }

    public static Operand constant(Literal literal) {
        return new Operand(null, literal, literal.type());
    }

    public boolean isConstant() {
        return constant != null;
    }

    /** The vector; null for a constant. */
    public FieldVector vector() {
        return vector;
    }

    /** The constant; null for a vector. */
    public Literal constant() {
        return constant;
    }

    public BrookType type() {
        return type;
    }

    public Storage storage() {
        return storage;
    }

    /** True when the value at {@code position} is not null. */
    public boolean isValid(int position) {
        return constant != null ? !constant.isNull() : Memory.bit(vector.getValidityBufferAddress(), position) != 0;
    }

    /** True when no live value can be null. */
    public boolean hasNoNulls() {
        return constant != null ? !constant.isNull() : vector.getNullCount() == 0;
    }

    /** The values of the live rows as longs (see {@link Gather#longs}), row {@code i} at {@code out[i]}. */
    public void longs(Chunk rows, long[] out) {
        if (constant != null) {
            Arrays.fill(out, 0, rows.size(), constant.bits());
        } else {
            Gather.longs(vector, storage, rows.selection(), rows.size(), out);
        }
    }

    /** The values of the live rows as doubles, row {@code i} at {@code out[i]}. */
    public void doubles(Chunk rows, double[] out) {
        if (constant != null) {
            Arrays.fill(out, 0, rows.size(), constant.number());
        } else {
            Gather.doubles(vector, type, rows.selection(), rows.size(), out);
        }
    }
}
