package io.brook.engine.plan;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.operator.ChunkSource;
import io.brook.engine.query.QueryContext;
import org.apache.arrow.vector.BitVector;

import java.util.List;

/** The source of a SELECT without FROM: one row with no columns the query can name. */
final class SingleRowSource implements ChunkSource {
    private final QueryContext context;
    private boolean done;

    private SingleRowSource(QueryContext context) {
        this.context = context;
    }

    static PlannedRelation relation() {
        SourcePlan plan = new SourcePlan() {
            @Override
            public ChunkSource open(QueryContext context) {
                return new SingleRowSource(context);
            }

            @Override
            public String describe() {
                return "one row";
            }
        };
        return new PlannedRelation(plan, List.of(), Scope.empty(), false, 0);
    }

    @Override
    public Chunk next(long maxWaitNanos) {
        if (done) {
            return null;
        }
        done = true;
        // A placeholder column gives the chunk its one physical row.
        BitVector placeholder = new BitVector("dummy", context.allocator());
        placeholder.allocateNew(1);
        placeholder.setValueCount(1);
        return Chunk.of(List.of(placeholder), 1);
    }

    @Override
    public boolean isFinished() {
        return done;
    }

    @Override
    public String describe() {
        return "one row";
    }

    @Override
    public void close() {
    }
}
