package io.brook.engine.expr.kernel.text;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.Operand;
import io.brook.engine.expr.ScalarKernel;
import io.brook.engine.expr.kernel.StringColumn;
import io.brook.engine.expr.memory.Scratch;
import io.brook.engine.expr.vector.StringWriter;
import io.brook.engine.query.QueryContext;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code substring(s, offset[, length])} in bytes, and {@code substring_utf8} in code points.
 * Offsets are 1-based; a negative offset counts from the end (-1 is the last character); offset 0
 * gives an empty string; a negative length leaves that many characters off the end.
 */
public final class Substring implements ScalarKernel {
    private final boolean codePoints;

    public Substring(boolean codePoints) {
        this.codePoints = codePoints;
    }

    @Override
    public void compute(Operand[] operands, Chunk rows, FieldVector output, QueryContext context) {
        int count = rows.size();
        Scratch scratch = Scratch.current();
        long[] offsets = scratch.longs(0, count);
        long[] lengths = scratch.longs(1, count);
        operands[1].longs(rows, offsets);
        boolean hasLength = operands.length > 2;
        if (hasLength) {
            operands[2].longs(rows, lengths);
        }
        StringWriter writer = new StringWriter((BaseVariableWidthVector) output);
        try (StringColumn input = StringColumn.of(operands[0], context.allocator())) {
            for (int row = 0; row < count; row++) {
                int position = rows.position(row);
                long address = input.address(position);
                int bytes = input.length(position);
                int size = codePoints ? StringMeasure.codePoints(address, bytes) : bytes;
                long start = startIndex(offsets[row], size);
                long end = hasLength ? endIndex(offsets[row], lengths[row], start, size) : size;
                if (offsets[row] == 0 || end <= start) {
                    writer.write(position, address, 0);
                    continue;
                }
                int from = (int) Math.max(0, start);
                int to = (int) Math.min(size, end);
                if (codePoints) {
                    from = StringMeasure.byteOffsetOfCodePoint(address, bytes, from);
                    to = StringMeasure.byteOffsetOfCodePoint(address, bytes, to);
                }
                writer.write(position, address + from, Math.max(0, to - from));
            }
        }
        writer.finish(rows.physicalRowCount());
    }

    /** 0-based start; may be negative when a negative offset reaches before the string. */
    private static long startIndex(long offset, int size) {
        return offset > 0 ? offset - 1 : size + offset;
    }

    private static long endIndex(long offset, long length, long start, int size) {
        if (length >= 0) {
            return start + length;
        }
        return size + length;
    }
}
