package io.brook.engine.plan;

import io.brook.engine.catalog.Catalog;
import io.brook.engine.catalog.Column;
import io.brook.engine.catalog.ExternalStreamEntry;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.external.ReadOptions;
import io.brook.engine.sql.ast.NamedRelation;
import io.brook.engine.sql.ast.QualifiedName;
import io.brook.engine.sql.ast.Relation;
import io.brook.engine.sql.ast.SubqueryRelation;
import io.brook.engine.sql.ast.TableFunctionRelation;
import io.brook.engine.stream.StreamSchema;
import io.brook.engine.stream.StreamTable;
import io.brook.storage.log.LogStart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Plans a FROM clause: a stream (tailed, or scanned inside {@code table()}), an external
 * stream, a system table, or a subquery. Decides where a streaming read starts (SPEC 1.4):
 * {@code seek_to}, else a lower bound on {@code _tp_time} in WHERE, else the end of the log.
 */
final class RelationPlanner {
    private final PlanningContext planning;

    RelationPlanner(PlanningContext planning) {
        this.planning = planning;
    }

    PlannedRelation plan(Relation relation, boolean bounded, io.brook.engine.sql.ast.Expression where) {
        return switch (relation) {
            case NamedRelation named -> named(named.name(), named.alias(), bounded, where);
            case TableFunctionRelation function -> tableFunction(function, bounded, where);
            case SubqueryRelation subquery -> subquery(subquery, bounded);
            default -> throw new BrookException(ErrorCode.NOT_IMPLEMENTED, "JOIN is not supported");
        };
    }

    private PlannedRelation tableFunction(TableFunctionRelation function, boolean bounded,
                                          io.brook.engine.sql.ast.Expression where) {
        String name = function.function().toLowerCase(Locale.ROOT);
        if (WindowFunctions.isWindow(name)) {
            return new WindowFunctions(planning, this).plan(function, bounded, where);
        }
        if (!name.equals("table")) {
            throw new BrookException(ErrorCode.UNKNOWN_FUNCTION, "Unknown table function " + function.function());
        }
        Relation input = function.input();
        if (input == null) {
            throw new BrookException(ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "table() needs a stream as its argument");
        }
        PlannedRelation planned = plan(input, true, where);
        return function.alias() == null ? planned : requalify(planned, function.alias());
    }

    private PlannedRelation subquery(SubqueryRelation subquery, boolean bounded) {
        QueryPlan inner = planning.planner().plan(subquery.query(), bounded);
        Scope scope = Scope.of(subquery.alias(), inner.columns(), List.of());
        return new PlannedRelation(inner.source(), inner.operators(), scope, inner.streaming(), inner.tickMillis());
    }

    private PlannedRelation named(QualifiedName name, String alias, boolean bounded,
                                  io.brook.engine.sql.ast.Expression where) {
        String qualifier = alias != null ? alias : name.name();
        String database = name.database() != null ? name.database() : planning.database();
        if (Catalog.SYSTEM_DATABASE.equals(database)) {
            return planning.systemTables().plan(name.name(), qualifier);
        }
        if (database != null && !Catalog.DEFAULT_DATABASE.equals(database)) {
            throw new BrookException(ErrorCode.UNKNOWN_DATABASE, "Database " + database + " doesn't exist");
        }
        boolean boundedRead = bounded || planning.settings().tableMode();
        String read = planning.catalog().readName(name.name());
        StreamTable stream = planning.catalog().stream(read);
        if (stream != null) {
            return stream(stream, qualifier, boundedRead, where);
        }
        ExternalStreamEntry external = planning.catalog().externalStream(read);
        if (external != null) {
            Scope scope = Scope.of(qualifier, external.stream().columns(), external.stream().virtualColumns());
            ReadOptions options = new ReadOptions(boundedRead, planning.settings().seekTo(),
                    externalTimeBound(external, scope, where))
                    .withUnreadColumns(external.stream().virtualColumns().stream()
                            .filter(column -> !planning.mentions(column)).collect(java.util.stream.Collectors.toSet()));
            return new PlannedRelation(new ExternalSource(external, options), List.of(), scope, !boundedRead, 0);
        }
        throw Catalog.unknownStream(name.name());
    }

    private PlannedRelation stream(StreamTable stream, String qualifier, boolean bounded,
                                   io.brook.engine.sql.ast.Expression where) {
        boolean withSequence = planning.mentionsSequence();
        List<Column> columns = new ArrayList<>(stream.schema().stored());
        if (withSequence) {
            columns.add(Column.of(StreamSchema.SEQUENCE_COLUMN, io.brook.engine.types.BrookType.INT64));
        }
        Scope scope = Scope.of(qualifier, columns, List.of(StreamSchema.SEQUENCE_COLUMN));
        LogStart start = bounded ? LogStart.earliest() : streamingStart(scope, where);
        StreamSource source = new StreamSource(stream, start, bounded, withSequence);
        return new PlannedRelation(source, List.of(), scope, !bounded, 0);
    }

    /** The WHERE's lower bound on {@code _tp_time}, for an external stream that has that column. */
    private OptionalLong externalTimeBound(ExternalStreamEntry external, Scope scope,
                                           io.brook.engine.sql.ast.Expression where) {
        boolean hasTime = external.stream().columns().stream()
                .anyMatch(column -> column.name().equals(StreamSchema.TIME_COLUMN));
        if (where == null || !hasTime) {
            return OptionalLong.empty();
        }
        return TimeBound.lowerBoundMillis(where, planning.binder(scope));
    }

    private LogStart streamingStart(Scope scope, io.brook.engine.sql.ast.Expression where) {
        String seekTo = planning.settings().seekTo();
        if (seekTo != null) {
            if (seekTo.equalsIgnoreCase("earliest")) {
                return LogStart.earliest();
            }
            if (!seekTo.equalsIgnoreCase("latest")) {
                throw new BrookException(ErrorCode.INVALID_SETTING_VALUE, "Invalid value '" + seekTo
                        + "' for setting seek_to: a stream starts at 'earliest' or 'latest' (positions are for external streams)");
            }
            return LogStart.latest();
        }
        if (where != null) {
            OptionalLong bound = TimeBound.lowerBoundMillis(where, planning.binder(scope));
            if (bound.isPresent()) {
                return bound.getAsLong() <= 0 ? LogStart.earliest() : LogStart.fromTime(bound.getAsLong());
            }
        }
        return LogStart.latest();
    }

    static PlannedRelation requalify(PlannedRelation planned, String alias) {
        return new PlannedRelation(planned.source(), planned.operators(), planned.scope().requalified(alias),
                planned.streaming(), planned.tickMillis(), planned.window());
    }
}
