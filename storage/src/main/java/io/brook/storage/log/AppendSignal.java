package io.brook.storage.log;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Wakes readers waiting for new entries. Appenders signal after each append; waiters re-check
 * their condition at least every 100 ms, so a missed signal (or an append by
 * some other writer) costs a short delay, never a hang. A lock and condition rather than
 * {@code synchronized} keeps virtual threads unpinned.
 */
final class AppendSignal {
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private final long recheckNanos;

    AppendSignal() {
        this(RECHECK_NANOS);
    }

    AppendSignal(long recheckNanos) {
        this.recheckNanos = recheckNanos;
    }

    void signalAll() {
        lock.lock();
        try {
            appended.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until {@code ready} holds or {@code timeoutNanos} pass; returns whether it holds. */
    boolean await(BooleanSupplier ready, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        lock.lock();
        try {
            while (!ready.getAsBoolean()) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                appended.awaitNanos(Math.min(remaining, recheckNanos));
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
