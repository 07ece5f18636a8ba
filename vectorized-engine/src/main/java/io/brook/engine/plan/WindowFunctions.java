package io.brook.engine.plan;

import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.Expression;
import io.brook.engine.sql.ast.Identifier;
import io.brook.engine.sql.ast.IntervalLiteral;
import io.brook.engine.sql.ast.TableFunctionRelation;
import io.brook.engine.stream.StreamSchema;
import io.brook.engine.window.TimeAxis;
import io.brook.engine.window.WindowKind;
import io.brook.engine.window.WindowSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plans {@code tumble(s[, time], size)}, {@code hop(s[, time], slide, size)} and
 * {@code session(s[, time], idle_gap[, max_length])} (SPEC 1.8): the input relation (a stream,
 * an external stream, {@code table(s)} or a subquery) with {@code window_start} and
 * {@code window_end} added to its columns, typed as the time column. The time column defaults to
 * {@code _tp_time}; an argument written as an interval is a length, anything else the time.
 */
final class WindowFunctions {
    /** A session lasts at most this many idle gaps unless max_length says otherwise (as in Timeplus). */
    static final int DEFAULT_SESSION_GAPS = 5;

    private final PlanningContext planning;
    private final RelationPlanner relations;

    WindowFunctions(PlanningContext planning, RelationPlanner relations) {
        this.planning = planning;
        this.relations = relations;
    }

    static boolean isWindow(String lowerName) {
        return lowerName.equals("tumble") || lowerName.equals("hop") || lowerName.equals("session");
    }

    PlannedRelation plan(TableFunctionRelation function, boolean bounded, io.brook.engine.sql.ast.Expression where) {
        String name = function.function().toLowerCase(Locale.ROOT);
        WindowKind kind = WindowKind.valueOf(name.toUpperCase(Locale.ROOT));
        if (function.input() == null) {
            throw new BrookException(ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    name + "() needs a stream as its first argument");
        }
        PlannedRelation input = relations.plan(function.input(), bounded, where);
        if (input.window() != null) {
            throw new BrookException(ErrorCode.BAD_ARGUMENTS, name + "() cannot take another window function as its input");
        }
        List<io.brook.engine.sql.ast.Expression> arguments = function.arguments();
        io.brook.engine.sql.ast.Expression timeArgument = Identifier.of(StreamSchema.TIME_COLUMN);
        List<IntervalLiteral> lengths = new ArrayList<>();
        for (int index = 0; index < arguments.size(); index++) {
            io.brook.engine.sql.ast.Expression argument = arguments.get(index);
            if (argument instanceof IntervalLiteral interval) {
                lengths.add(interval);
            } else if (index == 0) {
                timeArgument = argument;
            } else {
                throw new BrookException(ErrorCode.BAD_ARGUMENTS, "Argument " + (index + 2) + " of " + name
                        + "() must be an interval such as 5s or INTERVAL 5 SECOND");
            }
        }
        int[] allowed = switch (kind) {
            case TUMBLE -> new int[] {1, 1};
            case HOP -> new int[] {2, 2};
            case SESSION -> new int[] {1, 2};
        };
        if (lengths.size() < allowed[0] || lengths.size() > allowed[1]) {
            throw new BrookException(ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH, usage(kind));
        }
        Expression time = planning.binder(input.scope()).bind(timeArgument);
        TimeAxis axis = TimeAxis.of(time.type(), name + "()");
        int startColumn = input.scope().size();
        WindowSpec spec = switch (kind) {
            case TUMBLE -> {
                long size = axis.ticks(lengths.get(0), "tumble()", "window size");
                yield new WindowSpec(kind, time, axis, size, size, 0, startColumn);
            }
            case HOP -> {
                long slide = axis.ticks(lengths.get(0), "hop()", "hop slide");
                long size = axis.ticks(lengths.get(1), "hop()", "window size");
                if (slide > size) {
                    throw new BrookException(ErrorCode.BAD_ARGUMENTS,
                            "The hop slide of hop() must not be longer than its window size");
                }
                yield new WindowSpec(kind, time, axis, size, slide, 0, startColumn);
            }
            case SESSION -> {
                long gap = axis.ticks(lengths.get(0), "session()", "idle gap");
                long maxLength = lengths.size() > 1 ? axis.ticks(lengths.get(1), "session()", "max length")
                        : Math.multiplyExact(gap, DEFAULT_SESSION_GAPS);
                yield new WindowSpec(kind, time, axis, gap, 0, maxLength, startColumn);
            }
        };
        String qualifier = function.alias() != null ? function.alias()
                : input.scope().size() == 0 ? null : input.scope().columns().get(0).qualifier();
        List<ScopeColumn> columns = new ArrayList<>(function.alias() != null
                ? input.scope().requalified(function.alias()).columns() : input.scope().columns());
        columns.add(new ScopeColumn(qualifier, WindowSpec.WINDOW_START, time.type(), true));
        columns.add(new ScopeColumn(qualifier, WindowSpec.WINDOW_END, time.type(), true));
        return new PlannedRelation(input.source(), input.operators(), new Scope(columns), input.streaming(),
                input.tickMillis(), spec);
    }

    private static String usage(WindowKind kind) {
        return switch (kind) {
            case TUMBLE -> "tumble() takes a stream, an optional time column and a window size: tumble(s[, time], 5s)";
            case HOP -> "hop() takes a stream, an optional time column, a slide and a window size: hop(s[, time], 1s, 5s)";
            case SESSION -> "session() takes a stream, an optional time column, an idle gap and an optional max length:"
                    + " session(s[, time], 5s[, 1m])";
        };
    }
}
