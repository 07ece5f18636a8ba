package io.brook.engine;

import io.brook.engine.catalog.Column;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.plan.Parameters;
import io.brook.engine.plan.PlanningContext;
import io.brook.engine.plan.QueryPlan;
import io.brook.engine.plan.SettingValues;
import io.brook.engine.sql.ast.CreateExternalStream;
import io.brook.engine.sql.ast.CreateFunction;
import io.brook.engine.sql.ast.CreateMaterializedView;
import io.brook.engine.sql.ast.CreateStream;
import io.brook.engine.sql.ast.Describe;
import io.brook.engine.sql.ast.DropFunction;
import io.brook.engine.sql.ast.DropStream;
import io.brook.engine.sql.ast.DropView;
import io.brook.engine.sql.ast.Explain;
import io.brook.engine.sql.ast.Insert;
import io.brook.engine.sql.ast.Query;
import io.brook.engine.sql.ast.SetStatement;
import io.brook.engine.sql.ast.ShowDatabases;
import io.brook.engine.sql.ast.ShowFunctions;
import io.brook.engine.sql.ast.ShowMaterializedViews;
import io.brook.engine.sql.ast.ShowStreams;
import io.brook.engine.sql.ast.Statement;
import io.brook.engine.sql.ast.SystemViewCommand;
import io.brook.engine.sql.ast.Use;
import io.brook.engine.statement.CatalogQueries;
import io.brook.engine.statement.InsertExecutor;
import io.brook.engine.statement.RowsResult;
import io.brook.engine.types.BrookType;
import io.brook.engine.view.MaterializedViews;

import java.util.ArrayList;
import java.util.List;

/** Sends each parsed statement to the component that runs it. */
final class StatementRouter {
    private static final List<Column> EXPLAIN = List.of(Column.of("explain", BrookType.STRING));

    private final EngineRuntime runtime;

    StatementRouter(EngineRuntime runtime) {
        this.runtime = runtime;
    }

    StatementResult route(SessionState session, Statement statement, String sql, List<Parameters> parameterRows,
                          ExecuteOptions options) {
        PlanningContext planning = runtime.planning(session, parameterRows.getFirst(), sql);
        CatalogQueries queries = new CatalogQueries(runtime.metadata());
        return switch (statement) {
            case Query query -> runtime.queries().start(planning.planner().plan(query, false), options);
            case Insert insert -> new InsertExecutor(planning, runtime.contexts(), session.running(), runtime.queries().timers())
                    .execute(insert, parameterRows, options.timeoutMillis());
            case CreateStream create -> done(() -> runtime.streamDdl().create(create, sql, false));
            case DropStream drop -> done(() -> runtime.streamDdl().drop(drop));
            case CreateExternalStream create -> done(() -> runtime.externalStreamDdl().create(create, sql, false));
            case ShowStreams ignored -> rows(CatalogQueries.SHOW_STREAMS, queries.showStreams());
            case ShowDatabases ignored -> rows(CatalogQueries.SHOW_DATABASES, queries.showDatabases());
            case ShowFunctions ignored -> rows(CatalogQueries.SHOW_FUNCTIONS, queries.showFunctions());
            case Describe describe -> rows(CatalogQueries.DESCRIBE, queries.describe(describe.name()));
            case Explain explain -> explain(explain, planning);
            case Use use -> done(() -> use(session, use));
            case SetStatement set -> done(() -> session.set(set.name(), SettingValues.text(set.value())));
            case CreateFunction create -> done(() -> runtime.functionDdl().create(create, sql, false));
            case DropFunction drop -> done(() -> runtime.functionDdl().drop(drop));
            case CreateMaterializedView create -> done(() -> runtime.views().create(create, sql, false));
            case DropView drop -> done(() -> runtime.views().drop(drop));
            case SystemViewCommand command -> done(() -> runtime.views().command(command));
            case ShowMaterializedViews ignored -> rows(MaterializedViews.SHOW, runtime.views().show());
        };
    }

    private StatementResult explain(Explain explain, PlanningContext planning) {
        if (!(explain.statement() instanceof Query query)) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS, "EXPLAIN works on queries");
        }
        QueryPlan plan = planning.planner().plan(query, false);
        List<List<Object>> rows = new ArrayList<>();
        for (String line : plan.explain()) {
            rows.add(List.of(line));
        }
        return rows(EXPLAIN, rows);
    }

    private static void use(SessionState session, Use use) {
        if (!List.of(io.brook.engine.catalog.Catalog.DEFAULT_DATABASE, io.brook.engine.catalog.Catalog.SYSTEM_DATABASE)
                .contains(use.database())) {
            throw new BrookException(ErrorCode.UNKNOWN_DATABASE, "Database " + use.database() + " doesn't exist");
        }
        session.useDatabase(use.database());
    }

    private StatementResult rows(List<Column> columns, List<List<Object>> rows) {
        return RowsResult.of(columns, rows, runtime.allocator());
    }

    private static StatementResult done(Runnable action) {
        action.run();
        return new StatementResult.Update(0);
    }
}
