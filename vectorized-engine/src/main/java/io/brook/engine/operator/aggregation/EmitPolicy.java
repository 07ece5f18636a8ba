package io.brook.engine.operator.aggregation;

/**
 * When an aggregation hands out results (SPEC 1.7). Bounded queries emit once when the input
 * ends; streaming queries emit running results periodically or after every chunk that changed
 * a group, without resetting the state.
 */
public sealed interface EmitPolicy {

    /** Bounded: every group once, at finish. */
    record OnFinish() implements EmitPolicy {
    }

    /**
     * {@code EMIT PERIODIC interval [REPEAT]}: on a tick, when the interval has elapsed since the
     * last emit, all groups' running results; without repeat only if rows arrived since.
     */
    record Periodic(long intervalMillis, boolean repeat) implements EmitPolicy {
        public Periodic {
            if (intervalMillis <= 0) {
                throw new IllegalArgumentException("emit interval must be positive");
            }
        }
    }

    /** {@code EMIT ON UPDATE}: after each chunk, the groups that chunk changed. */
    record OnUpdate() implements EmitPolicy {
    }

    static EmitPolicy onFinish() {
        return new OnFinish();
    }

    static EmitPolicy periodic(long intervalMillis, boolean repeat) {
        return new Periodic(intervalMillis, repeat);
    }

    static EmitPolicy onUpdate() {
        return new OnUpdate();
    }

    /** One word for EXPLAIN. */
    default String describe() {
        return switch (this) {
            case OnFinish ignored -> "on finish";
            case Periodic periodic -> "periodic " + periodic.intervalMillis() + "ms" + (periodic.repeat() ? " repeat" : "");
            case OnUpdate ignored -> "on update";
        };
    }
}
