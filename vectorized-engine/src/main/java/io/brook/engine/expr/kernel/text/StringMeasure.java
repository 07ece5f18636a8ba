package io.brook.engine.expr.kernel.text;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.Operand;
import io.brook.engine.expr.ScalarKernel;
import io.brook.engine.expr.kernel.Scatter;
import io.brook.engine.expr.kernel.StringColumn;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.memory.Scratch;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.query.QueryContext;
import org.apache.arrow.vector.FieldVector;

/**
 * Numbers and flags about one string: {@code length} (bytes, as Timeplus counts),
 * {@code length_utf8} (code points), {@code empty}, {@code not_empty}.
 */
public final class StringMeasure implements ScalarKernel {

    public enum Kind { LENGTH, LENGTH_UTF8, EMPTY, NOT_EMPTY }

    private final Kind kind;
    private final Storage outputStorage;

    public StringMeasure(Kind kind, Storage outputStorage) {
        this.kind = kind;
        this.outputStorage = outputStorage;
    }

    @Override
    public void compute(Operand[] operands, Chunk rows, FieldVector output, QueryContext context) {
        int count = rows.size();
        long[] values = Scratch.current().longs(0, count);
        try (StringColumn input = StringColumn.of(operands[0], context.allocator())) {
            for (int row = 0; row < count; row++) {
                int position = rows.position(row);
                int length = input.length(position);
                values[row] = switch (kind) {
                    case LENGTH -> length;
                    case LENGTH_UTF8 -> codePoints(input.address(position), length);
                    case EMPTY -> length == 0 ? 1 : 0;
                    case NOT_EMPTY -> length == 0 ? 0 : 1;
                };
            }
        }
        Scatter.longs(values, rows.selection(), count, output, outputStorage);
    }

    /** Code points in UTF-8 bytes: every byte that is not a continuation byte starts one. */
    static int codePoints(long address, int length) {
        int count = 0;
        for (int index = 0; index < length; index++) {
            count += (Memory.getByte(address + index) & 0xC0) != 0x80 ? 1 : 0;
        }
        return count;
    }

    /** Byte offset of code point {@code index} (0-based) in UTF-8 bytes, or {@code length} past the end. */
    static int byteOffsetOfCodePoint(long address, int length, int index) {
        int seen = -1;
        for (int offset = 0; offset < length; offset++) {
            if ((Memory.getByte(address + offset) & 0xC0) != 0x80) {
                seen++;
                if (seen == index) {
                    return offset;
                }
            }
        }
        return length;
    }
}
