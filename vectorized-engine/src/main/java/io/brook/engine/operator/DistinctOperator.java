package io.brook.engine.operator;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.function.aggregate.StateBytes;
import io.brook.engine.operator.hash.GroupByHash;
import io.brook.engine.query.QueryContext;
import io.brook.engine.types.ArrowMapping;
import io.brook.engine.types.BrookType;
import io.brook.engine.types.TypeParser;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.FieldVector;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * SELECT DISTINCT: passes on the first row of every distinct tuple of the input columns, as a
 * selection over the input chunk (nothing copied). Works the same for bounded and streaming
 * input: a new distinct row goes out as soon as it arrives. A materialized view checkpoints the
 * rows seen so far, so a restored view does not emit them again.
 */
public final class DistinctOperator implements Operator, Checkpointable {
    private final QueryContext context;
    private final Operator downstream;
    private GroupByHash seen;
    private List<BrookType> seenTypes = List.of();
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
                seenTypes = types;
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

    /** The column types, then the distinct rows seen; no sections before the first row. */
    @Override
    public byte[] checkpoint() {
        if (seen == null) {
            return StateBytes.write("distinct");
        }
        byte[][] sections = new byte[seenTypes.size() + 1][];
        for (int index = 0; index < seenTypes.size(); index++) {
            sections[index] = seenTypes.get(index).toString().getBytes(StandardCharsets.UTF_8);
        }
        sections[seenTypes.size()] = seen.serialize();
        return StateBytes.write("distinct", sections);
    }

    @Override
    public void restore(byte[] checkpoint) {
        byte[][] sections = StateBytes.read("distinct", checkpoint);
        if (sections.length == 0) {
            return;
        }
        List<BrookType> types = new ArrayList<>();
        for (int index = 0; index < sections.length - 1; index++) {
            types.add(TypeParser.parse(new String(sections[index], StandardCharsets.UTF_8)));
        }
        try {
            seen = new GroupByHash(types, context.allocator());
            seenTypes = types;
            seen.deserialize(sections[sections.length - 1]);
        } catch (OutOfMemoryException e) {
            throw context.memoryExceeded(e);
        }
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
