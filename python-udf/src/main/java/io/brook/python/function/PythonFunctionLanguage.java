package io.brook.python.function;

import io.brook.engine.external.EngineServices;
import io.brook.engine.function.user.FunctionLanguage;
import io.brook.engine.function.user.UserAggregateFunction;
import io.brook.engine.function.user.UserFunctionDefinition;
import io.brook.engine.function.user.UserScalarFunction;

/** {@code LANGUAGE PYTHON}: user functions on the engine's GraalPy runtime (SPEC 3.8). */
public final class PythonFunctionLanguage implements FunctionLanguage {

    @Override
    public String name() {
        return "python";
    }

    @Override
    public UserScalarFunction compileScalar(UserFunctionDefinition definition, EngineServices services) {
        return PythonScalarFunction.compile(definition, services);
    }

    @Override
    public UserAggregateFunction compileAggregate(UserFunctionDefinition definition, EngineServices services) {
        return PythonAggregateFunction.compile(definition, services);
    }
}
