package io.brook.engine.statement;

import io.brook.engine.StatementResult;
import io.brook.engine.catalog.Column;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.Literal;
import io.brook.engine.operator.Operator;
import io.brook.engine.plan.Parameters;
import io.brook.engine.plan.PlanningContext;
import io.brook.engine.plan.QueryPlan;
import io.brook.engine.query.QueryContext;
import io.brook.engine.query.QueryDriver;
import io.brook.engine.query.RunningStatements;
import io.brook.engine.query.QuerySettings;
import io.brook.engine.plan.SettingValues;
import io.brook.engine.sql.ast.Insert;
import io.brook.engine.types.BrookType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs INSERT into a stream or an external stream. VALUES rows (and JDBC batches) become one
 * chunk, one log entry, one sink call; {@code INSERT ... SELECT} pushes each chunk the query
 * produces through the same conversion into the target. Returns once the data is in the log.
 */
public final class InsertExecutor {
    private final PlanningContext planning;
    private final QueryContextFactory contexts;
    private final RunningStatements running;
    private final ScheduledExecutorService timers;

    public InsertExecutor(PlanningContext planning, QueryContextFactory contexts, RunningStatements running,
                          ScheduledExecutorService timers) {
        this.planning = planning;
        this.contexts = contexts;
        this.running = running;
        this.timers = timers;
    }

    /**
     * Runs the INSERT once per parameter row (one row of {@link Parameters#NONE} for none). It can
     * be cancelled through the session while it runs, and {@code timeoutMillis} (0: none) or the
     * statement's {@code max_execution_time} cancels it with code 394.
     */
    public StatementResult.Update execute(Insert insert, List<Parameters> parameterRows, long timeoutMillis) {
        WriteTarget target = WriteTarget.resolve(planning.catalog(), insert.target().name());
        List<Column> supplied = target.supplied(insert.columns());
        QuerySettings settings = planning.settings().with(SettingValues.of(insert.settings()));
        long timeout = timeoutMillis > 0 ? timeoutMillis : settings.maxExecutionMillis();
        try (QueryContext context = contexts.create(settings);
             RunningStatements.Tracked ignored = running.track(context)) {
            ScheduledFuture<?> timer = timeout <= 0 ? null
                    : timers.schedule(() -> context.timeOut(timeout), timeout, TimeUnit.MILLISECONDS);
            try {
                if (insert.values() != null) {
                    return values(insert, parameterRows, target, supplied, context);
                }
                return select(insert, target, supplied, context);
            } finally {
                if (timer != null) {
                    timer.cancel(false);
                }
            }
        }
    }

    private StatementResult.Update values(Insert insert, List<Parameters> parameterRows, WriteTarget target,
                                          List<Column> supplied, QueryContext context) {
        for (List<io.brook.engine.sql.ast.Expression> row : insert.values()) {
            if (row.size() != supplied.size()) {
                throw new BrookException(ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                        "Number of values (" + row.size() + ") doesn't match number of columns (" + supplied.size() + ")");
            }
        }
        List<BrookType> targetTypes = supplied.stream().map(Column::type).toList();
        Chunk input = new ValuesChunk(planning.functions()).build(insert.values(), parameterRows, targetTypes,
                context.allocator());
        List<BrookType> inputTypes = new ArrayList<>();
        for (int i = 0; i < input.columnCount(); i++) {
            inputTypes.add(io.brook.engine.types.ArrowMapping.type(input.column(i).getField()));
        }
        long rows = input.size();
        // the rows are freed also when the sink fails to open (an external stream's target refuses)
        try (input; Operator sink = sink(target, supplied, inputTypes, context)) {
            sink.push(input);
            sink.finish();
        }
        return new StatementResult.Update(rows);
    }

    private StatementResult.Update select(Insert insert, WriteTarget target, List<Column> supplied, QueryContext context) {
        QueryPlan plan = planning.planner().plan(insert.query(), false);
        List<BrookType> inputTypes = plan.columns().stream().map(Column::type).toList();
        RowCounter counter = new RowCounter(sink(target, supplied, inputTypes, context));
        Operator head = counter;
        for (int i = plan.operators().size() - 1; i >= 0; i--) {
            head = plan.operators().get(i).create(context, head);
        }
        try (var source = plan.source().open(context); Operator pipeline = head) {
            new QueryDriver(source, pipeline, context, plan.tickMillis()).run();
        }
        return new StatementResult.Update(counter.rows());
    }

    private Operator sink(WriteTarget target, List<Column> supplied, List<BrookType> inputTypes, QueryContext context) {
        return target.sink(supplied, inputTypes, planning.functions(), Literal.of(Instant.now(), BrookType.TP_TIME),
                context);
    }

    /** Counts rows on their way to the sink, for the update count of INSERT ... SELECT. */
    private static final class RowCounter implements Operator {
        private final Operator downstream;
        private long rows;

        RowCounter(Operator downstream) {
            this.downstream = downstream;
        }

        long rows() {
            return rows;
        }

        @Override
        public void push(Chunk chunk) {
            rows += chunk.size();
            downstream.push(chunk);
        }

        @Override
        public void finish() {
            downstream.finish();
        }

        @Override
        public void close() {
            downstream.close();
        }
    }
}
