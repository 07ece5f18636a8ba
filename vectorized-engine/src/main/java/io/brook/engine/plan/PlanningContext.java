package io.brook.engine.plan;

import io.brook.engine.catalog.Catalog;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.query.QuerySettings;

/**
 * What planning one statement needs: the catalog, the functions, the statement's settings and
 * parameters, and its text, to tell which virtual columns it mentions: only those are read ({@code _tp_sn}
 * of a stream, the metadata columns of an external stream).
 */
public final class PlanningContext {
    private final Catalog catalog;
    private final FunctionRegistry functions;
    private final SystemTables systemTables;
    private final QuerySettings settings;
    private final Parameters parameters;
    /** The statement's text; {@link #lowerText} is it in lower case, made on first use (an INSERT of many VALUES never needs it). */
    private final String text;
    private String lowerText;
    private final QueryPlanner planner;
    private final String database;

    public PlanningContext(Catalog catalog, FunctionRegistry functions, SystemTables systemTables,
                           QuerySettings settings, Parameters parameters, String sql, String database) {
        this.database = database;
        this.catalog = catalog;
        this.functions = functions;
        this.systemTables = systemTables;
        this.settings = settings;
        this.parameters = parameters;
        this.text = sql;
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
        return mentions(io.brook.engine.stream.StreamSchema.SEQUENCE_COLUMN);
    }

    /** Whether the statement's text contains {@code name} anywhere, ignoring case: may read a column of that name. */
    boolean mentions(String name) {
        if (lowerText == null) {
            lowerText = text.toLowerCase(java.util.Locale.ROOT);
        }
        return lowerText.contains(name.toLowerCase(java.util.Locale.ROOT));
    }

    public QueryPlanner planner() {
        return planner;
    }

    /** This context with the query's own SETTINGS on top. */
    public PlanningContext withSettings(QuerySettings querySettings) {
        return new PlanningContext(catalog, functions, systemTables, querySettings, parameters, text, database);
    }

    ExpressionBinder binder(Scope scope) {
        return new ExpressionBinder(scope, functions, parameters);
    }
}
