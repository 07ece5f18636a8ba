package io.brook.python.system;

import io.brook.engine.catalog.Column;
import io.brook.engine.plan.SystemTable;
import io.brook.engine.types.BrookType;
import io.brook.python.runtime.PythonRuntime;

import java.util.List;
import java.util.function.Supplier;

/**
 * {@code system.python}: one row describing the engine's Python runtime (started by the first
 * read of this table if no Python object started it before).
 */
public final class PythonSystemTable implements SystemTable {
    private static final List<Column> COLUMNS = List.of(
            Column.of("runtime", BrookType.STRING),
            Column.of("graalpy_version", BrookType.STRING),
            Column.of("python_version", BrookType.STRING),
            Column.of("jit", BrookType.BOOL),
            Column.of("compiler", BrookType.STRING),
            Column.of("pool_size", BrookType.INT64),
            Column.of("idle_contexts", BrookType.INT64),
            Column.of("leased_contexts", BrookType.INT64),
            Column.of("contexts_created", BrookType.INT64),
            Column.of("output", BrookType.STRING));

    private final Supplier<PythonRuntime> runtime;

    public PythonSystemTable(Supplier<PythonRuntime> runtime) {
        this.runtime = runtime;
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<List<Object>> rows() {
        PythonRuntime python = runtime.get();
        return List.of(List.of("GraalPy", python.graalPyVersion(), python.pythonVersion(), python.isCompiled(),
                python.implementationName(), (long) python.poolSize(), (long) python.idleContexts(),
                (long) python.leasedContexts(), (long) python.contextsCreated(),
                python.config().output().name().toLowerCase(java.util.Locale.ROOT)));
    }
}
