package io.brook.engine.statement;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.operator.ChunkCompactor;
import io.brook.engine.operator.Operator;
import io.brook.engine.query.QueryContext;
import io.brook.engine.stream.StreamTable;

/** The last operator of an INSERT or view into a stream: each chunk becomes one log entry. */
public final class AppendOperator implements Operator {
    private final StreamTable stream;
    private final QueryContext context;

    public AppendOperator(StreamTable stream, QueryContext context) {
        this.stream = stream;
        this.context = context;
    }

    @Override
    public void push(Chunk chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        try (Chunk dense = ChunkCompactor.compact(chunk, context.allocator())) {
            stream.append(dense);
        }
    }

    @Override
    public void finish() {
    }

    @Override
    public void close() {
    }
}
