package io.brook.engine.window;

/**
 * When a windowed aggregation hands out results (SPEC 1.8).
 *
 * @param mode          the trigger
 * @param delay         ticks the watermark lags behind the largest time seen (WITH DELAY)
 * @param periodMillis  wall-clock interval of {@link Mode#PERIODIC}, else 0
 * @param timeoutMillis wall-clock idle time after which open windows are closed (EMIT TIMEOUT), else 0
 */
public record WindowEmit(Mode mode, long delay, long periodMillis, long timeoutMillis) {

    public enum Mode {
        /** A bounded query ({@code tumble(table(s), ...)}): every window once, at the end, in time order. */
        ON_FINISH,
        /** Each window once, when the watermark passes its end (the default). */
        AFTER_CLOSE,
        /** The running results of open windows that changed, every period; each window's last results at close. */
        PERIODIC,
        /** After every chunk, the groups it changed. */
        ON_UPDATE
    }

    public WindowEmit {
        if (delay < 0 || periodMillis < 0 || timeoutMillis < 0 || (mode == Mode.PERIODIC) != (periodMillis > 0)) {
            throw new IllegalArgumentException(mode + " delay " + delay + " period " + periodMillis);
        }
    }

    /** How often the driver must tick: the period, the timeout, or 0 when neither applies. */
    public long tickMillis() {
        long tick = 0;
        if (periodMillis > 0) {
            tick = periodMillis;
        }
        if (timeoutMillis > 0) {
            tick = tick == 0 ? timeoutMillis : Math.min(tick, timeoutMillis);
        }
        return tick == 0 ? 0 : Math.max(10, Math.min(tick, 1000));
    }

    /** For EXPLAIN, with the delay written in the time column's units. */
    public String describe(TimeAxis axis) {
        String text = switch (mode) {
            case ON_FINISH -> "on finish";
            case AFTER_CLOSE -> "after window close" + (delay > 0 ? " with delay " + axis.text(delay) : "");
            case PERIODIC -> "periodic " + periodMillis + "ms" + (delay > 0 ? " with delay " + axis.text(delay) : "");
            case ON_UPDATE -> "on update";
        };
        return timeoutMillis > 0 ? text + " timeout " + timeoutMillis + "ms" : text;
    }
}
