package io.brook.engine.window;

import java.nio.ByteBuffer;

/**
 * Event-time progress of one windowed query: the largest time seen so far, less the allowed
 * delay ({@code EMIT AFTER WINDOW CLOSE WITH DELAY}), or further when an idle timeout forced
 * windows closed. A window whose end is at or before the watermark is closed; a row that only
 * fits closed windows is late. It only moves forward.
 */
public final class Watermark {
    private final long delay;
    private long maxTime = Long.MIN_VALUE;
    private long forced = Long.MIN_VALUE;

    public Watermark(long delay) {
        if (delay < 0) {
            throw new IllegalArgumentException("delay " + delay);
        }
        this.delay = delay;
    }

    /** The watermark in ticks; {@link Long#MIN_VALUE} before the first row. */
    public long current() {
        long fromRows = maxTime == Long.MIN_VALUE ? Long.MIN_VALUE : maxTime - delay;
        return Math.max(fromRows, forced);
    }

    /** A row's time was seen. */
    public void observe(long ticks) {
        if (ticks > maxTime) {
            maxTime = ticks;
        }
    }

    /** Moves the watermark to at least {@code ticks} (an idle timeout closing windows). */
    public void forceTo(long ticks) {
        if (ticks > forced) {
            forced = ticks;
        }
    }

    public byte[] serialize() {
        return ByteBuffer.allocate(16).putLong(maxTime).putLong(forced).array();
    }

    public void deserialize(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        maxTime = buffer.getLong();
        forced = buffer.getLong();
    }
}
