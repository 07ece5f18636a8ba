package io.brook.engine.plan;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.operator.aggregation.EmitPolicy;
import io.brook.engine.query.QuerySettings;
import io.brook.engine.sql.ast.Emit;
import io.brook.engine.sql.ast.IntervalLiteral;

/**
 * Chooses how a streaming aggregation emits (SPEC 1.7): every 2 s when new rows arrived by
 * default, {@code EMIT PERIODIC <i> [REPEAT]}, or {@code EMIT ON UPDATE}. Bounded queries
 * emit once at the end whatever the clause says.
 */
final class EmitPolicies {
    static final long DEFAULT_PERIOD_MILLIS = 2_000;

    private EmitPolicies() {
    }

    /** The policy and how often the driver must tick for it. */
    record Choice(EmitPolicy policy, long tickMillis) {
    }

    static Choice choose(Emit emit, boolean streaming, QuerySettings settings) {
        if (!streaming) {
            return new Choice(EmitPolicy.onFinish(), 0);
        }
        if (emit == null || emit.kind() == Emit.Kind.DEFAULT || emit.kind() == Emit.Kind.AFTER_WINDOW_CLOSE) {
            long period = settings.get("default_emit_interval") == null ? DEFAULT_PERIOD_MILLIS
                    : (long) (Double.parseDouble(settings.get("default_emit_interval")) * 1000);
            return new Choice(EmitPolicy.periodic(period, false), period);
        }
        return switch (emit.kind()) {
            case PERIODIC -> {
                long period = millis(emit.period());
                yield new Choice(EmitPolicy.periodic(period, emit.repeat()), period);
            }
            case ON_UPDATE -> new Choice(EmitPolicy.onUpdate(), 0);
            default -> throw new IllegalStateException(emit.kind().name());
        };
    }

    static long millis(IntervalLiteral interval) {
        if (!interval.unit().isFixedLength()) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS,
                    "An emit interval needs a fixed length unit, not " + interval.unit().name().toLowerCase());
        }
        long millis = interval.unit().chronoUnit().getDuration().multipliedBy(interval.amount()).toMillis();
        if (millis <= 0) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS, "An emit interval must be positive");
        }
        return millis;
    }
}
