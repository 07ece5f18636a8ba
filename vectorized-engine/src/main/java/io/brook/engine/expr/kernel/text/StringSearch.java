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
 * Searching one string in another, on bytes: {@code starts_with}, {@code ends_with},
 * {@code position} (1-based byte offset of the first match, 0 when absent, as in ClickHouse)
 * and {@code has_substr}-style containment.
 */
public final class StringSearch implements ScalarKernel {

    public enum Kind { STARTS_WITH, ENDS_WITH, POSITION, CONTAINS }

    private final Kind kind;
    private final Storage outputStorage;

    public StringSearch(Kind kind, Storage outputStorage) {
        this.kind = kind;
        this.outputStorage = outputStorage;
    }

    @Override
    public void compute(Operand[] operands, Chunk rows, FieldVector output, QueryContext context) {
        int count = rows.size();
        long[] values = Scratch.current().longs(0, count);
        try (StringColumn haystack = StringColumn.of(operands[0], context.allocator());
             StringColumn needle = StringColumn.of(operands[1], context.allocator())) {
            for (int row = 0; row < count; row++) {
                int position = rows.position(row);
                long text = haystack.address(position);
                int textLength = haystack.length(position);
                long pattern = needle.address(position);
                int patternLength = needle.length(position);
                values[row] = switch (kind) {
                    case STARTS_WITH -> textLength >= patternLength && Memory.equalBytes(text, pattern, patternLength) ? 1 : 0;
                    case ENDS_WITH -> textLength >= patternLength
                            && Memory.equalBytes(text + textLength - patternLength, pattern, patternLength) ? 1 : 0;
                    case POSITION -> indexOf(text, textLength, pattern, patternLength) + 1;
                    case CONTAINS -> indexOf(text, textLength, pattern, patternLength) >= 0 ? 1 : 0;
                };
            }
        }
        Scatter.longs(values, rows.selection(), count, output, outputStorage);
    }

    /** 0-based byte offset of the first occurrence, -1 when none; the empty pattern is found at 0. */
    public static int indexOf(long text, int textLength, long pattern, int patternLength) {
        if (patternLength == 0) {
            return 0;
        }
        byte first = Memory.getByte(pattern);
        int last = textLength - patternLength;
        for (int index = 0; index <= last; index++) {
            if (Memory.getByte(text + index) == first
                    && Memory.equalBytes(text + index + 1, pattern + 1, patternLength - 1)) {
                return index;
            }
        }
        return -1;
    }
}
