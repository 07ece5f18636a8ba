package io.brook.engine.function.aggregate;

import io.brook.engine.expr.Expression;

import java.util.List;

/** An aggregate function the registry can bind to arguments (built-in, or later a user function). */
public interface AggregateFunction {

    String name();

    int minArguments();

    int maxArguments();

    AggregateCall bind(List<Expression> arguments, boolean distinct);

    default String description() {
        return "";
    }
}
