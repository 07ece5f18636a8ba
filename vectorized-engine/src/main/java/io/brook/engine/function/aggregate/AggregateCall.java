package io.brook.engine.function.aggregate;

import io.brook.engine.expr.Expression;
import io.brook.engine.types.BrookType;
import io.brook.engine.query.QueryContext;

import java.util.List;
import java.util.StringJoiner;

/**
 * A bound aggregate call such as {@code sum(x)} or {@code count(DISTINCT y)}: its arguments,
 * result type, and a factory for its grouped state. When {@code distinct} is set the aggregation
 * operator passes each (group, argument values) combination to the state only once; uniq and
 * count_distinct are bound as a distinct count. A {@code mergeable} call's states can be filled
 * from parts of the input on several threads and then {@link GroupedAggregator#merge merged}.
 * {@code checkpointProblem} is null when the states can be kept in a materialized view's
 * checkpoints, else why they cannot (a user function without serialize/deserialize).
 */
public record AggregateCall(String name, List<Expression> arguments, boolean distinct, BrookType type,
                            Factory factory, String text, boolean mergeable, String checkpointProblem) {

    /** Creates the grouped state of one aggregate call. */
    @FunctionalInterface
    public interface Factory {
        GroupedAggregator create(QueryContext context);
    }

    public AggregateCall {
        arguments = List.copyOf(arguments);
    }

    public static AggregateCall of(String name, List<Expression> arguments, boolean distinct, BrookType type, Factory factory) {
        StringJoiner joiner = new StringJoiner(", ", name + "(" + (distinct ? "DISTINCT " : ""), ")");
        arguments.forEach(argument -> joiner.add(argument.describe()));
        return new AggregateCall(name, arguments, distinct, type, factory, joiner.toString(), false, null);
    }

    /**
     * This call, marked as having states that merge. Not for DISTINCT calls: their distinct
     * filters do not merge.
     */
    public AggregateCall withMergeableStates() {
        return new AggregateCall(name, arguments, distinct, type, factory, text, !distinct, checkpointProblem);
    }

    /** This call, marked as having states that cannot be checkpointed, for the reason given. */
    public AggregateCall withCheckpointProblem(String problem) {
        return new AggregateCall(name, arguments, distinct, type, factory, text, mergeable, problem);
    }

    /** The first checkpoint problem among {@code calls}, or null when they all checkpoint. */
    public static String checkpointProblem(List<AggregateCall> calls) {
        for (AggregateCall call : calls) {
            if (call.checkpointProblem() != null) {
                return call.checkpointProblem();
            }
        }
        return null;
    }

    public GroupedAggregator createAggregator(QueryContext context) {
        return factory.create(context);
    }

    /** SQL-like text for EXPLAIN and result column names. */
    public String describe() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
