package io.brook.engine.operator.window;

import io.brook.engine.expr.Expression;
import io.brook.engine.function.aggregate.AggregateCall;
import io.brook.engine.operator.Operator;
import io.brook.engine.operator.OperatorFactory;
import io.brook.engine.query.QueryContext;
import io.brook.engine.window.WindowEmit;
import io.brook.engine.window.WindowKind;
import io.brook.engine.window.WindowSpec;

import java.util.List;
import java.util.StringJoiner;

/**
 * Plans a windowed aggregation: the window, all group keys as written, the calls and the emit
 * policy; a {@link SessionAggregationOperator} for {@code session}, a
 * {@link WindowAggregationOperator} for {@code tumble} and {@code hop}.
 */
public final class WindowAggregationFactory implements OperatorFactory {
    private final WindowSpec spec;
    private final List<Expression> keys;
    private final List<AggregateCall> calls;
    private final WindowEmit emit;

    public WindowAggregationFactory(WindowSpec spec, List<Expression> keys, List<AggregateCall> calls, WindowEmit emit) {
        this.spec = spec;
        this.keys = List.copyOf(keys);
        this.calls = List.copyOf(calls);
        this.emit = emit;
    }

    @Override
    public Operator create(QueryContext context, Operator downstream) {
        return spec.kind() == WindowKind.SESSION
                ? new SessionAggregationOperator(spec, keys, calls, emit, context, downstream)
                : new WindowAggregationOperator(spec, keys, calls, emit, context, downstream);
    }

    @Override
    public String checkpointProblem() {
        return AggregateCall.checkpointProblem(calls);
    }

    /** {@code Window aggregate tumble(ts, 5s) by (...) (calls), emit ...}; {@code Session aggregate} for sessions. */
    @Override
    public String describe() {
        StringJoiner keyText = new StringJoiner(", ");
        keys.forEach(key -> keyText.add(key.describe()));
        StringJoiner callText = new StringJoiner(", ");
        calls.forEach(call -> callText.add(call.describe()));
        return (spec.kind() == WindowKind.SESSION ? "Session" : "Window") + " aggregate " + spec.describe() + " by ("
                + keyText + ") (" + callText + "), emit " + emit.describe(spec.axis());
    }
}
