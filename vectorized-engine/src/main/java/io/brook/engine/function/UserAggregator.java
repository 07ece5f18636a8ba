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
        Runs runs = groupIds == null ? Runs.single(rows) : groupCount <= 4L * count
                ? Runs.counted(rows, groupIds, groupCount) : Runs.sorted(rows, groupIds);
        List<FieldVector> dense = new ArrayList<>(arguments.length);
        try {
            for (FieldVector argument : arguments) {
                dense.add(ChunkCompactor.gather(argument, runs.positions, count, context.allocator()));
            }
            groups.process(dense, runs.groups, runs.starts, runs.count);
        } finally {
            dense.forEach(FieldVector::close);
        }
    }

    /**
     * A chunk's live rows ordered by group: the physical positions, and per run its group and
     * where it starts. Counting sort when the groups are few for the chunk, else a sort of the
     * (group, row) pairs, so a chunk costs the same whatever the total number of groups.
     */
    private record Runs(int[] positions, int[] groups, int[] starts, int count) {

        static Runs single(Chunk rows) {
            int[] positions = new int[rows.size()];
            for (int row = 0; row < positions.length; row++) {
                positions[row] = rows.position(row);
            }
            return new Runs(positions, new int[] {0}, new int[] {0, positions.length}, 1);
        }

        static Runs counted(Chunk rows, int[] groupIds, int groupCount) {
            int count = rows.size();
            int[] sizes = new int[groupCount];
            for (int row = 0; row < count; row++) {
                sizes[groupIds[row]]++;
            }
            int[] groups = new int[Math.min(groupCount, count)];
            int[] starts = new int[groups.length + 1];
            int[] next = new int[groupCount];
            int runs = 0;
            int position = 0;
            for (int group = 0; group < groupCount; group++) {
                if (sizes[group] > 0) {
                    groups[runs] = group;
                    starts[runs++] = position;
                    next[group] = position;
                    position += sizes[group];
                }
            }
            starts[runs] = position;
            int[] positions = new int[count];
            for (int row = 0; row < count; row++) {
                positions[next[groupIds[row]]++] = rows.position(row);
            }
            return new Runs(positions, groups, starts, runs);
        }

        static Runs sorted(Chunk rows, int[] groupIds) {
            int count = rows.size();
            long[] pairs = new long[count];
            for (int row = 0; row < count; row++) {
                pairs[row] = ((long) groupIds[row] << 32) | row;
            }
            java.util.Arrays.sort(pairs);
            int[] positions = new int[count];
            int[] groups = new int[count];
            int[] starts = new int[count + 1];
            int runs = 0;
            int previous = -1;
            for (int index = 0; index < count; index++) {
                int group = (int) (pairs[index] >>> 32);
                positions[index] = rows.position((int) pairs[index]);
                if (group != previous) {
                    groups[runs] = group;
                    starts[runs++] = index;
                    previous = group;
                }
            }
            starts[runs] = count;
            return new Runs(positions, groups, starts, runs);
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
