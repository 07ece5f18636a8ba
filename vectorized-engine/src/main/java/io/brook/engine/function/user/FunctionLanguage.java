package io.brook.engine.function.user;

import io.brook.engine.external.EngineServices;

/**
 * A language user-defined functions are written in ({@code LANGUAGE PYTHON}). Implementations
 * are found with {@link java.util.ServiceLoader}; the engine knows none of them by name.
 */
public interface FunctionLanguage {

    /** The name after LANGUAGE, matched case-insensitively. */
    String name();

    /**
     * Checks and compiles a scalar function at CREATE FUNCTION and at catalog reload; fails
     * with a message naming what is wrong with the body.
     */
    UserScalarFunction compileScalar(UserFunctionDefinition definition, EngineServices services);

    /** Checks and compiles an aggregate function at CREATE AGGREGATE FUNCTION and at reload. */
    UserAggregateFunction compileAggregate(UserFunctionDefinition definition, EngineServices services);
}
