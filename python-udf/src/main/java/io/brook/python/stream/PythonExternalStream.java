package io.brook.python.stream;

import io.brook.engine.catalog.Column;
import io.brook.engine.external.EngineServices;
import io.brook.engine.external.ExternalSink;
import io.brook.engine.external.ExternalStream;
import io.brook.engine.external.ExternalStreamDefinition;
import io.brook.engine.external.ReadOptions;
import io.brook.engine.operator.ChunkSource;
import io.brook.engine.query.QueryContext;
import io.brook.python.module.PythonBody;
import io.brook.python.module.InjectedGlobals;
import io.brook.python.module.QueryModule;
import io.brook.python.runtime.PythonRuntime;

import java.util.List;

/** A created Python external stream: every read and write gets its own module (SPEC 3.2). */
final class PythonExternalStream implements ExternalStream {
    private final ExternalStreamDefinition definition;
    private final PythonStreamSettings settings;
    private final PythonBody body;
    private final PythonRuntime runtime;
    private final EngineServices services;

    PythonExternalStream(ExternalStreamDefinition definition, PythonStreamSettings settings, PythonBody body,
                         PythonRuntime runtime, EngineServices services) {
        this.definition = definition;
        this.settings = settings;
        this.body = body;
        this.runtime = runtime;
        this.services = services;
    }

    @Override
    public List<Column> columns() {
        return definition.columns();
    }

    @Override
    public ChunkSource openSource(QueryContext context, ReadOptions options) {
        return PythonSource.start(this, context);
    }

    @Override
    public ExternalSink openSink(QueryContext context) {
        return PythonSink.open(this, context);
    }

    String name() {
        return definition.name();
    }

    PythonStreamSettings settings() {
        return settings;
    }

    /** Steps 1 and 2 of SPEC 3.2: a fresh module with the local API globals when there is a user. */
    QueryModule newModule(QueryContext context) {
        return QueryModule.open(runtime, body, InjectedGlobals.of(services), context);
    }
}
