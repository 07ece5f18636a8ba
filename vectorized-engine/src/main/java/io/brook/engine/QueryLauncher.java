package io.brook.engine;

import io.brook.engine.operator.ChunkSource;
import io.brook.engine.operator.LimitOperator;
import io.brook.engine.operator.Operator;
import io.brook.engine.plan.QueryPlan;
import io.brook.engine.query.QueryContext;
import io.brook.engine.query.ResultQueue;
import io.brook.engine.query.RunningQuery;
import io.brook.engine.statement.QueryContextFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Starts planned queries on their own threads, applies the statement's row cap and timeout,
 * and keeps the running ones so the engine can stop them all when it closes.
 */
final class QueryLauncher implements AutoCloseable {
    private final QueryContextFactory contexts;
    private final Map<Long, RunningQuery> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers;

    QueryLauncher(QueryContextFactory contexts) {
        this.contexts = contexts;
        this.timers = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("brook-timers").factory());
    }

    ScheduledExecutorService timers() {
        return timers;
    }

    QueryResult start(QueryPlan plan, ExecuteOptions options) {
        QueryContext context = contexts.create(plan.settings());
        ResultQueue results = new ResultQueue();
        Operator head = results;
        ChunkSource source = null;
        try {
            if (options.maxRows() > 0) {
                head = new LimitOperator.Factory(0, options.maxRows()).create(context, head);
            }
            for (int i = plan.operators().size() - 1; i >= 0; i--) {
                head = plan.operators().get(i).create(context, head);
            }
            source = plan.source().open(context);
        } catch (RuntimeException e) {
            head.close();
            context.close();
            throw e;
        }
        long timeout = options.timeoutMillis() > 0 ? options.timeoutMillis() : plan.settings().maxExecutionMillis();
        ScheduledFuture<?>[] timer = new ScheduledFuture<?>[1];
        RunningQuery query = RunningQuery.start(plan.columns(), plan.streaming(), context, source, head, results,
                plan.tickMillis(), () -> {
                    running.remove(context.queryId());
                    if (timer[0] != null) {
                        timer[0].cancel(false);
                    }
                });
        running.put(context.queryId(), query);
        if (timeout > 0) {
            timer[0] = timers.schedule(() -> context.timeOut(timeout), timeout, TimeUnit.MILLISECONDS);
        }
        return query;
    }

    int runningCount() {
        return running.size();
    }

    @Override
    public void close() {
        for (RunningQuery query : running.values()) {
            query.close();
        }
        timers.shutdownNow();
    }
}
