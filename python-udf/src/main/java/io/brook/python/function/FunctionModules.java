package io.brook.python.function;

import io.brook.engine.external.EngineServices;
import io.brook.engine.query.QueryContext;
import io.brook.python.module.QueryModule;
import io.brook.python.runtime.PythonContext;
import io.brook.python.runtime.PythonRuntime;

import java.util.HashMap;
import java.util.Map;

/**
 * The Python user functions of one query: one leased context for all of them, with a fresh
 * module per function made from its body on first use (SPEC 3.2 holds for functions too).
 * Released when the query ends.
 */
final class FunctionModules implements AutoCloseable {
    private static final Object KEY = new Object();

    private final PythonRuntime runtime;
    private final EngineServices services;
    private final QueryContext query;
    private final PythonContext context;
    private final Map<PythonFunction, QueryModule> modules = new HashMap<>();

    private FunctionModules(PythonRuntime runtime, EngineServices services, QueryContext query) {
        this.runtime = runtime;
        this.services = services;
        this.query = query;
        this.context = runtime.lease();
    }

    /** The query's modules (made with its first Python function call). */
    static FunctionModules of(QueryContext query, PythonRuntime runtime, EngineServices services) {
        return query.resource(KEY, FunctionModules.class, () -> new FunctionModules(runtime, services, query));
    }

    /** The query's module of {@code function}. */
    synchronized QueryModule module(PythonFunction function) {
        QueryModule module = modules.get(function);
        if (module == null) {
            module = QueryModule.openIn(runtime, context, function.body(), PythonFunction.globals(services), query);
            modules.put(function, module);
        }
        return module;
    }

    @Override
    public synchronized void close() {
        modules.values().forEach(QueryModule::close);
        modules.clear();
        runtime.release(context);
    }
}
