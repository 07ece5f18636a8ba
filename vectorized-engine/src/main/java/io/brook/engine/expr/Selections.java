package io.brook.engine.expr;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.memory.Scratch;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.query.QueryContext;
import org.apache.arrow.vector.FieldVector;

/** Turns boolean results into selection vectors: the positions where a value is true. */
public final class Selections {
    private Selections() {
    }

    /** The generic filter path: evaluate, then collect true positions. */
    public static int whereTrue(Expression expression, Chunk chunk, QueryContext context, int[] out) {
        if (expression instanceof Literal literal) {
            return literal.isNull() || literal.number() == 0 ? 0 : all(chunk, out);
        }
        try (ColumnValue value = expression.evaluate(chunk, context)) {
            return whereTrue(value.vector(), Storage.of(expression.type()), chunk, out);
        }
    }

    /** Positions among the chunk's live rows where {@code vector} is non-null and non-zero. */
    public static int whereTrue(FieldVector vector, Storage storage, Chunk chunk, int[] out) {
        if (storage == Storage.NULL) {
            return 0;
        }
        if (storage != Storage.BIT) {
            return whereNonZero(vector, storage, chunk, out);
        }
        long validity = vector.getValidityBufferAddress();
        long data = vector.getDataBufferAddress();
        int[] selection = chunk.selection();
        int count = chunk.size();
        if (selection == null) {
            return denseBits(validity, data, count, out);
        }
        int found = 0;
        for (int row = 0; row < count; row++) {
            int position = selection[row];
            out[found] = position;
            found += Memory.bit(validity, position) & Memory.bit(data, position);
        }
        return found;
    }

    /** Walks 64 positions per step, visiting only set bits of (validity AND value). */
    private static int denseBits(long validity, long data, int count, int[] out) {
        int found = 0;
        int words = count >>> 6;
        for (int word = 0; word < words; word++) {
            long bits = Memory.getLong(validity + word * 8L) & Memory.getLong(data + word * 8L);
            int base = word << 6;
            while (bits != 0) {
                out[found++] = base + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
            }
        }
        for (int position = words << 6; position < count; position++) {
            out[found] = position;
            found += Memory.bit(validity, position) & Memory.bit(data, position);
        }
        return found;
    }

    private static int whereNonZero(FieldVector vector, Storage storage, Chunk chunk, int[] out) {
        int count = chunk.size();
        double[] values = Scratch.current().doubles(0, count);
        io.brook.engine.expr.kernel.Gather.doubles(vector, io.brook.engine.expr.vector.Vectors.type(vector),
                chunk.selection(), count, values);
        long validity = vector.getValidityBufferAddress();
        int found = 0;
        for (int row = 0; row < count; row++) {
            int position = chunk.position(row);
            out[found] = position;
            found += (values[row] != 0 ? 1 : 0) & Memory.bit(validity, position);
        }
        return found;
    }

    /** Every live position of the chunk. */
    public static int all(Chunk chunk, int[] out) {
        int count = chunk.size();
        int[] selection = chunk.selection();
        if (selection == null) {
            for (int row = 0; row < count; row++) {
                out[row] = row;
            }
        } else {
            System.arraycopy(selection, 0, out, 0, count);
        }
        return count;
    }
}
