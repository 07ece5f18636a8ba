package io.brook.engine.operator;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.operator.hash.GroupByHash;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.ArrowMapping;
import io.brook.engine.types.BrookType;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.FieldVector;

import java.util.ArrayList;
import java.util.List;

/**
 * SELECT DISTINCT: passes on the first row of every distinct tuple of the input columns, as a
 * selection over the input chunk (nothing copied). Works the same for bounded and streaming
 * input: a new distinct row goes out as soon as it arrives.
 */
public final class DistinctOperator implements Operator {
    private final QueryContext context;
    private final Operator downstream;
    private GroupByHash seen;
    private int[] groupIds = new int[0];

    public DistinctOperator(QueryContext context, Operator downstream) {
        this.context = context;
        this.downstream = downstream;
    }

    @Override
    public void push(Chunk chunk) {
        context.checkAlive();
        if (chunk.isEmpty()) {
            return;
        }
        try {
            if (seen == null) {
                List<BrookType> types = new ArrayList<>();
                for (int column = 0; column < chunk.columnCount(); column++) {
                    types.add(ArrowMapping.type(chunk.column(column).getField()));
                }
                seen = new GroupByHash(types, context.allocator());
            }
            if (groupIds.length < chunk.size()) {
                groupIds = new int[chunk.size()];
            }
            FieldVector[] columns = new FieldVector[chunk.columnCount()];
            for (int column = 0; column < columns.length; column++) {
                columns[column] = chunk.column(column);
            }
            int before = seen.groupCount();
            seen.groupIds(columns, chunk, groupIds);
            int[] positions = new int[seen.groupCount() - before];
            int next = before;
            for (int row = 0; row < chunk.size(); row++) {
                if (groupIds[row] == next) {
                    positions[next - before] = chunk.position(row);
                    next++;
                }
            }
            if (positions.length == 0) {
                return;
            }
            try (Chunk distinct = chunk.withSelection(positions, positions.length)) {
                downstream.push(distinct);
            }
        } catch (OutOfMemoryException e) {
            throw context.memoryExceeded(e);
        }
    }

    @Override
    public void finish() {
        downstream.finish();
    }

    @Override
    public void tick(long nowMillis) {
        downstream.tick(nowMillis);
    }

    @Override
    public void close() {
        try {
            if (seen != null) {
                seen.close();
            }
        } finally {
            downstream.close();
        }
    }

    /** Plans SELECT DISTINCT over all columns of its input. */
    public static final class Factory implements OperatorFactory {
        @Override
        public Operator create(QueryContext context, Operator downstream) {
            return new DistinctOperator(context, downstream);
        }

        @Override
        public String describe() {
            return "Distinct";
        }
    }
}
