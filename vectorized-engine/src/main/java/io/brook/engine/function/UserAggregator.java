package io.brook.engine.function;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.function.aggregate.GroupedAggregator;
import io.brook.engine.function.user.UserAggregateFunction;
import io.brook.engine.function.user.UserAggregateGroups;
import io.brook.engine.operator.ChunkCompactor;
import io.brook.engine.query.QueryContext;
import org.apache.arrow.vector.FieldVector;

import java.util.ArrayList;
import java.util.List;

/**
 * A user aggregate call's states. Each chunk's live rows are ordered by group (a counting sort),
 * gathered once into dense columns, and handed over in one call with the group runs, so the
 * function's language is entered once per chunk, not once per group.
 */
final class UserAggregator implements GroupedAggregator {
    private final UserAggregateGroups groups;
    private final QueryContext context;
    private int groupCount;

    UserAggregator(UserAggregateFunction function, QueryContext context) {
        this.groups = function.newGroups(context);
        this.context = context;
    }

    @Override
    public void ensureGroups(int count) {
        groupCount = Math.max(groupCount, count);
    }

    @Override
    public void add(FieldVector[] arguments, Chunk rows, int[] groupIds) {
        int count = rows.size();
        if (count == 0) {
            return;
        }
        int[] sizes = new int[groupCount + 1];
        for (int row = 0; row < count; row++) {
            sizes[(groupIds == null ? 0 : groupIds[row]) + 1]++;
        }
        int[] runGroups = new int[Math.min(groupCount, count)];
        int[] runStarts = new int[runGroups.length + 1];
        int[] next = new int[groupCount];
        int runs = 0;
        int position = 0;
        for (int group = 0; group < groupCount; group++) {
            int size = sizes[group + 1];
            if (size > 0) {
                runGroups[runs] = group;
                runStarts[runs++] = position;
                next[group] = position;
                position += size;
            }
        }
        runStarts[runs] = position;
        int[] ordered = new int[count];
        for (int row = 0; row < count; row++) {
            ordered[next[groupIds == null ? 0 : groupIds[row]]++] = rows.position(row);
        }
        List<FieldVector> dense = new ArrayList<>(arguments.length);
        try {
            for (FieldVector argument : arguments) {
                dense.add(ChunkCompactor.gather(argument, ordered, count, context.allocator()));
            }
            groups.process(dense, runGroups, runStarts, runs);
        } finally {
            dense.forEach(FieldVector::close);
        }
    }

    @Override
    public void write(int[] groupIds, int from, int count, FieldVector output) {
        groups.finalizeInto(groupIds, from, count, output);
    }

    @Override
    public byte[] serialize(int count) {
        return groups.serialize(count);
    }

    @Override
    public void deserialize(byte[] data, int count) {
        ensureGroups(count);
        groups.deserialize(data, count);
    }

    @Override
    public void close() {
        groups.close();
    }
}
