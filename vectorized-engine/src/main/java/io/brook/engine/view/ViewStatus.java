package io.brook.engine.view;

import io.brook.engine.error.BrookException;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A view's live figures, written by its thread and read by {@code system.materialized_views}:
 * state, rows read and written and late rows dropped by its windows since the engine opened, the source position reached, the last
 * checkpoint's time and the last error.
 */
final class ViewStatus {
    private final AtomicLong rowsIn = new AtomicLong();
    private final AtomicLong rowsOut = new AtomicLong();
    private final AtomicLong lateRows = new AtomicLong();
    private volatile ViewState state = ViewState.PAUSED;
    private volatile long position = -1;
    private volatile long lastCheckpointMillis = -1;
    private volatile String lastError = "";

    ViewState state() {
        return state;
    }

    void state(ViewState state) {
        this.state = state;
    }

    void read(long rows) {
        rowsIn.addAndGet(rows);
    }

    void wrote(long rows) {
        rowsOut.addAndGet(rows);
    }

    long rowsIn() {
        return rowsIn.get();
    }

    long rowsOut() {
        return rowsOut.get();
    }

    void addLateRows(long rows) {
        lateRows.addAndGet(rows);
    }

    long lateRows() {
        return lateRows.get();
    }

    /** The next source {@code _tp_sn} to read, -1 when unknown. */
    long position() {
        return position;
    }

    void position(long position) {
        this.position = position;
    }

    long lastCheckpointMillis() {
        return lastCheckpointMillis;
    }

    void checkpointed(long millis) {
        lastCheckpointMillis = millis;
    }

    String lastError() {
        return lastError;
    }

    /** Records a failure: its message, which for Python errors holds the traceback. */
    void failed(Throwable failure) {
        lastError = failure instanceof BrookException brook ? brook.getMessage()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        state = ViewState.ERROR;
    }
}
