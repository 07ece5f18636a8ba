package io.brook.engine.view;

import io.brook.engine.catalog.Column;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.operator.OperatorFactory;
import io.brook.engine.plan.PlanningContext;
import io.brook.engine.plan.QueryPlan;
import io.brook.engine.sql.ast.CreateMaterializedView;
import io.brook.engine.sql.ast.Select;
import io.brook.engine.statement.StreamDdl;
import io.brook.engine.statement.TargetColumns;
import io.brook.engine.statement.WriteTarget;
import io.brook.engine.stream.StreamSchema;
import io.brook.engine.types.BrookType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Plans and checks CREATE MATERIALIZED VIEW before anything changes: the query must be
 * streaming and unlimited, and every result column must go to a target column of the same name
 * that can take its type (SPEC 5.1).
 */
final class ViewPlanner {
    private ViewPlanner() {
    }

    static ViewPlan plan(CreateMaterializedView create, String name, ViewSettings settings, PlanningContext planning) {
        Select select = (Select) create.query();
        if (select.limit() != null || select.offset() != null) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS,
                    "A materialized view cannot have LIMIT or OFFSET: it runs until it is dropped");
        }
        QueryPlan query = planning.planner().plan(select, false);
        if (!query.streaming()) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS,
                    "A materialized view needs a streaming query: read the stream itself, not table()");
        }
        for (OperatorFactory operator : query.operators()) {
            String problem = operator.checkpointProblem();
            if (problem != null) {
                throw new BrookException(ErrorCode.BAD_ARGUMENTS, "Materialized view " + name
                        + " cannot keep its state in checkpoints: " + problem);
            }
        }
        List<String> names = query.columns().stream().map(Column::name).toList();
        List<BrookType> types = query.columns().stream().map(Column::type).toList();
        FunctionRegistry functions = planning.functions();
        if (create.into() != null) {
            String into = StreamDdl.checkedName(create.into());
            if (query.source().streams().contains(into)) {
                throw new BrookException(ErrorCode.BAD_ARGUMENTS,
                        "Materialized view " + name + " cannot write into " + into + ", which it reads");
            }
            WriteTarget target = WriteTarget.resolve(planning.catalog(), into);
            target.projection(target.supplied(names), types, functions, WriteTarget.clock(functions));
            return new ViewPlan(name, query, settings, into, null);
        }
        List<Column> own = ownColumns(query.columns());
        StreamSchema schema = new StreamSchema(own);
        List<Column> supplied = TargetColumns.supplied(name, schema.stored(), schema.declared(), names);
        TargetColumns.projection(schema.stored(), supplied, types, functions, WriteTarget.clock(functions));
        return new ViewPlan(name, query, settings, null, own);
    }

    /**
     * The columns of the stream a view without INTO owns: its result columns, except that a
     * {@code _tp_time} result fills the stream's own {@code _tp_time}.
     */
    private static List<Column> ownColumns(List<Column> output) {
        List<Column> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Column column : output) {
            if (!seen.add(column.name())) {
                throw new BrookException(ErrorCode.DUPLICATE_COLUMN, "Column " + column.name()
                        + " appears twice in the view's results: give one of them another name (AS ...)");
            }
            if (column.name().equals(StreamSchema.TIME_COLUMN)) {
                continue;
            }
            if (StreamSchema.RESERVED.contains(column.name())) {
                throw new BrookException(ErrorCode.ILLEGAL_COLUMN, "Column name " + column.name()
                        + " is reserved: give the view's column another name (AS ...)");
            }
            columns.add(Column.of(column.name(), column.type()));
        }
        return columns;
    }
}
