package io.brook.engine.operator.window;

import io.brook.engine.expr.ColumnReference;
import io.brook.engine.expr.Expression;
import io.brook.engine.function.aggregate.AggregateCall;

import java.util.List;

/** Whether expressions read the {@code window_start} or {@code window_end} column of a scope. */
public final class WindowReferences {
    private WindowReferences() {
    }

    public static boolean any(List<Expression> keys, List<AggregateCall> calls, int startColumn) {
        for (Expression key : keys) {
            if (reads(key, startColumn)) {
                return true;
            }
        }
        for (AggregateCall call : calls) {
            for (Expression argument : call.arguments()) {
                if (reads(argument, startColumn)) {
                    return true;
                }
            }
        }
        return false;
    }

    public static boolean reads(Expression expression, int startColumn) {
        if (expression instanceof ColumnReference reference) {
            return reference.index() == startColumn || reference.index() == startColumn + 1;
        }
        for (Expression child : expression.children()) {
            if (reads(child, startColumn)) {
                return true;
            }
        }
        return false;
    }
}
