package io.brook.engine.plan;

import io.brook.engine.catalog.Catalog;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.query.QuerySettings;

/**
 * What planning one statement needs: the catalog, the functions, the statement's settings and
 * parameters, and whether its text mentions {@code _tp_sn} (only then do stream reads add it).
 */
public final class PlanningContext {
    private final Catalog catalog;
    private final FunctionRegistry functions;
    private final SystemTables systemTables;
    private final QuerySettings settings;
    private final Parameters parameters;
    private final boolean mentionsSequence;
    private final QueryPlanner planner;
    private final String database;

    public PlanningContext(Catalog catalog, FunctionRegistry functions, SystemTables systemTables,
                           QuerySettings settings, Parameters parameters, String sql, String database) {
        this(catalog, functions, systemTables, settings, parameters,
                sql.contains(io.brook.engine.stream.StreamSchema.SEQUENCE_COLUMN), database);
    }

    private PlanningContext(Catalog catalog, FunctionRegistry functions, SystemTables systemTables,
                            QuerySettings settings, Parameters parameters, boolean mentionsSequence, String database) {
        this.database = database;
        this.catalog = catalog;
        this.functions = functions;
        this.systemTables = systemTables;
        this.settings = settings;
        this.parameters = parameters;
        this.mentionsSequence = mentionsSequence;
        this.planner = new QueryPlanner(this);
    }

    /** The session's current database (USE), where unqualified names in FROM are looked up. */
    public String database() {
        return database;
    }

    public Catalog catalog() {
        return catalog;
    }

    public FunctionRegistry functions() {
        return functions;
    }

    public SystemTables systemTables() {
        return systemTables;
    }

    public QuerySettings settings() {
        return settings;
    }

    public Parameters parameters() {
        return parameters;
    }

    boolean mentionsSequence() {
        return mentionsSequence;
    }

    public QueryPlanner planner() {
        return planner;
    }

    /** This context with the query's own SETTINGS on top. */
    public PlanningContext withSettings(QuerySettings querySettings) {
        return new PlanningContext(catalog, functions, systemTables, querySettings, parameters, mentionsSequence, database);
    }

    ExpressionBinder binder(Scope scope) {
        return new ExpressionBinder(scope, functions, parameters);
    }
}
