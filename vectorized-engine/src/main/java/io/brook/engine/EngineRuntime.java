package io.brook.engine;

import io.brook.engine.catalog.Catalog;
import io.brook.engine.catalog.Column;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.external.EngineServices;
import io.brook.engine.external.ExternalStreamTypes;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.function.user.FunctionLanguages;
import io.brook.engine.function.user.UserFunctionDdl;
import io.brook.storage.catalog.CatalogEntry;
import io.brook.engine.plan.Parameters;
import io.brook.engine.plan.PlanningContext;
import io.brook.engine.plan.SystemTables;
import io.brook.engine.sql.SqlParser;
import io.brook.engine.sql.ast.Insert;
import io.brook.engine.sql.ast.Query;
import io.brook.engine.sql.ast.Statement;
import io.brook.engine.statement.ExternalStreamDdl;
import io.brook.engine.statement.QueryContextFactory;
import io.brook.engine.statement.StreamDdl;
import io.brook.engine.stream.StreamStore;
import io.brook.engine.view.MaterializedViews;
import io.brook.storage.ChronicleSettings;
import io.brook.storage.catalog.CatalogStore;
import io.brook.storage.checkpoint.CheckpointStore;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Engine internals behind the facade: storage, catalog, planner and running queries. */
final class EngineRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EngineRuntime.class);
    private static final long RETENTION_PERIOD_MILLIS = 1_000;

    private final EngineConfig config;
    private final Path dataDirectory;
    private final BufferAllocator allocator;
    private final Catalog catalog;
    private final FunctionRegistry functions;
    private final SystemTables systemTables = new SystemTables();
    private final ExternalStreamTypes externalTypes;
    private final FunctionLanguages functionLanguages;
    private final StreamDdl streamDdl;
    private final ExternalStreamDdl externalStreamDdl;
    private final UserFunctionDdl functionDdl;
    private final EngineServiceRegistry services;
    private final QueryContextFactory contexts;
    private final QueryLauncher queries;
    private final MetadataView metadata;
    private final MaterializedViews views;
    private final StatementRouter router;

    private EngineRuntime(EngineConfig config, Path dataDirectory) {
        this.config = config;
        this.dataDirectory = dataDirectory;
        this.allocator = new RootAllocator(config.maxMemoryBytes());
        this.catalog = new Catalog(CatalogStore.open(dataDirectory.resolve("catalog.json")));
        this.functions = new FunctionRegistry();
        ClassLoader loader = EngineRuntime.class.getClassLoader();
        this.externalTypes = ExternalStreamTypes.load(loader);
        this.functionLanguages = FunctionLanguages.load(loader);
        this.streamDdl = new StreamDdl(catalog, new StreamStore(dataDirectory), functions);
        this.services = new EngineServiceRegistry(systemTables);
        this.externalStreamDdl = new ExternalStreamDdl(catalog, externalTypes, streamDdl, services);
        this.functionDdl = new UserFunctionDdl(catalog, functions, functionLanguages, services);
        this.contexts = new QueryContextFactory(allocator);
        this.queries = new QueryLauncher(contexts);
        this.metadata = new MetadataView(catalog, functions, systemTables);
        this.views = new MaterializedViews(catalog, functions, systemTables, streamDdl, contexts,
                CheckpointStore.open(dataDirectory.resolve("checkpoints")));
        this.router = new StatementRouter(this);
        CoreSystemTables.register(systemTables, metadata, catalog);
        externalTypes.attachAll(services);
    }

    EngineServices.LocalApiUser enableLocalApiUser() {
        return services.enableLocalApiUser();
    }

    static EngineRuntime start(EngineConfig config) {
        ChronicleSettings.disableTelemetry();
        Path directory = config.inMemory() ? temporaryDirectory(config.memoryName()) : config.dataDirectory();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new BrookException(ErrorCode.CANNOT_OPEN_FILE, "Cannot create data directory " + directory, e);
        }
        EngineRuntime runtime = new EngineRuntime(config, directory);
        runtime.replayCatalog();
        runtime.views.startAll();
        runtime.queries.timers().scheduleWithFixedDelay(runtime::applyRetention,
                RETENTION_PERIOD_MILLIS, RETENTION_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        return runtime;
    }

    private static Path temporaryDirectory(String name) {
        try {
            return Files.createTempDirectory("brook-mem-" + name.replaceAll("[^A-Za-z0-9_-]", "_") + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Re-creates every persisted object from its DDL: user functions first (a function replaced
     * keeps its place, so it may stand after a view that calls it), then the rest in creation
     * order (views after what they read). External streams come back through their type's
     * reopen, which does not need the remote end to answer, and stay in the catalog even when
     * that fails (see {@link ExternalStreamDdl}); any other object that cannot be restored is
     * logged and left out for this run, its definition kept for the next.
     */
    private void replayCatalog() {
        List<CatalogEntry> entries = new ArrayList<>();
        catalog.persistedEntries().stream().filter(entry -> entry.kind().equals(Catalog.KIND_FUNCTION)).forEach(entries::add);
        catalog.persistedEntries().stream().filter(entry -> !entry.kind().equals(Catalog.KIND_FUNCTION)).forEach(entries::add);
        for (var entry : entries) {
            try {
                Statement statement = SqlParser.parse(entry.definition());
                switch (statement) {
                    case io.brook.engine.sql.ast.CreateFunction create -> functionDdl.create(create, entry.definition(), true);
                    case io.brook.engine.sql.ast.CreateStream create -> streamDdl.create(create, entry.definition(), true);
                    case io.brook.engine.sql.ast.CreateExternalStream create ->
                            externalStreamDdl.create(create, entry.definition(), true, entry.properties());
                    case io.brook.engine.sql.ast.CreateMaterializedView create ->
                            views.create(create, entry.definition(), true);
                    default -> LOG.warn("Catalog entry {} holds an unexpected statement", entry.name());
                }
            } catch (RuntimeException e) {
                LOG.error("Could not restore {} {} from the catalog: {}", entry.kind(), entry.name(), e.getMessage());
            }
        }
    }

    private void applyRetention() {
        long now = System.currentTimeMillis();
        for (var stream : catalog.streams()) {
            try {
                stream.log().applyRetention(now);
            } catch (RuntimeException e) {
                LOG.warn("Retention of stream {} failed: {}", stream.name(), e.getMessage());
            }
        }
    }

    StatementResult execute(SessionState state, String sql, List<?> parameters, ExecuteOptions options) {
        return guarded(() -> router.route(state, SqlParser.parse(sql), sql, List.of(new Parameters(parameters)), options));
    }

    /**
     * Runs a statement once per parameter row. An INSERT ... VALUES becomes one write of all
     * rows; other statements run row by row. Returns the update count of each row.
     */
    long[] executeBatch(SessionState state, String sql, List<? extends List<?>> parameterRows, ExecuteOptions options) {
        return guarded(() -> {
            Statement statement = SqlParser.parse(sql);
            long[] counts = new long[parameterRows.size()];
            if (statement instanceof Insert insert && insert.values() != null && !parameterRows.isEmpty()) {
                List<Parameters> rows = new ArrayList<>(parameterRows.size());
                for (List<?> row : parameterRows) {
                    rows.add(new Parameters(row));
                }
                router.route(state, statement, sql, rows, options);
                java.util.Arrays.fill(counts, insert.values().size());
                return counts;
            }
            for (int i = 0; i < counts.length; i++) {
                StatementResult result = router.route(state, statement, sql,
                        List.of(new Parameters(parameterRows.get(i))), options);
                if (result instanceof QueryResult query) {
                    query.close();
                    throw new BrookException(ErrorCode.BAD_ARGUMENTS, "A batch cannot run a query");
                }
                counts[i] = ((StatementResult.Update) result).count();
            }
            return counts;
        });
    }

    int parameterCount(String sql) {
        return guarded(() -> ParameterCounter.count(SqlParser.parse(sql)));
    }

    List<Column> describe(SessionState state, String sql) {
        return guarded(() -> {
            Statement statement = SqlParser.parse(sql);
            if (!(statement instanceof Query query)) {
                return List.of();
            }
            return planning(state, Parameters.UNBOUND, sql).planner().plan(query, false).columns();
        });
    }

    PlanningContext planning(SessionState state, Parameters parameters, String sql) {
        return new PlanningContext(catalog, functions, systemTables, state.settings(), parameters, sql, state.database());
    }

    private static <T> T guarded(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (BrookException e) {
            throw e;
        } catch (org.apache.arrow.memory.OutOfMemoryException e) {
            throw new BrookException(ErrorCode.MEMORY_LIMIT_EXCEEDED, "Memory limit exceeded: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure", e);
            throw new BrookException(ErrorCode.LOGICAL_ERROR, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    EngineConfig config() {
        return config;
    }

    EngineMetadata metadata() {
        return metadata;
    }

    BufferAllocator allocator() {
        return allocator;
    }

    QueryLauncher queries() {
        return queries;
    }

    QueryContextFactory contexts() {
        return contexts;
    }

    StreamDdl streamDdl() {
        return streamDdl;
    }

    ExternalStreamDdl externalStreamDdl() {
        return externalStreamDdl;
    }

    MaterializedViews views() {
        return views;
    }

    UserFunctionDdl functionDdl() {
        return functionDdl;
    }

    @Override
    public void close() {
        views.close();
        queries.close();
        for (var stream : catalog.streams()) {
            stream.close();
        }
        for (var external : catalog.externalStreams()) {
            external.stream().close();
        }
        services.close();
        try {
            allocator.close();
        } catch (IllegalStateException leak) {
            LOG.warn("Engine closed with memory still allocated: {}", leak.getMessage());
        }
        if (config.inMemory()) {
            DirectoryRemover.remove(dataDirectory);
        }
    }
}
