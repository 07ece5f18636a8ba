package io.brook.engine.operator.window;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.ColumnValue;
import io.brook.engine.expr.Expression;
import io.brook.engine.function.aggregate.AggregateCall;
import io.brook.engine.function.aggregate.StateBytes;
import io.brook.engine.operator.Checkpointable;
import io.brook.engine.operator.Operator;
import io.brook.engine.operator.aggregation.AggregationState;
import io.brook.engine.query.QueryContext;
import io.brook.engine.window.TimeAxis;
import io.brook.engine.window.Watermark;
import io.brook.engine.window.WindowEmit;
import io.brook.engine.window.WindowKind;
import io.brook.engine.window.WindowSpec;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampVector;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * GROUP BY over {@code tumble} or {@code hop} windows (SPEC 1.8): one aggregation state per open
 * window, keyed by the query's other group keys. Each row goes to the windows that hold its time
 * and are still open; the watermark (largest time seen, less the delay) is taken before each row,
 * so the same rows give the same results whether they come in one chunk or one at a time. A row
 * that fits only closed windows is late: dropped and counted ({@link QueryContext#lateRows()}).
 * Windows close, oldest first, once the watermark reaches their end; what is emitted when is the
 * {@link WindowEmit}'s choice. A bounded query keeps every window and emits them all at the end.
 */
public final class WindowAggregationOperator implements Operator, Checkpointable {
    private final WindowSpec spec;
    private final TimeAxis axis;
    private final WindowResults results;
    private final List<AggregateCall> calls;
    private final WindowEmit emit;
    private final boolean withWindowColumns;
    private final QueryContext context;
    private final Operator downstream;
    private final Watermark watermark;
    private final TreeMap<Long, Window> open = new TreeMap<>();
    private final List<Window> touched = new ArrayList<>();
    private long lastInputMillis = System.currentTimeMillis();
    private long lastEmitMillis = -1;

    /** An open window: its state and the rows of the current chunk that go to it. */
    private static final class Window {
        final long start;
        final AggregationState state;
        int[] positions = new int[16];
        int count;
        boolean changed;

        Window(long start, AggregationState state) {
            this.start = start;
            this.state = state;
        }

        void add(int position) {
            if (count == positions.length) {
                positions = Arrays.copyOf(positions, count * 2);
            }
            positions[count++] = position;
        }
    }

    public WindowAggregationOperator(WindowSpec spec, List<Expression> keys, List<AggregateCall> calls, WindowEmit emit,
                                     QueryContext context, Operator downstream) {
        if (spec.kind() == WindowKind.SESSION) {
            throw new IllegalArgumentException("session windows have their own operator");
        }
        this.spec = spec;
        this.axis = spec.axis().copy();
        this.results = WindowResults.of(keys, spec.startColumn(), axis.type());
        this.calls = List.copyOf(calls);
        this.emit = emit;
        this.withWindowColumns = WindowReferences.any(results.stateKeys(), calls, spec.startColumn());
        this.context = context;
        this.downstream = downstream;
        this.watermark = new Watermark(emit.delay());
    }

    @Override
    public void push(Chunk chunk) {
        context.checkAlive();
        if (chunk.isEmpty()) {
            return;
        }
        lastInputMillis = System.currentTimeMillis();
        boolean bounded = emit.mode() == WindowEmit.Mode.ON_FINISH;
        try {
            assign(chunk, bounded);
            for (Window window : touched) {
                feed(window, chunk);
            }
        } catch (OutOfMemoryException e) {
            throw context.memoryExceeded(e);
        } finally {
            for (Window window : touched) {
                window.count = 0;
            }
            touched.clear();
        }
        if (!bounded) {
            closeUpTo(watermark.current());
        }
    }

    /** Puts each row in the open windows that hold its time; counts the late ones. */
    private void assign(Chunk chunk, boolean bounded) {
        long late = 0;
        long size = spec.size();
        long slide = spec.slide();
        try (ColumnValue value = spec.time().evaluate(chunk, context)) {
            TimeStampVector times = (TimeStampVector) value.vector();
            for (int row = 0; row < chunk.size(); row++) {
                int position = chunk.position(row);
                if (times.isNull(position)) {
                    continue;
                }
                long time = times.get(position);
                long mark = bounded ? Long.MIN_VALUE : watermark.current();
                boolean placed = false;
                for (long start = axis.windowStart(time, slide); start > time - size; start -= slide) {
                    if (start + size <= mark) {
                        break;
                    }
                    window(start).add(position);
                    placed = true;
                }
                if (!placed) {
                    late++;
                }
                watermark.observe(time);
            }
        }
        if (late > 0) {
            context.countLateRows(late);
        }
    }

    private Window window(long start) {
        Window window = open.get(start);
        if (window == null) {
            window = new Window(start, new AggregationState(results.stateKeys(), calls, context));
            open.put(start, window);
        }
        if (window.count == 0) {
            touched.add(window);
        }
        return window;
    }

    private void feed(Window window, Chunk chunk) {
        try (Chunk rows = chunk.withSelection(window.positions, window.count);
             Chunk input = withWindowColumns ? withWindow(rows, window.start) : rows.retain()) {
            int[] groups = window.state.add(input);
            window.changed = true;
            if (emit.mode() == WindowEmit.Mode.ON_UPDATE) {
                emit(window, touchedGroups(groups, input.size(), window.state.groupCount()));
                window.changed = false;
            }
        }
    }

    /** The rows with {@code window_start} and {@code window_end} appended, for expressions that read them. */
    private Chunk withWindow(Chunk rows, long start) {
        int columns = rows.columnCount();
        FieldVector[] all = new FieldVector[columns + 2];
        for (int index = 0; index < columns; index++) {
            all[index] = rows.column(index);
        }
        List<FieldVector> created = new ArrayList<>(2);
        try {
            created.add(WindowResults.constant(WindowSpec.WINDOW_START, axis.type(), start, rows.physicalRowCount(),
                    context.allocator()));
            created.add(WindowResults.constant(WindowSpec.WINDOW_END, axis.type(), start + spec.size(),
                    rows.physicalRowCount(), context.allocator()));
        } catch (RuntimeException e) {
            created.forEach(FieldVector::close);
            throw e;
        }
        all[columns] = created.get(0);
        all[columns + 1] = created.get(1);
        return rows.withColumns(all, created);
    }

    private static int[] touchedGroups(int[] groups, int rows, int groupCount) {
        if (groups == null) {
            return new int[] {0};
        }
        boolean[] seen = new boolean[groupCount];
        int[] touched = new int[Math.min(rows, groupCount)];
        int count = 0;
        for (int row = 0; row < rows; row++) {
            int group = groups[row];
            if (!seen[group]) {
                seen[group] = true;
                touched[count++] = group;
            }
        }
        return Arrays.copyOf(touched, count);
    }

    /** Closes, oldest first, the windows whose end is at or before {@code mark}. */
    private void closeUpTo(long mark) {
        while (!open.isEmpty() && open.firstKey() + spec.size() <= mark) {
            close(open.pollFirstEntry().getValue());
        }
    }

    private void close(Window window) {
        try (AggregationState ignored = window.state) {
            boolean emitNow = switch (emit.mode()) {
                case ON_FINISH, AFTER_CLOSE -> true;
                case PERIODIC -> window.changed;
                case ON_UPDATE -> false;
            };
            if (emitNow) {
                emitAll(window);
            }
        }
    }

    private void emitAll(Window window) {
        int groups = window.state.groupCount();
        int[] all = new int[groups];
        for (int group = 0; group < groups; group++) {
            all[group] = group;
        }
        emit(window, all);
        window.changed = false;
    }

    private void emit(Window window, int[] groups) {
        int blockSize = context.settings().maxBlockSize();
        try {
            for (int from = 0; from < groups.length; from += blockSize) {
                int count = Math.min(blockSize, groups.length - from);
                long[] starts = new long[count];
                long[] ends = new long[count];
                Arrays.fill(starts, window.start);
                Arrays.fill(ends, window.start + spec.size());
                try (Chunk out = results.output(window.state.results(groups, from, count), 0, starts, ends,
                        context.allocator())) {
                    downstream.push(out);
                }
            }
        } catch (OutOfMemoryException e) {
            throw context.memoryExceeded(e);
        }
    }

    @Override
    public void tick(long nowMillis) {
        if (emit.mode() == WindowEmit.Mode.PERIODIC) {
            if (lastEmitMillis < 0) {
                lastEmitMillis = nowMillis;
            } else if (nowMillis - lastEmitMillis >= emit.periodMillis()) {
                lastEmitMillis = nowMillis;
                for (Window window : open.values()) {
                    if (window.changed) {
                        emitAll(window);
                    }
                }
            }
        }
        if (emit.timeoutMillis() > 0 && !open.isEmpty() && nowMillis - lastInputMillis >= emit.timeoutMillis()) {
            watermark.forceTo(open.lastKey() + spec.size());
            closeUpTo(watermark.current());
        }
        downstream.tick(nowMillis);
    }

    /** The input ended: every open window is complete, so each closes now, oldest first. */
    @Override
    public void finish() {
        closeUpTo(Long.MAX_VALUE);
        downstream.finish();
    }

    /** Windows open, for tests. */
    int openWindows() {
        return open.size();
    }

    @Override
    public byte[] checkpoint() {
        byte[][] sections = new byte[2 + open.size()][];
        sections[0] = watermark.serialize();
        ByteBuffer windows = ByteBuffer.allocate(4 + 9 * open.size()).putInt(open.size());
        int index = 2;
        for (Window window : open.values()) {
            windows.putLong(window.start).put((byte) (window.changed ? 1 : 0));
            sections[index++] = window.state.serialize();
        }
        sections[1] = windows.array();
        return StateBytes.write("window_aggregation", sections);
    }

    @Override
    public void restore(byte[] checkpoint) {
        byte[][] sections = StateBytes.read("window_aggregation", checkpoint);
        watermark.deserialize(sections[0]);
        ByteBuffer windows = ByteBuffer.wrap(sections[1]);
        int count = windows.getInt();
        try {
            for (int index = 0; index < count; index++) {
                long start = windows.getLong();
                boolean changed = windows.get() != 0;
                Window window = new Window(start, new AggregationState(results.stateKeys(), calls, context));
                open.put(start, window);
                window.state.deserialize(sections[2 + index]);
                window.changed = changed;
            }
        } catch (OutOfMemoryException e) {
            throw context.memoryExceeded(e);
        }
    }

    @Override
    public void close() {
        try {
            for (Map.Entry<Long, Window> entry : open.entrySet()) {
                entry.getValue().state.close();
            }
            open.clear();
        } finally {
            downstream.close();
        }
    }
}
