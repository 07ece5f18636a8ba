package io.brook.python.function;

import io.brook.engine.catalog.Column;
import io.brook.engine.external.EngineServices;
import io.brook.engine.function.user.UserFunctionDefinition;
import io.brook.engine.function.user.UserScalarFunction;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.BrookType;
import io.brook.python.bridge.ColumnEncoder;
import io.brook.python.bridge.RowBatchDecoder;
import io.brook.python.module.QueryModule;
import org.apache.arrow.vector.FieldVector;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

import java.util.List;

/**
 * A scalar Python function (SPEC 3.8): one call per chunk with one list per argument, whose
 * result list comes back as one column of the return type, through the same bridge as a Python
 * stream's columns (SPEC 3.7).
 */
final class PythonScalarFunction implements UserScalarFunction {
    private final PythonFunction function;

    private PythonScalarFunction(PythonFunction function) {
        this.function = function;
    }

    static PythonScalarFunction compile(UserFunctionDefinition definition, EngineServices services) {
        return new PythonScalarFunction(PythonFunction.compile(definition, services));
    }

    @Override
    public FieldVector evaluate(QueryContext context, List<FieldVector> arguments, int rowCount, BrookType resultType) {
        Invocation invocation = context.resource(new Key(this, resultType), Invocation.class,
                () -> new Invocation(function, context, resultType));
        return invocation.evaluate(context, arguments, rowCount);
    }

    private record Key(PythonScalarFunction function, BrookType resultType) {
    }

    /** What one query needs to call the function: its module, the callable, the column converters. */
    private static final class Invocation implements AutoCloseable {
        private final QueryModule module;
        private final Value callable;
        private final Value callScalar;
        private final ColumnEncoder encoder;
        private final RowBatchDecoder decoder;
        private final Object[] description;
        private final String what;

        Invocation(PythonFunction function, QueryContext context, BrookType resultType) {
            this.module = function.module(context);
            this.callable = function.callable(module);
            this.callScalar = module.context().bridge("call_scalar");
            List<BrookType> types = function.definition().parameters().stream().map(Column::type).toList();
            this.encoder = new ColumnEncoder(module.context(), types);
            this.decoder = new RowBatchDecoder(List.of(Column.of(function.name(), resultType)),
                    module.context().bridge("pack_column"));
            this.description = decoder.columnDescriptions().getFirst();
            this.what = "function " + function.name();
        }

        FieldVector evaluate(QueryContext context, List<FieldVector> arguments, int rowCount) {
            try {
                Object[] leading = {callable, rowCount, description};
                Value batch = module.run(() -> encoder.call(callScalar, arguments, rowCount, leading));
                List<FieldVector> columns = decoder.decodeColumns(batch, context.allocator());
                return columns.getFirst();
            } catch (PolyglotException e) {
                throw FunctionErrors.translate(module, e, what);
            }
        }

        @Override
        public void close() {
            // the module belongs to the query's FunctionModules, which gives its context back
        }
    }
}
