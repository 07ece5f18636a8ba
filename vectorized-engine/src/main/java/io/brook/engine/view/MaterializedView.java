package io.brook.engine.view;

import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.statement.QueryContextFactory;
import io.brook.engine.statement.WriteTarget;
import io.brook.engine.stream.StreamTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One materialized view while the engine is open: a thread that runs the view's query into its
 * target ({@link ViewRun}), and after a failure records it, waits ({@code retry_backoff_ms},
 * doubling) and runs again from the last checkpoint, so nothing is skipped. Pause, resume,
 * close and drop come from other threads and are serialised here.
 */
final class MaterializedView implements ViewRun.Owner {
    private static final Logger LOG = LoggerFactory.getLogger(MaterializedView.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(10);

    private final ViewPlan plan;
    private final WriteTarget target;
    private final ViewCheckpoints checkpoints;
    private final QueryContextFactory contexts;
    private final FunctionRegistry functions;
    private final ViewStatus status = new ViewStatus();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stopSignal = lock.newCondition();
    private volatile ViewCheckpoint checkpoint;
    private volatile ViewRun run;
    private volatile boolean stopping;
    private volatile boolean checkpointOnStop;
    private Thread thread;

    MaterializedView(ViewPlan plan, WriteTarget target, ViewCheckpoint checkpoint, ViewCheckpoints checkpoints,
                     QueryContextFactory contexts, FunctionRegistry functions) {
        this.plan = plan;
        this.target = target;
        this.checkpoint = checkpoint;
        this.checkpoints = checkpoints;
        this.contexts = contexts;
        this.functions = functions;
        status.position(checkpoint.sourcePosition());
        status.checkpointed(checkpoint.takenMillis());
    }

    String name() {
        return plan.name();
    }

    ViewPlan plan() {
        return plan;
    }

    /** Starts the view's thread from its checkpoint, unless it runs already. */
    synchronized void start() {
        if (thread != null && thread.isAlive()) {
            return;
        }
        stopping = false;
        status.state(ViewState.RUNNING);
        thread = Thread.ofVirtual().name("brook-view-" + plan.name()).start(this::loop);
    }

    /** SYSTEM PAUSE: stops at a checkpoint. */
    synchronized void pause() {
        stop(true);
        status.state(ViewState.PAUSED);
    }

    /** SYSTEM RESUME: continues from the checkpoint of the pause. */
    synchronized void resume() {
        if (status.state() == ViewState.PAUSED || status.state() == ViewState.FINISHED) {
            start();
        }
    }

    /** Keeps the view paused from the start, as {@code pause_on_start=true} asks. */
    void startPaused() {
        status.state(ViewState.PAUSED);
    }

    /** The engine is closing: stop at a checkpoint. */
    synchronized void close() {
        stop(true);
    }

    /** DROP VIEW: stop; its checkpoint is deleted next. */
    synchronized void drop() {
        stop(false);
    }

    private void stop(boolean withCheckpoint) {
        Thread running = thread;
        if (running == null || !running.isAlive()) {
            return;
        }
        lock.lock();
        try {
            checkpointOnStop = withCheckpoint;
            stopping = true;
            stopSignal.signalAll();
        } finally {
            lock.unlock();
        }
        ViewRun current = run;
        if (current != null) {
            current.requestStop();
        }
        try {
            if (!running.join(STOP_WAIT)) {
                LOG.warn("View {} did not stop within {} s; cancelling its run", plan.name(), STOP_WAIT.toSeconds());
                ViewRun stuck = run;
                if (stuck != null) {
                    stuck.cancel();
                }
                if (!running.join(CANCEL_WAIT)) {
                    LOG.warn("View {} still runs after being cancelled", plan.name());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    /** The view's thread: runs, and after a failure retries from the last checkpoint. */
    private void loop() {
        long backoff = plan.settings().retryBackoffMillis();
        long recoverUntil = -1;
        long pending = 0;
        boolean begun = false;
        boolean recovering = false;
        while (!stopping) {
            ViewRun current = null;
            try {
                if (!begun) {
                    pending = begin();
                    begun = true;
                }
                current = new ViewRun(plan, target, checkpoint, pending, recovering, recoverUntil, status, this,
                        contexts, functions);
                run = current;
                if (stopping) {
                    break;
                }
                ViewRun.Outcome outcome = current.run();
                if (outcome == ViewRun.Outcome.FINISHED) {
                    status.state(ViewState.FINISHED);
                }
                return;
            } catch (RuntimeException failure) {
                if (current != null) {
                    pending = current.pending();
                    if (current.progressed()) {
                        backoff = plan.settings().retryBackoffMillis();
                        recoverUntil = -1;
                    }
                    recoverUntil = Math.max(recoverUntil, current.position());
                }
                recovering = true;
                status.failed(failure);
                LOG.warn("View {} failed; retrying from its last checkpoint in {} ms: {}", plan.name(), backoff,
                        failure.getMessage());
                if (!pause(backoff)) {
                    break;
                }
                backoff = plan.settings().nextBackoff(backoff);
                status.state(ViewState.RECOVERING);
            } finally {
                run = null;
            }
        }
        if (checkpointOnStop && begun) {
            // no run ended at a checkpoint of its own: keep the last one, noting what went out since
            try {
                checkpointed(checkpoint.stoppedAfter(pending));
            } catch (RuntimeException e) {
                LOG.error("View {} could not write its checkpoint as it stopped: {}", plan.name(), e.getMessage());
            }
        }
    }

    /**
     * Before the first run: how many of the view's rows the target holds past the checkpoint,
     * and the checkpoint rewritten for a view that writes on from it.
     */
    private long begin() {
        long targetEnd = targetEnd();
        long pending = checkpoint.replayedRows(targetEnd);
        ViewCheckpoint running = checkpoint.runningFrom(targetEnd);
        if (running != checkpoint) {
            checkpointed(running);
        }
        return pending;
    }

    /** Waits before a retry; false when the view is being stopped instead. */
    private boolean pause(long millis) {
        lock.lock();
        try {
            long remaining = TimeUnit.MILLISECONDS.toNanos(millis);
            while (!stopping && remaining > 0) {
                remaining = stopSignal.awaitNanos(remaining);
            }
            return !stopping;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    private long targetEnd() {
        StreamTable stream = target.stream();
        return stream == null ? -1 : stream.log().nextSn();
    }

    @Override
    public void checkpointed(ViewCheckpoint written) {
        checkpoints.write(plan.name(), written);
        checkpoint = written;
        status.checkpointed(written.takenMillis());
    }

    @Override
    public boolean checkpointOnStop() {
        return checkpointOnStop;
    }

    /** This view's row of {@code system.materialized_views}. */
    List<Object> statusRow() {
        StreamTable source = plan.sourceStream();
        long position = status.position();
        Long lag = source == null || position < 0 ? null : Math.max(0, source.log().nextSn() - position);
        Instant lastCheckpoint = status.lastCheckpointMillis() < 0 ? null : Instant.ofEpochMilli(status.lastCheckpointMillis());
        return Arrays.asList(plan.name(), status.state().label(), target.name(), lag, status.rowsIn(), status.rowsOut(),
                status.lateRows(), lastCheckpoint, status.lastError());
    }

    ViewStatus status() {
        return status;
    }
}
