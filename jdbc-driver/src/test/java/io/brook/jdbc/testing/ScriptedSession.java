package io.brook.jdbc.testing;

import io.brook.engine.EngineMetadata;
import io.brook.engine.ExecuteOptions;
import io.brook.engine.StatementResult;
import io.brook.engine.catalog.Column;
import io.brook.jdbc.meta.EngineSession;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An engine session whose answers the test scripts: each SQL text maps to a function that
 * makes its result (or throws its failure). Every call is recorded for the test to inspect.
 */
public final class ScriptedSession implements EngineSession {
    private volatile int runningStatementCancels;

    public record Call(String sql, List<?> parameters, ExecuteOptions options) {
    }

    public record BatchCall(String sql, List<List<?>> rows, ExecuteOptions options) {
    }

    private final Map<String, Function<List<?>, StatementResult>> answers = new HashMap<>();
    private final Map<String, List<Column>> descriptions = new HashMap<>();
    private final Map<String, RuntimeException> prepareFailures = new HashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<BatchCall> batches = new CopyOnWriteArrayList<>();
    private EngineMetadata metadata = new CatalogSnapshot(List.of("default", "system"), List.of(), List.of());
    private volatile boolean closed;

    public ScriptedSession answer(String sql, Function<List<?>, StatementResult> answer) {
        answers.put(sql, answer);
        return this;
    }

    public ScriptedSession describe(String sql, List<Column> columns) {
        descriptions.put(sql, columns);
        return this;
    }

    /** Preparing {@code sql} fails with {@code failure}, as a syntax error would. */
    public ScriptedSession failPrepare(String sql, RuntimeException failure) {
        prepareFailures.put(sql, failure);
        return this;
    }

    public ScriptedSession metadata(EngineMetadata value) {
        metadata = value;
        return this;
    }

    public List<Call> calls() {
        return calls;
    }

    public List<BatchCall> batches() {
        return batches;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public StatementResult execute(String sql, List<?> parameters, ExecuteOptions options) {
        calls.add(new Call(sql, new ArrayList<>(parameters), options));
        Function<List<?>, StatementResult> answer = answers.get(sql);
        if (answer == null) {
            throw new IllegalStateException("No scripted answer for " + sql);
        }
        return answer.apply(parameters);
    }

    @Override
    public long[] executeBatch(String sql, List<List<?>> parameterRows, ExecuteOptions options) {
        batches.add(new BatchCall(sql, parameterRows, options));
        long[] counts = new long[parameterRows.size()];
        java.util.Arrays.fill(counts, 1);
        return counts;
    }

    @Override
    public void cancelRunningStatements() {
        runningStatementCancels++;
    }

    /** How often the driver asked to cancel statements that had no result set. */
    public int runningStatementCancels() {
        return runningStatementCancels;
    }

    @Override
    public int parameterCount(String sql) {
        if (prepareFailures.containsKey(sql)) {
            throw prepareFailures.get(sql);
        }
        return (int) sql.chars().filter(c -> c == '?').count();
    }

    @Override
    public List<Column> describe(String sql) {
        return descriptions.getOrDefault(sql, List.of());
    }

    @Override
    public EngineMetadata metadata() {
        return metadata;
    }

    @Override
    public void close() {
        closed = true;
    }
}
