package io.brook.python.function;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.external.EngineServices;
import io.brook.engine.function.user.UserFunctionDefinition;
import io.brook.engine.query.QueryContext;
import io.brook.python.module.InjectedGlobals;
import io.brook.python.module.PythonBody;
import io.brook.python.module.QueryModule;
import io.brook.python.runtime.PythonContext;
import io.brook.python.runtime.PythonRuntime;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Python function's body as checked at CREATE (SPEC 3.8): it compiles, and it defines the SQL
 * name at its top level: a function for a scalar, a class for an aggregate, whose methods (as
 * far as the body shows them) are known.
 */
final class PythonFunction {
    /** Stands in the method list when a base class comes from outside the body. */
    private static final String UNKNOWN_BASE = "*";

    private final UserFunctionDefinition definition;
    private final PythonBody body;
    private final PythonRuntime runtime;
    private final EngineServices services;
    private final List<String> methods;

    private PythonFunction(UserFunctionDefinition definition, PythonBody body, PythonRuntime runtime,
                           EngineServices services, List<String> methods) {
        this.definition = definition;
        this.body = body;
        this.runtime = runtime;
        this.services = services;
        this.methods = methods;
    }

    static PythonFunction compile(UserFunctionDefinition definition, EngineServices services) {
        PythonRuntime runtime = PythonRuntime.of(services);
        String kind = definition.aggregate() ? "aggregate function" : "function";
        String name = definition.name();
        PythonBody body = PythonBody.compile(runtime, kind, name, definition.body(), Map.of());
        Value shape;
        List<String> methods = new ArrayList<>();
        String shapeKind;
        PythonContext context = runtime.lease();
        try {
            shape = context.bridge("function_shape").execute(body.source(), body.filename(), name);
            shapeKind = shape.isNull() ? null : shape.getArrayElement(0).asString();
            if (shapeKind != null) {
                Value names = shape.getArrayElement(1);
                for (long i = 0; i < names.getArraySize(); i++) {
                    methods.add(names.getArrayElement(i).asString());
                }
            }
        } catch (PolyglotException e) {
            throw new BrookException(ErrorCode.SYNTAX_ERROR, "Python error in the body of " + kind + " " + name
                    + ": " + e.getMessage(), e);
        } finally {
            runtime.release(context);
        }
        if (shapeKind == null) {
            throw new BrookException(ErrorCode.UNKNOWN_FUNCTION, "NameError: name '" + name
                    + "' is not defined at the top level of the body of " + kind + " " + name + " (the body must define "
                    + (definition.aggregate() ? "class " + name + " with process and finalize methods)"
                    : "def " + name + "(...) taking one list per argument)"));
        }
        if (definition.aggregate()) {
            checkAggregateClass(name, shapeKind, methods);
        } else if (shapeKind.equals("class")) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS, "Python function " + name + " is a class: a scalar function"
                    + " needs def " + name + "(...) returning a list (a class is for CREATE AGGREGATE FUNCTION)");
        }
        return new PythonFunction(definition, body, runtime, services, List.copyOf(methods));
    }

    private static void checkAggregateClass(String name, String shapeKind, List<String> methods) {
        if (!shapeKind.equals("class")) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS, "Python aggregate function " + name
                    + " must be a class: class " + name + " with process(self, values...) and finalize(self) methods");
        }
        if (methods.contains(UNKNOWN_BASE)) {
            return; // a base class from an import: its methods are checked when a query makes the first state
        }
        for (String required : List.of("process", "finalize")) {
            if (!methods.contains(required)) {
                throw new BrookException(ErrorCode.BAD_ARGUMENTS, "Python aggregate function class " + name
                        + " has no " + required + " method (it needs process(self, values...) and finalize(self))");
            }
        }
    }

    UserFunctionDefinition definition() {
        return definition;
    }

    String name() {
        return definition.name();
    }

    PythonBody body() {
        return body;
    }

    /** True when the body's class shows the method, or may inherit it from a base defined elsewhere. */
    boolean mayHave(String method) {
        return methods.contains(method) || methods.contains(UNKNOWN_BASE);
    }

    static Map<String, Object> globals(EngineServices services) {
        return InjectedGlobals.of(services);
    }

    /** The query's module of this function (made with the query's first call of any Python function). */
    QueryModule module(QueryContext query) {
        return FunctionModules.of(query, runtime, services).module(this);
    }

    /** The module's object of the SQL name: the function, or the aggregate's class. */
    Value callable(QueryModule module) {
        Value value = module.function(definition.name());
        if (value == null) {
            throw new BrookException(ErrorCode.UNKNOWN_FUNCTION, "NameError: name '" + definition.name()
                    + "' is not callable in the body of function " + definition.name());
        }
        return value;
    }
}
