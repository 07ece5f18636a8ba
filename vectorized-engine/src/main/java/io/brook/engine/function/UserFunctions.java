package io.brook.engine.function;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.Expression;
import io.brook.engine.expr.FunctionCall;
import io.brook.engine.expr.NullHandling;
import io.brook.engine.function.aggregate.AggregateCall;
import io.brook.engine.function.aggregate.AggregateFunction;
import io.brook.engine.function.user.UserAggregateFunction;
import io.brook.engine.function.user.UserFunctionDefinition;
import io.brook.engine.function.user.UserScalarFunction;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes compiled user functions ({@code CREATE FUNCTION ... LANGUAGE PYTHON}) callable like
 * built-ins: arguments are converted to the declared parameter types, the function sees dense
 * columns of one chunk (or of one group, for aggregates), and results land at the chunk's
 * positions. Register the results with {@link FunctionRegistry#register}.
 */
public final class UserFunctions {
    private UserFunctions() {
    }

    public static ScalarFunction scalar(UserFunctionDefinition definition, UserScalarFunction function) {
        int count = definition.parameters().size();
        return ScalarFunction.of(definition.name(), count, count, (name, arguments, registry) -> {
            List<Expression> converted = convertArguments(definition, arguments, registry);
            // user code may be impure and decides its own NULLs, so it is neither folded nor null-propagated
            return FunctionCall.of(name, converted, definition.returnType(), new UserScalarKernel(function))
                    .withNullHandling(NullHandling.KERNEL)
                    .nondeterministic();
        });
    }

    public static AggregateFunction aggregate(UserFunctionDefinition definition, UserAggregateFunction function) {
        int count = definition.parameters().size();
        return new AggregateFunction() {
            @Override
            public String name() {
                return definition.name();
            }

            @Override
            public int minArguments() {
                return count;
            }

            @Override
            public int maxArguments() {
                return count;
            }

            @Override
            public AggregateCall bind(List<Expression> arguments, boolean distinct) {
                for (int index = 0; index < arguments.size(); index++) {
                    if (!arguments.get(index).type().base().equals(definition.parameters().get(index).type().base())) {
                        throw new BrookException(ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT, "Illegal type " + arguments.get(index).type()
                                + " of argument of function " + definition.name() + ", expected "
                                + definition.parameters().get(index).type());
                    }
                }
                return AggregateCall.of(definition.name(), arguments, distinct, definition.returnType(),
                        context -> new UserAggregator(function, context));
            }
        };
    }

    private static List<Expression> convertArguments(UserFunctionDefinition definition, List<Expression> arguments,
                                                     FunctionRegistry registry) {
        List<Expression> converted = new ArrayList<>(arguments.size());
        for (int index = 0; index < arguments.size(); index++) {
            converted.add(Arguments.convert(arguments.get(index), definition.parameters().get(index).type(), registry));
        }
        return converted;
    }
}
