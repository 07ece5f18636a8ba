package io.brook.engine.operator.window;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.ColumnReference;
import io.brook.engine.expr.Expression;
import io.brook.engine.expr.vector.Vectors;
import io.brook.engine.types.BrookType;
import io.brook.engine.window.WindowSpec;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampVector;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns a windowed aggregation hands on: its group keys in the order the query wrote them,
 * {@code window_start} and {@code window_end} among them, then the aggregates. The window keys
 * are not kept in the aggregation state (they are the window itself), so this puts them back
 * around the state's own key and aggregate columns.
 */
final class WindowResults {
    private static final int START = -1;
    private static final int END = -2;

    /** For each output key: START, END, or the index among the state's own keys. */
    private final int[] layout;
    private final List<Expression> stateKeys;
    private final BrookType timeType;

    private WindowResults(int[] layout, List<Expression> stateKeys, BrookType timeType) {
        this.layout = layout;
        this.stateKeys = stateKeys;
        this.timeType = timeType;
    }

    /**
     * Splits {@code keys} into the window keys (references to the scope's {@code window_start}
     * at {@code startColumn} and {@code window_end} after it) and the others, kept in order.
     */
    static WindowResults of(List<Expression> keys, int startColumn, BrookType timeType) {
        int[] layout = new int[keys.size()];
        List<Expression> stateKeys = new ArrayList<>();
        for (int index = 0; index < keys.size(); index++) {
            Expression key = keys.get(index);
            if (key instanceof ColumnReference reference && reference.index() == startColumn) {
                layout[index] = START;
            } else if (key instanceof ColumnReference reference && reference.index() == startColumn + 1) {
                layout[index] = END;
            } else {
                layout[index] = stateKeys.size();
                stateKeys.add(key);
            }
        }
        return new WindowResults(layout, List.copyOf(stateKeys), timeType);
    }

    /** The keys the aggregation state groups by: every key but the window's. */
    List<Expression> stateKeys() {
        return stateKeys;
    }

    /**
     * The output chunk for a state's results ({@code skipped} leading key columns of the state
     * that are not output, then its keys, then its aggregates), row {@code i} of which belongs to
     * the window {@code [starts[i], ends[i])}. Takes ownership of {@code results}.
     */
    Chunk output(Chunk results, int skipped, long[] starts, long[] ends, BufferAllocator allocator) {
        int rows = results.size();
        List<FieldVector> created = new ArrayList<>(2);
        try (results) {
            int aggregates = results.columnCount() - skipped - stateKeys.size();
            FieldVector[] columns = new FieldVector[layout.length + aggregates];
            for (int index = 0; index < layout.length; index++) {
                columns[index] = switch (layout[index]) {
                    case START -> times(WindowSpec.WINDOW_START, starts, rows, allocator, created);
                    case END -> times(WindowSpec.WINDOW_END, ends, rows, allocator, created);
                    default -> results.column(skipped + layout[index]);
                };
            }
            for (int index = 0; index < aggregates; index++) {
                columns[layout.length + index] = results.column(skipped + stateKeys.size() + index);
            }
            return results.withColumns(columns, created);
        } catch (RuntimeException e) {
            created.forEach(FieldVector::close);
            throw e;
        }
    }

    private FieldVector times(String name, long[] values, int rows, BufferAllocator allocator, List<FieldVector> created) {
        FieldVector vector = Vectors.allocate(name, timeType, rows, allocator);
        created.add(vector);
        TimeStampVector times = (TimeStampVector) vector;
        for (int row = 0; row < rows; row++) {
            times.set(row, values[row]);
        }
        times.setValueCount(rows);
        return vector;
    }

    /** A vector of {@code rows} copies of one time, for a window column beside an input chunk. */
    static FieldVector constant(String name, BrookType type, long ticks, int rows, BufferAllocator allocator) {
        FieldVector vector = Vectors.allocate(name, type, rows, allocator);
        TimeStampVector times = (TimeStampVector) vector;
        for (int row = 0; row < rows; row++) {
            times.set(row, ticks);
        }
        times.setValueCount(rows);
        return vector;
    }
}
