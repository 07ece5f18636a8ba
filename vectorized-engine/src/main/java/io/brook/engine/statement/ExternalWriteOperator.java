package io.brook.engine.statement;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.external.ExternalSink;
import io.brook.engine.operator.ChunkCompactor;
import io.brook.engine.operator.Operator;
import io.brook.engine.query.QueryContext;

/** The last operator of an INSERT or view into an external stream: one sink write per chunk, dense. */
public final class ExternalWriteOperator implements Operator {
    private final ExternalSink sink;
    private final QueryContext context;

    public ExternalWriteOperator(ExternalSink sink, QueryContext context) {
        this.sink = sink;
        this.context = context;
    }

    @Override
    public void push(Chunk chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        try (Chunk dense = ChunkCompactor.compact(chunk, context.allocator())) {
            sink.write(dense);
        }
    }

    @Override
    public void finish() {
        sink.finish();
    }

    @Override
    public void close() {
        sink.close();
    }
}
