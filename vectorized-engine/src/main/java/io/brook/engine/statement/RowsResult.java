package io.brook.engine.statement;

import io.brook.engine.QueryResult;
import io.brook.engine.catalog.Column;
import io.brook.engine.chunk.Chunk;
import io.brook.engine.operator.ChunkBuilder;
import org.apache.arrow.memory.BufferAllocator;

import java.util.List;

/**
 * A small, already computed result (SHOW, DESCRIBE, EXPLAIN, system tables): rows built into
 * one chunk up front and handed out once.
 */
public final class RowsResult implements QueryResult {
    private final List<Column> columns;
    private Chunk chunk;
    private boolean finished;

    private RowsResult(List<Column> columns, Chunk chunk) {
        this.columns = List.copyOf(columns);
        this.chunk = chunk;
    }

    /** {@code rows} hold one Java value per column, of the classes literals use. */
    public static RowsResult of(List<Column> columns, List<List<Object>> rows, BufferAllocator allocator) {
        return new RowsResult(columns, chunk(columns, rows, allocator));
    }

    public static Chunk chunk(List<Column> columns, List<List<Object>> rows, BufferAllocator allocator) {
        return ChunkBuilder.of(columns.stream().map(Column::name).toList(),
                columns.stream().map(Column::type).toList(), rows, allocator);
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public synchronized Chunk next(long maxWaitNanos) {
        Chunk next = chunk;
        chunk = null;
        finished = true;
        return next;
    }

    @Override
    public synchronized boolean isFinished() {
        return finished;
    }

    @Override
    public void cancel() {
    }

    @Override
    public synchronized void close() {
        if (chunk != null) {
            chunk.close();
            chunk = null;
        }
        finished = true;
    }
}
