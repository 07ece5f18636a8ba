package io.brook.engine.plan;

import io.brook.engine.expr.Expression;
import io.brook.engine.expr.ExpressionTrees;
import io.brook.engine.function.aggregate.AggregateCall;
import io.brook.engine.operator.ChunkSource;
import io.brook.engine.operator.FilterOperator;
import io.brook.engine.operator.OperatorFactory;
import io.brook.engine.operator.aggregation.EmitPolicy;
import io.brook.engine.operator.aggregation.HashAggregationOperator;
import io.brook.engine.query.QueryContext;
import io.brook.engine.stream.ParallelAggregationSource;

import java.util.ArrayList;
import java.util.List;

/**
 * A bounded aggregation straight over a stream's stored rows ({@code SELECT k, sum(v) FROM
 * table(s) [WHERE ...] GROUP BY k}) planned as one source: the scan is split between up to
 * {@code max_threads} threads, each filtering and aggregating its share, and the shares are merged.
 * The rest of the query (HAVING, the projection, ORDER BY, LIMIT) follows as usual.
 *
 * <p>How many threads is decided when the query starts, from the rows stored then: one per
 * {@link #MIN_ROWS_PER_THREAD} rows at most, so small scans stay on the query's own thread.
 */
record ParallelAggregation(StreamSource scan, Expression where, List<Expression> keys, List<AggregateCall> calls)
        implements SourcePlan {
    /** Below this many rows a thread costs more to start than it saves. */
    static final long MIN_ROWS_PER_THREAD = 100_000;

    ParallelAggregation {
        keys = List.copyOf(keys);
        calls = List.copyOf(calls);
    }

    /**
     * True when {@code source} and the aggregation allow it: a bounded scan of a stream with no
     * other steps before the aggregation than the WHERE filter, results only at the end, every
     * aggregate mergeable, and no user-defined function (not known to be safe on several threads).
     */
    static boolean applies(PlannedRelation relation, Expression where, List<Expression> keys,
                           List<AggregateCall> calls, EmitPolicy policy) {
        if (!(relation.source() instanceof StreamSource stream) || !stream.bounded() || !relation.operators().isEmpty()
                || !(policy instanceof EmitPolicy.OnFinish)) {
            return false;
        }
        List<Expression> expressions = new ArrayList<>(keys);
        if (where != null) {
            expressions.add(where);
        }
        for (AggregateCall call : calls) {
            if (!call.mergeable()) {
                return false;
            }
            expressions.addAll(call.arguments());
        }
        return expressions.stream().noneMatch(ExpressionTrees::runsUserCode);
    }

    @Override
    public ChunkSource open(QueryContext context) {
        long rows = scan.stream().log().rowCount();
        int threads = (int) Math.max(1, Math.min(context.settings().maxThreads(), rows / MIN_ROWS_PER_THREAD));
        List<OperatorFactory> steps = where == null ? List.of() : List.of(new FilterOperator.Factory(where));
        return new ParallelAggregationSource(scan.stream(), scan.start(), scan.withSequence(), steps, keys, calls,
                threads, context);
    }

    @Override
    public List<String> streams() {
        return scan.streams();
    }

    @Override
    public String describe() {
        return scan.describe() + ", split between up to max_threads threads";
    }

    @Override
    public List<String> steps() {
        List<String> lines = new ArrayList<>();
        if (where != null) {
            lines.add(new FilterOperator.Factory(where).describe());
        }
        lines.add(new HashAggregationOperator.Factory(keys, calls, EmitPolicy.onFinish()).describe()
                + ", each thread its share, then merged");
        return lines;
    }
}
