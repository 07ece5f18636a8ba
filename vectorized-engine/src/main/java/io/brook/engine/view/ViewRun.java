package io.brook.engine.view;

import io.brook.engine.catalog.Column;
import io.brook.engine.external.ExternalSink;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.operator.Checkpointable;
import io.brook.engine.operator.ChunkSource;
import io.brook.engine.operator.Operator;
import io.brook.engine.operator.OperatorFactory;
import io.brook.engine.plan.SourcePlan;
import io.brook.engine.plan.ExternalSource;
import io.brook.engine.plan.StreamSource;
import io.brook.engine.query.QueryContext;
import io.brook.engine.query.QueryDriver;
import io.brook.engine.statement.QueryContextFactory;
import io.brook.engine.statement.WriteTarget;
import io.brook.engine.stream.LogChunkSource;
import io.brook.engine.types.BrookType;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a view's pipeline on the view's thread, from a checkpoint until it is asked to
 * stop, its source ends, or something fails (then the exception leaves {@link #run}). It
 * restores the operators' state, skips the rows a target stream already holds when the view
 * replays exactly ({@link ViewPlan#replaysExactly}; an aggregation emits again from its restored
 * state instead), and checkpoints every {@code checkpoint_interval} when rows moved.
 */
final class ViewRun {
    /** The driver comes back between chunks at least this often, so a stop is seen soon. */
    static final long TICK_MILLIS = 100;

    enum Outcome { STOPPED, FINISHED }

    /** Where a run's checkpoints go, and whether a stop should write one. */
    interface Owner {
        void checkpointed(ViewCheckpoint checkpoint);

        boolean checkpointOnStop();
    }

    /** A checkpointable operator and its index in the plan's operator list. */
    private record Stateful(int index, Checkpointable operator) {
    }

    private final ViewPlan plan;
    private final WriteTarget target;
    private final ViewCheckpoint from;
    private final ViewStatus status;
    private final Owner owner;
    private final QueryContextFactory contexts;
    private final FunctionRegistry functions;
    private final boolean recovering;
    private final long recoverUntil;
    private final List<Stateful> stateful = new ArrayList<>();
    private volatile QueryContext context;
    private volatile boolean stopRequested;
    private ChunkSource source;
    private ViewOutput output;
    /** The run's sink when the target is an external stream: flushed before each checkpoint. */
    private ExternalSink externalSink;
    private boolean pulled;
    private boolean caughtUp;
    private boolean progressed;
    private long pending;
    private long readSinceCheckpoint;
    private long nextCheckpointMillis;

    /**
     * @param pending      the view's rows the target holds past {@code from}'s target position
     * @param recovering   whether this run retries after a failure
     * @param recoverUntil the source position the failed run had reached, the end of recovering
     *                     (-1 when unknown: then the first chunk that goes through ends it)
     */
    ViewRun(ViewPlan plan, WriteTarget target, ViewCheckpoint from, long pending, boolean recovering,
            long recoverUntil, ViewStatus status, Owner owner, QueryContextFactory contexts,
            FunctionRegistry functions) {
        this.plan = plan;
        this.target = target;
        this.from = from;
        this.pending = target.stream() == null ? 0 : pending;
        this.recovering = recovering;
        this.recoverUntil = recoverUntil;
        this.status = status;
        this.owner = owner;
        this.contexts = contexts;
        this.functions = functions;
    }

    Outcome run() {
        QueryContext created = contexts.create(plan.settings().query());
        created.onLateRows(status::addLateRows);
        context = created;
        try {
            if (stopRequested) {
                created.requestStop();
            }
            caughtUp = !recovering || recoverUntil >= 0 && from.sourcePosition() >= recoverUntil;
            if (caughtUp) {
                status.state(ViewState.RUNNING);
            }
            status.position(from.sourcePosition());
            try (Operator head = pipeline(created); ChunkSource opened = openSource(created)) {
                source = opened;
                nextCheckpointMillis = System.currentTimeMillis() + plan.settings().checkpointIntervalMillis();
                long tick = plan.query().tickMillis() > 0 ? Math.min(plan.query().tickMillis(), TICK_MILLIS) : TICK_MILLIS;
                new QueryDriver(opened, head, created, tick).run();
                if (stopRequested) {
                    if (owner.checkpointOnStop()) {
                        checkpoint(true);
                    }
                    return Outcome.STOPPED;
                }
                checkpoint(true);
                return Outcome.FINISHED;
            }
        } finally {
            context = null;
            try {
                created.close();
            } catch (IllegalStateException leak) {
                LoggerFactory.getLogger(ViewRun.class).warn("View {} freed its memory with a leak: {}", plan.name(),
                        leak.getMessage());
            }
        }
    }

    /** Asks the run to stop after the chunk it is on; it checkpoints if its owner wants that. */
    void requestStop() {
        stopRequested = true;
        QueryContext running = context;
        if (running != null) {
            running.requestStop();
        }
    }

    /** Last resort when a stop does not come back: interrupts whatever the run waits in. */
    void cancel() {
        QueryContext running = context;
        if (running != null) {
            running.cancel();
        }
    }

    /** The view's rows the target holds past the last checkpoint's target position. */
    long pending() {
        return pending;
    }

    /** The source position reached, counting a chunk that was read but failed; -1 when unknown. */
    long position() {
        return sourcePosition();
    }

    /** Whether a chunk went through after the run caught up (so a failure now is a new one). */
    boolean progressed() {
        return progressed;
    }

    /** The pipeline, source side first: view head, the query's operators, output, target sink. */
    private Operator pipeline(QueryContext created) {
        List<String> names = plan.output().stream().map(Column::name).toList();
        List<BrookType> types = plan.output().stream().map(Column::type).toList();
        output = new ViewOutput(target.sink(target.supplied(names), types, functions,
                WriteTarget.clock(functions), created, opened -> externalSink = opened),
                plan.replaysExactly() ? pending : 0, this);
        Operator next = output;
        List<OperatorFactory> factories = plan.query().operators();
        try {
            for (int index = factories.size() - 1; index >= 0; index--) {
                next = factories.get(index).create(created, next);
                if (next instanceof Checkpointable operator) {
                    stateful.add(new Stateful(index, operator));
                }
            }
            restore();
            return new ViewHead(next, this);
        } catch (RuntimeException e) {
            next.close();
            throw e;
        }
    }

    private void restore() {
        Map<Integer, byte[]> states = new HashMap<>();
        for (ViewCheckpoint.OperatorState state : from.states()) {
            states.put(state.operator(), state.bytes());
        }
        for (Stateful operator : stateful) {
            byte[] state = states.remove(operator.index());
            if (state != null) {
                operator.operator().restore(state);
            }
        }
        if (!states.isEmpty()) {
            throw new BrookException(ErrorCode.LOGICAL_ERROR,
                    "The checkpoint of view " + plan.name() + " does not match its operators");
        }
    }

    private ChunkSource openSource(QueryContext created) {
        SourcePlan plan = this.plan.query().source();
        if (from.sourcePosition() >= 0 && plan instanceof StreamSource stream) {
            plan = stream.startingAt(from.sourcePosition());
        } else if (from.externalPosition() != null && plan instanceof ExternalSource external) {
            plan = external.resumingAt(from.externalPosition());
        }
        return plan.open(created);
    }

    /** The driver read a chunk and is about to push it. */
    void arrived() {
        pulled = true;
    }

    /** A chunk went through the whole pipeline. */
    void processed(int rows) {
        readSinceCheckpoint += rows;
        status.read(rows);
        long position = sourcePosition();
        status.position(position);
        if (!caughtUp && (recoverUntil < 0 || position >= recoverUntil)) {
            caughtUp = true;
            status.state(ViewState.RUNNING);
        }
        progressed |= caughtUp;
        if (pending > 0 && target.stream() != null && keepsExternalPositions()) {
            // an external source (a topic of several partitions) need not give its rows again in
            // the same order, so rows the target holds past a checkpoint cannot be skipped by
            // count after a failure: checkpoint as soon as they are there
            checkpoint(false);
        }
    }

    /** Whether the source is an external one that says where its read would continue. */
    private boolean keepsExternalPositions() {
        return source != null && !(source instanceof LogChunkSource) && source.resumePosition() != null;
    }

    /** Rows reached the target. */
    void delivered(long rows) {
        pending += rows;
        status.wrote(rows);
    }

    void tick(long nowMillis) {
        pulled = true;
        if (nowMillis < nextCheckpointMillis) {
            return;
        }
        nextCheckpointMillis = nowMillis + plan.settings().checkpointIntervalMillis();
        if (readSinceCheckpoint > 0 || pending > 0) {
            checkpoint(false);
        }
    }

    /**
     * Takes and writes a checkpoint; {@code stopped} when the run ends with it. While rows the
     * target already holds are still to come again, the checkpoint the run started from stands
     * (noting those rows when the run stops): a new one could not tell them from new rows.
     */
    private void checkpoint(boolean stopped) {
        if (externalSink != null) {
            externalSink.flush();
        }
        if (output.replaying()) {
            if (stopped) {
                owner.checkpointed(from.stoppedAfter(pending));
            }
            return;
        }
        List<ViewCheckpoint.OperatorState> states = new ArrayList<>();
        for (Stateful operator : stateful.reversed()) {
            states.add(new ViewCheckpoint.OperatorState(operator.index(), operator.operator().checkpoint()));
        }
        long targetEnd = target.stream() == null ? -1 : target.stream().log().nextSn();
        owner.checkpointed(new ViewCheckpoint(sourcePosition(), targetEnd, stopped ? 0 : -1, states,
                System.currentTimeMillis(), externalPosition()));
        pending = 0;
        readSinceCheckpoint = 0;
    }

    /**
     * Where reading again would continue: the log cursor's position once the driver has read
     * (before that it may not have passed a time bound yet), else the checkpoint's.
     */
    /**
     * Where an external source's read would continue, as its type says once the driver has read,
     * else the checkpoint's (null for a type that keeps no positions).
     */
    private String externalPosition() {
        if (pulled && source != null && !(source instanceof LogChunkSource)) {
            String position = source.resumePosition();
            if (position != null) {
                return position;
            }
        }
        return from.externalPosition();
    }

    private long sourcePosition() {
        if (pulled && source instanceof LogChunkSource log) {
            return log.position();
        }
        return from.sourcePosition();
    }
}
