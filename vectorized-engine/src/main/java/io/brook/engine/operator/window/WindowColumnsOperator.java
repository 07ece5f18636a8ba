package io.brook.engine.operator.window;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.ColumnValue;
import io.brook.engine.expr.vector.Vectors;
import io.brook.engine.operator.Operator;
import io.brook.engine.operator.OperatorFactory;
import io.brook.engine.query.QueryContext;
import io.brook.engine.window.TimeAxis;
import io.brook.engine.window.WindowKind;
import io.brook.engine.window.WindowSpec;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampVector;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code tumble} or {@code hop} without aggregation ({@code SELECT * FROM tumble(s, 5s)}): each
 * row with the {@code window_start} and {@code window_end} of its window appended; under
 * {@code hop} a row comes out once per window that holds it. Rows without a time are dropped.
 * Nothing is held back, so there is no watermark and no row is late.
 */
public final class WindowColumnsOperator implements Operator {
    private final WindowSpec spec;
    private final TimeAxis axis;
    private final QueryContext context;
    private final Operator downstream;

    public WindowColumnsOperator(WindowSpec spec, QueryContext context, Operator downstream) {
        if (spec.kind() == WindowKind.SESSION) {
            throw new IllegalArgumentException("a session window needs an aggregation");
        }
        this.spec = spec;
        this.axis = spec.axis().copy();
        this.context = context;
        this.downstream = downstream;
    }

    @Override
    public void push(Chunk chunk) {
        context.checkAlive();
        if (chunk.isEmpty()) {
            return;
        }
        int rows = chunk.size();
        long[] times = new long[rows];
        boolean[] valid = new boolean[rows];
        try (ColumnValue value = spec.time().evaluate(chunk, context)) {
            TimeStampVector vector = (TimeStampVector) value.vector();
            for (int row = 0; row < rows; row++) {
                int position = chunk.position(row);
                valid[row] = !vector.isNull(position);
                times[row] = valid[row] ? vector.get(position) : 0;
            }
        }
        for (int offset = 0; offset < spec.windowsPerRow(); offset++) {
            pushWindows(chunk, times, valid, offset);
        }
    }

    /** The rows' {@code offset}-th newest window, for the rows that have one. */
    private void pushWindows(Chunk chunk, long[] times, boolean[] valid, int offset) {
        int physical = chunk.physicalRowCount();
        int[] positions = new int[chunk.size()];
        int count = 0;
        List<FieldVector> created = new ArrayList<>(2);
        try {
            TimeStampVector starts = (TimeStampVector) Vectors.allocate(WindowSpec.WINDOW_START, axis.type(), physical,
                    context.allocator());
            created.add(starts);
            TimeStampVector ends = (TimeStampVector) Vectors.allocate(WindowSpec.WINDOW_END, axis.type(), physical,
                    context.allocator());
            created.add(ends);
            for (int row = 0; row < times.length; row++) {
                if (!valid[row]) {
                    continue;
                }
                long start = axis.windowStart(times[row], spec.slide()) - offset * spec.slide();
                if (start <= times[row] - spec.size()) {
                    continue;
                }
                int position = chunk.position(row);
                starts.set(position, start);
                ends.set(position, start + spec.size());
                positions[count++] = position;
            }
            starts.setValueCount(physical);
            ends.setValueCount(physical);
            if (count == 0) {
                created.forEach(FieldVector::close);
                return;
            }
            FieldVector[] columns = new FieldVector[chunk.columnCount() + 2];
            for (int index = 0; index < chunk.columnCount(); index++) {
                columns[index] = chunk.column(index);
            }
            columns[chunk.columnCount()] = starts;
            columns[chunk.columnCount() + 1] = ends;
            List<FieldVector> owned = List.copyOf(created);
            created.clear();
            try (Chunk selected = chunk.withSelection(positions, count);
                 Chunk out = selected.withColumns(columns, owned)) {
                downstream.push(out);
            }
        } finally {
            created.forEach(FieldVector::close);
        }
    }

    @Override
    public void finish() {
        downstream.finish();
    }

    @Override
    public void tick(long nowMillis) {
        downstream.tick(nowMillis);
    }

    @Override
    public void close() {
        downstream.close();
    }

    /** Plans the window columns of a tumble or hop without aggregation. */
    public static final class Factory implements OperatorFactory {
        private final WindowSpec spec;

        public Factory(WindowSpec spec) {
            this.spec = spec;
        }

        @Override
        public Operator create(QueryContext context, Operator downstream) {
            return new WindowColumnsOperator(spec, context, downstream);
        }

        @Override
        public String describe() {
            return "Window columns " + spec.describe();
        }
    }
}
