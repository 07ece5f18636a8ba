package io.brook.engine.function;

import io.brook.engine.expr.Expression;
import io.brook.engine.expr.FunctionCall;
import io.brook.engine.expr.NullHandling;
import io.brook.engine.function.aggregate.AggregateCall;
import io.brook.engine.function.aggregate.AggregateFunction;
import io.brook.engine.function.scalar.CastFunctions;
import io.brook.engine.function.user.UserAggregateFunction;
import io.brook.engine.function.user.UserFunctionDefinition;
import io.brook.engine.function.user.UserScalarFunction;
import io.brook.engine.types.BrookType;

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
        return new ScalarFunction() {
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
            public String description() {
                return definition.signature();
            }

            @Override
            public Expression bind(List<Expression> arguments, FunctionRegistry registry) {
                List<Expression> converted = convertArguments(definition, arguments, registry);
                // user code may be impure and decides its own NULLs, so it is neither folded nor null-propagated;
                // it sees None for NULL and may return None wherever an argument may be NULL, or
                // anywhere when the declared result is nullable
                BrookType declared = definition.returnType();
                BrookType result = declared.withNullable(declared.nullable() || Arguments.anyNullable(converted));
                return FunctionCall.of(definition.name(), converted, result, new UserScalarKernel(function, result))
                        .withNullHandling(NullHandling.KERNEL)
                        .nondeterministic();
            }
        };
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
            public String description() {
                return definition.signature();
            }

            @Override
            public AggregateCall bind(List<Expression> arguments, boolean distinct) {
                List<Expression> converted = convertArguments(definition, arguments, null);
                AggregateCall call = AggregateCall.of(definition.name(), converted, distinct, definition.returnType(),
                        context -> new UserAggregator(function, context));
                String problem = function.checkpointProblem();
                return problem == null ? call : call.withCheckpointProblem(problem);
            }
        };
    }

    /** The arguments converted to the parameter types (NULLs kept); folded when {@code registry} is given. */
    private static List<Expression> convertArguments(UserFunctionDefinition definition, List<Expression> arguments,
                                                     FunctionRegistry registry) {
        List<Expression> converted = new ArrayList<>(arguments.size());
        for (int index = 0; index < arguments.size(); index++) {
            BrookType declared = definition.parameters().get(index).type();
            Expression argument = arguments.get(index);
            BrookType wanted = declared.withNullable(declared.nullable() || argument.type().nullable());
            Expression cast = argument.type().equals(wanted) ? argument : CastFunctions.convert(argument, wanted, false);
            converted.add(registry == null ? cast : registry.fold(cast));
        }
        return converted;
    }
}
