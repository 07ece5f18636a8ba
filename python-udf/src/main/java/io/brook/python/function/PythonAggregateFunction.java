package io.brook.python.function;

import io.brook.engine.catalog.Column;
import io.brook.engine.external.EngineServices;
import io.brook.engine.function.user.UserAggregateFunction;
import io.brook.engine.function.user.UserAggregateGroups;
import io.brook.engine.function.user.UserFunctionDefinition;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;
import io.brook.python.bridge.ColumnEncoder;
import io.brook.python.bridge.RowBatchDecoder;
import io.brook.python.module.QueryModule;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

import java.util.List;

/**
 * An aggregate Python function (SPEC 3.8): a class with {@code process} and {@code finalize},
 * one instance per group; {@code serialize}/{@code deserialize} let a materialized view keep
 * the instances in its checkpoints.
 */
final class PythonAggregateFunction implements UserAggregateFunction {
    private final PythonFunction function;

    private PythonAggregateFunction(PythonFunction function) {
        this.function = function;
    }

    static PythonAggregateFunction compile(UserFunctionDefinition definition, EngineServices services) {
        return new PythonAggregateFunction(PythonFunction.compile(definition, services));
    }

    @Override
    public UserAggregateGroups newGroups(QueryContext context) {
        Shared shared = context.resource(this, Shared.class, () -> new Shared(function, context));
        return new PythonAggregateGroups(shared, shared.newGroups());
    }

    @Override
    public String checkpointProblem() {
        if (function.mayHave("serialize") && function.mayHave("deserialize")) {
            return null;
        }
        return "the Python class of aggregate function " + function.name()
                + " has no serialize(self) and deserialize(self, data) methods, so its states cannot be saved";
    }

    /** What every aggregate call of the function in one query shares: module, class, converters. */
    static final class Shared implements AutoCloseable {
        final QueryModule module;
        final Value cls;
        final ColumnEncoder encoder;
        final RowBatchDecoder decoder;
        final Object[] description;
        final Value process;
        final Value finalizeGroups;
        final Value serialize;
        final Value deserialize;
        final String name;

        Shared(PythonFunction function, QueryContext context) {
            this.module = function.module(context);
            this.cls = function.callable(module);
            List<BrookType> types = function.definition().parameters().stream().map(Column::type).toList();
            this.encoder = new ColumnEncoder(module.context(), types);
            this.decoder = new RowBatchDecoder(List.of(Column.of(function.name(), function.definition().returnType())),
                    module.context().bridge("pack_column"));
            this.description = decoder.columnDescriptions().getFirst();
            this.process = module.context().bridge("process_groups");
            this.finalizeGroups = module.context().bridge("finalize_groups");
            this.serialize = module.context().bridge("serialize_groups");
            this.deserialize = module.context().bridge("deserialize_groups");
            this.name = function.name();
        }

        Value newGroups() {
            try {
                return module.run(() -> module.context().bridge("new_groups").execute(cls));
            } catch (PolyglotException e) {
                throw FunctionErrors.translate(module, e, "aggregate function " + name);
            }
        }

        @Override
        public void close() {
            // the module belongs to the query's FunctionModules, which gives its context back
        }
    }
}
