package io.brook.engine.function;

import io.brook.engine.expr.Expression;

import java.util.List;

/**
 * A scalar function the registry can bind: it checks its argument types, inserts the implicit
 * conversions it needs and returns a bound expression. The registry has already checked the
 * argument count and folds the result when every argument is constant.
 */
public interface ScalarFunction {

    String name();

    int minArguments();

    /** {@link Integer#MAX_VALUE} for variadic functions. */
    int maxArguments();

    Expression bind(List<Expression> arguments, FunctionRegistry registry);

    /** One line for SHOW FUNCTIONS. */
    default String description() {
        return "";
    }

    /** Binds typed arguments; {@code name} is the name the function was registered under. */
    @FunctionalInterface
    interface Binder {
        Expression bind(String name, List<Expression> arguments, FunctionRegistry registry);
    }

    static ScalarFunction of(String name, int minArguments, int maxArguments, Binder binder) {
        return new ScalarFunction() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int minArguments() {
                return minArguments;
            }

            @Override
            public int maxArguments() {
                return maxArguments;
            }

            @Override
            public Expression bind(List<Expression> arguments, FunctionRegistry registry) {
                return binder.bind(name, arguments, registry);
            }
        };
    }
}
