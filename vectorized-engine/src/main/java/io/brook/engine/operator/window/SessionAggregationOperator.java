package io.brook.engine.operator.window;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.ColumnReference;
import io.brook.engine.expr.ColumnValue;
import io.brook.engine.expr.Expression;
import io.brook.engine.expr.vector.Vectors;
import io.brook.engine.function.aggregate.AggregateCall;
import io.brook.engine.function.aggregate.StateBytes;
import io.brook.engine.operator.Checkpointable;
import io.brook.engine.operator.Operator;
import io.brook.engine.operator.aggregation.AggregationState;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;
import io.brook.engine.window.Watermark;
import io.brook.engine.window.WindowEmit;
import io.brook.engine.window.WindowKind;
import io.brook.engine.window.WindowSpec;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampVector;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * GROUP BY over {@code session} windows (SPEC 1.8): per value of the other group keys, rows less
 * than the idle gap apart form a session, which lasts at most the max length. A row joins the
 * first open session of its key it is within a gap of (and that stays within the max length);
 * otherwise it opens a new one. A session closes once the watermark reaches its end, the last
 * row's time plus the gap (or its start plus the max length, if earlier), and is emitted then,
 * with that end as {@code window_end}. A row whose new session would already be closed is late.
 * Two open sessions are not merged when a late row falls between them.
 *
 * <p>Sessions are aggregated in generations: each generation is one aggregation state grouped by
 * a session number and the keys; a new one starts every {@value #GENERATION_SESSIONS} sessions,
 * and a generation is freed once all its sessions have closed, so closed sessions do not pile up.
 */
public final class SessionAggregationOperator implements Operator, Checkpointable {
    static final int GENERATION_SESSIONS = 65_536;
    private static final BrookType SESSION_NUMBER = BrookType.INT64;

    private final WindowSpec spec;
    private final WindowResults results;
    private final List<Expression> generationKeys;
    private final List<AggregateCall> calls;
    private final WindowEmit emit;
    private final QueryContext context;
    private final Operator downstream;
    private final Watermark watermark;
    /** Numbers the distinct values of the other keys; no aggregates. */
    private final AggregationState keyIndex;
    private final OpenSessions openSessions;
    private final List<SessionGeneration> generations = new ArrayList<>();
    private SessionGeneration current;
    private long nextSessionNumber;
    private long lastInputMillis = System.currentTimeMillis();

    public SessionAggregationOperator(WindowSpec spec, List<Expression> keys, List<AggregateCall> calls, WindowEmit emit,
                                      QueryContext context, Operator downstream) {
        if (spec.kind() != WindowKind.SESSION) {
            throw new IllegalArgumentException("not a session window");
        }
        this.spec = spec;
        this.results = WindowResults.of(keys, spec.startColumn(), spec.axis().type());
        if (WindowReferences.any(results.stateKeys(), calls, spec.startColumn())) {
            throw new io.brook.engine.error.BrookException(io.brook.engine.error.ErrorCode.BAD_ARGUMENTS,
                    "window_start and window_end of a session window can only be group keys");
        }
        List<Expression> withNumber = new ArrayList<>();
        withNumber.add(new ColumnReference(spec.startColumn(), "session", SESSION_NUMBER));
        withNumber.addAll(results.stateKeys());
        this.generationKeys = List.copyOf(withNumber);
        this.calls = List.copyOf(calls);
        this.emit = emit;
        this.context = context;
        this.downstream = downstream;
        this.watermark = new Watermark(emit.delay());
        this.keyIndex = new AggregationState(results.stateKeys(), List.of(), context);
        this.openSessions = new OpenSessions(spec.size(), spec.maxLength());
    }

    @Override
    public void push(Chunk chunk) {
        context.checkAlive();
        if (chunk.isEmpty()) {
            return;
        }
        lastInputMillis = System.currentTimeMillis();
        boolean bounded = emit.mode() == WindowEmit.Mode.ON_FINISH;
        List<Session> closed = new ArrayList<>();
        List<SessionGeneration> touched = new ArrayList<>();
        try {
            int[] keys = keyIndex.add(chunk);
            keys = keys == null ? null : Arrays.copyOf(keys, chunk.size());
            try (BigIntVector numbers = (BigIntVector) Vectors.allocate("session", SESSION_NUMBER,
                    chunk.physicalRowCount(), context.allocator())) {
                assign(chunk, keys, bounded, numbers, closed, touched);
                numbers.setValueCount(chunk.physicalRowCount());
                for (SessionGeneration generation : touched) {
                    feed(generation, chunk, numbers);
                }
            }
            if (!bounded) {
                openSessions.collectClosed(watermark.current(), closed);
            }
            emitClosed(closed);
        } catch (OutOfMemoryException e) {
            throw context.memoryExceeded(e);
        } finally {
            for (SessionGeneration generation : touched) {
                generation.clearRows();
            }
        }
    }

    private void assign(Chunk chunk, int[] keys, boolean bounded, BigIntVector numbers, List<Session> closed,
                        List<SessionGeneration> touched) {
        long late = 0;
        try (ColumnValue value = spec.time().evaluate(chunk, context)) {
            TimeStampVector times = (TimeStampVector) value.vector();
            for (int row = 0; row < chunk.size(); row++) {
                int position = chunk.position(row);
                if (times.isNull(position)) {
                    continue;
                }
                long time = times.get(position);
                long mark = bounded ? Long.MIN_VALUE : watermark.current();
                int key = keys == null ? 0 : keys[row];
                Session session = openSessions.join(key, time, mark, closed);
                if (session == null) {
                    if (time + spec.size() <= mark) {
                        late++;
                        watermark.observe(time);
                        continue;
                    }
                    session = open(key, time);
                }
                if (session.generation.count == 0) {
                    touched.add(session.generation);
                }
                session.generation.add(position, session);
                numbers.set(position, session.number);
                watermark.observe(time);
            }
        }
        if (late > 0) {
            context.countLateRows(late);
        }
    }

    private Session open(int key, long time) {
        if (current == null || current.created >= GENERATION_SESSIONS) {
            current = new SessionGeneration(new AggregationState(generationKeys, calls, context));
            generations.add(current);
        }
        Session session = new Session(key, nextSessionNumber++, current, time);
        current.created++;
        current.open++;
        openSessions.add(session);
        return session;
    }

    private void feed(SessionGeneration generation, Chunk chunk, BigIntVector numbers) {
        FieldVector[] columns = new FieldVector[chunk.columnCount() + 1];
        for (int index = 0; index < chunk.columnCount(); index++) {
            columns[index] = chunk.column(index);
        }
        columns[chunk.columnCount()] = numbers;
        try (Chunk rows = chunk.withSelection(generation.positions, generation.count);
             Chunk input = rows.withColumns(columns, List.of())) {
            int[] groups = generation.state.add(input);
            for (int row = 0; row < generation.count; row++) {
                generation.sessions[row].group = groups[row];
            }
        }
    }

    /** Emits closed sessions, in order of end, start and key, then frees generations left without open sessions. */
    private void emitClosed(List<Session> closed) {
        if (closed.isEmpty()) {
            return;
        }
        closed.sort(Comparator.comparingLong(openSessions::end).thenComparingLong(s -> s.start).thenComparingInt(s -> s.key));
        Map<SessionGeneration, List<Session>> bySessionGeneration = new IdentityHashMap<>();
        List<SessionGeneration> order = new ArrayList<>();
        for (Session session : closed) {
            bySessionGeneration.computeIfAbsent(session.generation, generation -> {
                order.add(generation);
                return new ArrayList<>();
            }).add(session);
        }
        // one block per run of the same generation keeps the order above
        int from = 0;
        while (from < closed.size()) {
            SessionGeneration generation = closed.get(from).generation;
            int to = from;
            while (to < closed.size() && closed.get(to).generation == generation) {
                to++;
            }
            emit(generation, closed.subList(from, to));
            from = to;
        }
        for (SessionGeneration generation : order) {
            generation.open -= bySessionGeneration.get(generation).size();
            if (generation.open == 0 && (generation != current || generation.created >= GENERATION_SESSIONS)) {
                generations.remove(generation);
                if (generation == current) {
                    current = null;
                }
                generation.state.close();
            }
        }
    }

    private void emit(SessionGeneration generation, List<Session> sessions) {
        int blockSize = context.settings().maxBlockSize();
        for (int from = 0; from < sessions.size(); from += blockSize) {
            int count = Math.min(blockSize, sessions.size() - from);
            int[] groups = new int[count];
            long[] starts = new long[count];
            long[] ends = new long[count];
            for (int index = 0; index < count; index++) {
                Session session = sessions.get(from + index);
                groups[index] = session.group;
                starts[index] = session.start;
                ends[index] = openSessions.end(session);
            }
            try (Chunk out = results.output(generation.state.results(groups, 0, count), 1, starts, ends,
                    context.allocator())) {
                downstream.push(out);
            }
        }
    }

    @Override
    public void tick(long nowMillis) {
        if (emit.timeoutMillis() > 0 && openSessions.count() > 0 && nowMillis - lastInputMillis >= emit.timeoutMillis()) {
            watermark.forceTo(openSessions.latestEnd());
            closeAll();
        }
        downstream.tick(nowMillis);
    }

    private void closeAll() {
        List<Session> closed = new ArrayList<>();
        try {
            openSessions.collectClosed(Long.MAX_VALUE, closed);
            emitClosed(closed);
        } catch (OutOfMemoryException e) {
            throw context.memoryExceeded(e);
        }
    }

    /** The input ended: every open session is complete. */
    @Override
    public void finish() {
        closeAll();
        downstream.finish();
    }

    @Override
    public byte[] checkpoint() {
        List<Session> listed = openSessions.inKeyOrder();
        byte[][] sections = new byte[3 + generations.size()][];
        sections[0] = watermark.serialize();
        sections[1] = keyIndex.serialize();
        ByteBuffer sessions = ByteBuffer.allocate(16 + 4 * generations.size() * 2 + listed.size() * 36);
        sessions.putLong(nextSessionNumber).putInt(generations.size()).putInt(listed.size());
        for (SessionGeneration generation : generations) {
            sessions.putInt(generation.created).putInt(generation == current ? 1 : 0);
        }
        for (Session session : listed) {
            sessions.putInt(session.key).putLong(session.number).putInt(generations.indexOf(session.generation))
                    .putLong(session.start).putLong(session.last).putInt(session.group);
        }
        sections[2] = Arrays.copyOf(sessions.array(), sessions.position());
        for (int index = 0; index < generations.size(); index++) {
            sections[3 + index] = generations.get(index).state.serialize();
        }
        return StateBytes.write("session_aggregation", sections);
    }

    @Override
    public void restore(byte[] checkpoint) {
        byte[][] sections = StateBytes.read("session_aggregation", checkpoint);
        watermark.deserialize(sections[0]);
        try {
            keyIndex.deserialize(sections[1]);
            ByteBuffer sessions = ByteBuffer.wrap(sections[2]);
            nextSessionNumber = sessions.getLong();
            int generationCount = sessions.getInt();
            int openCount = sessions.getInt();
            for (int index = 0; index < generationCount; index++) {
                SessionGeneration generation = new SessionGeneration(new AggregationState(generationKeys, calls, context));
                generations.add(generation);
                generation.created = sessions.getInt();
                if (sessions.getInt() == 1) {
                    current = generation;
                }
                generation.state.deserialize(sections[3 + index]);
            }
            Session[] restored = new Session[openCount];
            for (int index = 0; index < openCount; index++) {
                int key = sessions.getInt();
                long number = sessions.getLong();
                SessionGeneration generation = generations.get(sessions.getInt());
                Session session = new Session(key, number, generation, sessions.getLong());
                session.last = sessions.getLong();
                session.group = sessions.getInt();
                generation.open++;
                restored[index] = session;
            }
            openSessions.restore(restored);
        } catch (OutOfMemoryException e) {
            throw context.memoryExceeded(e);
        }
    }

    @Override
    public void close() {
        try {
            keyIndex.close();
            for (SessionGeneration generation : generations) {
                generation.state.close();
            }
            generations.clear();
        } finally {
            downstream.close();
        }
    }
}
