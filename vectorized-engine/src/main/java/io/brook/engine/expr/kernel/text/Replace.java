package io.brook.engine.expr.kernel.text;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.Operand;
import io.brook.engine.expr.ScalarKernel;
import io.brook.engine.expr.kernel.StringColumn;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.vector.StringWriter;
import io.brook.engine.query.QueryContext;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/** {@code replace_all(s, from, to)} and {@code replace_one}: literal byte replacement (an empty {@code from} changes nothing). */
public final class Replace implements ScalarKernel {
    private final boolean all;

    public Replace(boolean all) {
        this.all = all;
    }

    @Override
    public void compute(Operand[] operands, Chunk rows, FieldVector output, QueryContext context) {
        StringWriter writer = new StringWriter((BaseVariableWidthVector) output);
        try (StringColumn text = StringColumn.of(operands[0], context.allocator());
             StringColumn search = StringColumn.of(operands[1], context.allocator());
             StringColumn replacement = StringColumn.of(operands[2], context.allocator())) {
            for (int row = 0; row < rows.size(); row++) {
                int position = rows.position(row);
                replace(text.address(position), text.length(position), search.address(position), search.length(position),
                        replacement.address(position), replacement.length(position), position, writer);
            }
        }
        writer.finish(rows.physicalRowCount());
    }

    private void replace(long text, int length, long search, int searchLength, long replacement, int replacementLength,
                         int position, StringWriter writer) {
        if (searchLength == 0) {
            writer.write(position, text, length);
            return;
        }
        int matches = 0;
        for (int from = 0; ; ) {
            int found = StringSearch.indexOf(text + from, length - from, search, searchLength);
            if (found < 0) {
                break;
            }
            matches++;
            from += found + searchLength;
            if (!all) {
                break;
            }
        }
        int total = length + matches * (replacementLength - searchLength);
        long target = writer.reserve(position, total);
        int from = 0;
        for (int done = 0; done < matches; done++) {
            int found = StringSearch.indexOf(text + from, length - from, search, searchLength);
            Memory.copy(text + from, target, found);
            target += found;
            Memory.copy(replacement, target, replacementLength);
            target += replacementLength;
            from += found + searchLength;
        }
        Memory.copy(text + from, target, length - from);
        writer.commit(position, total);
    }
}
