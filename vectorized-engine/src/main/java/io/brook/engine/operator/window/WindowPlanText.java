package io.brook.engine.operator.window;

import io.brook.engine.expr.Expression;
import io.brook.engine.function.aggregate.AggregateCall;
import io.brook.engine.window.WindowEmit;
import io.brook.engine.window.WindowSpec;

import java.util.List;
import java.util.StringJoiner;

/** The EXPLAIN line of a windowed aggregation: {@code <title> tumble(ts, 5s) by (...) (calls), emit ...}. */
final class WindowPlanText {
    private WindowPlanText() {
    }

    static String of(String title, WindowSpec spec, List<Expression> keys, List<AggregateCall> calls, WindowEmit emit) {
        StringJoiner keyText = new StringJoiner(", ");
        keys.forEach(key -> keyText.add(key.describe()));
        StringJoiner callText = new StringJoiner(", ");
        calls.forEach(call -> callText.add(call.describe()));
        return title + " " + spec.describe() + " by (" + keyText + ") (" + callText + "), emit " + emit.describe(spec.axis());
    }
}
