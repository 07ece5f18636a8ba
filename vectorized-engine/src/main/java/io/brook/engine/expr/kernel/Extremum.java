package io.brook.engine.expr.kernel;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.Operand;
import io.brook.engine.expr.ScalarKernel;
import io.brook.engine.expr.memory.Scratch;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.expr.vector.StringWriter;
import io.brook.engine.query.QueryContext;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code greatest(a, b, ...)} and {@code least}: operands already share one type; integers and
 * temporal values compare as longs (uint64 unsigned), floats as doubles, strings as bytes.
 */
public final class Extremum implements ScalarKernel {
    private final boolean greatest;
    private final Storage storage;

    public Extremum(boolean greatest, Storage storage) {
        this.greatest = greatest;
        this.storage = storage;
    }

    @Override
    public void compute(Operand[] operands, Chunk rows, FieldVector output, QueryContext context) {
        int count = rows.size();
        if (storage == Storage.VARIABLE) {
            strings(operands, rows, output, context);
        } else if (storage.isFloating()) {
            double[] best = Scratch.current().doubles(0, count);
            double[] next = Scratch.current().doubles(1, count);
            operands[0].doubles(rows, best);
            for (int index = 1; index < operands.length; index++) {
                operands[index].doubles(rows, next);
                for (int row = 0; row < count; row++) {
                    best[row] = greatest ? Math.max(best[row], next[row]) : Math.min(best[row], next[row]);
                }
            }
            Scatter.doubles(best, rows.selection(), count, output, storage);
        } else {
            long[] best = Scratch.current().longs(0, count);
            long[] next = Scratch.current().longs(1, count);
            long bias = storage == Storage.UINT64 ? Long.MIN_VALUE : 0;
            operands[0].longs(rows, best);
            for (int index = 1; index < operands.length; index++) {
                operands[index].longs(rows, next);
                for (int row = 0; row < count; row++) {
                    boolean takeNext = greatest ? (next[row] ^ bias) > (best[row] ^ bias) : (next[row] ^ bias) < (best[row] ^ bias);
                    best[row] = takeNext ? next[row] : best[row];
                }
            }
            Scatter.longs(best, rows.selection(), count, output, storage);
        }
    }

    private void strings(Operand[] operands, Chunk rows, FieldVector output, QueryContext context) {
        StringColumn[] columns = new StringColumn[operands.length];
        try {
            for (int index = 0; index < operands.length; index++) {
                columns[index] = StringColumn.of(operands[index], context.allocator());
            }
            StringWriter writer = new StringWriter((BaseVariableWidthVector) output);
            for (int row = 0; row < rows.size(); row++) {
                int position = rows.position(row);
                StringColumn best = columns[0];
                for (int index = 1; index < columns.length; index++) {
                    int comparison = columns[index].compare(position, best, position);
                    if (greatest ? comparison > 0 : comparison < 0) {
                        best = columns[index];
                    }
                }
                writer.write(position, best.address(position), best.length(position));
            }
            writer.finish(rows.physicalRowCount());
        } finally {
            for (StringColumn column : columns) {
                if (column != null) {
                    column.close();
                }
            }
        }
    }
}
