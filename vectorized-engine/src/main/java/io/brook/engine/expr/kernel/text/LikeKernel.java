package io.brook.engine.expr.kernel.text;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.Operand;
import io.brook.engine.expr.ScalarKernel;
import io.brook.engine.expr.kernel.Scatter;
import io.brook.engine.expr.kernel.StringColumn;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.memory.Scratch;
import io.brook.engine.query.QueryContext;
import org.apache.arrow.vector.FieldVector;

import java.nio.charset.StandardCharsets;

/**
 * {@code like}, {@code ilike}, {@code not_like}, {@code not_ilike}. A constant pattern is compiled
 * once per query; a pattern from a column is compiled per row, reusing the last one when equal.
 */
public final class LikeKernel implements ScalarKernel {
    private final LikePattern constantPattern;
    private final boolean caseInsensitive;
    private final boolean negated;

    public LikeKernel(String constantPattern, boolean caseInsensitive, boolean negated) {
        this.constantPattern = constantPattern == null ? null : LikePattern.compile(constantPattern, caseInsensitive);
        this.caseInsensitive = caseInsensitive;
        this.negated = negated;
    }

    @Override
    public void compute(Operand[] operands, Chunk rows, FieldVector output, QueryContext context) {
        int count = rows.size();
        boolean[] results = Scratch.current().booleans(0, count);
        try (StringColumn text = StringColumn.of(operands[0], context.allocator());
             StringColumn patterns = constantPattern == null ? StringColumn.of(operands[1], context.allocator()) : null) {
            String lastText = null;
            LikePattern pattern = constantPattern;
            for (int row = 0; row < count; row++) {
                int position = rows.position(row);
                if (patterns != null) {
                    byte[] bytes = new byte[patterns.length(position)];
                    Memory.copy(patterns.address(position), bytes, 0, bytes.length);
                    String patternText = new String(bytes, StandardCharsets.UTF_8);
                    if (!patternText.equals(lastText)) {
                        pattern = LikePattern.compile(patternText, caseInsensitive);
                        lastText = patternText;
                    }
                }
                results[row] = pattern.matches(text.address(position), text.length(position)) != negated;
            }
        }
        Scatter.booleans(results, rows.selection(), count, output);
    }
}
