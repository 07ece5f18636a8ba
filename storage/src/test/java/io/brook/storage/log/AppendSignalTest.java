package io.brook.storage.log;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class AppendSignalTest {
    @Test
    void aSignalWakesAWaiterBeforeItsRecheck() throws Exception {
        AppendSignal signal = new AppendSignal(TimeUnit.SECONDS.toNanos(30));
        AtomicBoolean ready = new AtomicBoolean();
        CompletableFuture<Long> woke = CompletableFuture.supplyAsync(() -> {
            try {
                assertTrue(signal.await(ready::get, TimeUnit.SECONDS.toNanos(10)));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return System.nanoTime();
        });
        Thread.sleep(300);
        long signalled = System.nanoTime();
        ready.set(true);
        signal.signalAll();
        long wokeAt = woke.get(5, TimeUnit.SECONDS);
        // woken by the signal: not before it, and long before the 30 s recheck would have come
        long afterSignalMillis = TimeUnit.NANOSECONDS.toMillis(wokeAt - signalled);
        assertTrue(wokeAt >= signalled && afterSignalMillis < 5_000, "woke " + afterSignalMillis + " ms after the signal");
    }

    @Test
    void aMissedSignalCostsOnlyTheRecheckInterval() throws Exception {
        AppendSignal signal = new AppendSignal(TimeUnit.MILLISECONDS.toNanos(100));
        AtomicBoolean ready = new AtomicBoolean();
        CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(() -> {
            try {
                return signal.await(ready::get, TimeUnit.SECONDS.toNanos(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        ready.set(true); // no signal
        assertTrue(waited.get(2, TimeUnit.SECONDS));
    }

    @Test
    void timesOut() throws InterruptedException {
        assertFalse(new AppendSignal().await(() -> false, TimeUnit.MILLISECONDS.toNanos(50)));
    }
}
