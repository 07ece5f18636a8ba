package io.brook.engine.function;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.function.aggregate.GroupedAggregator;
import io.brook.engine.function.user.UserAggregateFunction;
import io.brook.engine.function.user.UserAggregateState;
import io.brook.engine.operator.ChunkCompactor;
import io.brook.engine.query.QueryContext;
import org.apache.arrow.vector.FieldVector;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A user aggregate function's states, one object per group (the SPI is per group by design).
 * Each chunk is split by group and each group's rows reach its state as dense columns, once.
 */
final class UserAggregator implements GroupedAggregator {
    private final UserAggregateFunction function;
    private final QueryContext context;
    private final List<UserAggregateState> states = new ArrayList<>();

    UserAggregator(UserAggregateFunction function, QueryContext context) {
        this.function = function;
        this.context = context;
    }

    @Override
    public void ensureGroups(int groupCount) {
        while (states.size() < groupCount) {
            states.add(function.newState(context));
        }
    }

    @Override
    public void add(FieldVector[] arguments, Chunk rows, int[] groupIds) {
        int count = rows.size();
        int groups = states.size();
        int[] sizes = new int[groups + 1];
        for (int row = 0; row < count; row++) {
            sizes[(groupIds == null ? 0 : groupIds[row]) + 1]++;
        }
        int[] starts = new int[groups + 1];
        for (int group = 0; group < groups; group++) {
            starts[group + 1] = starts[group] + sizes[group + 1];
        }
        int[] ordered = new int[count];
        int[] next = starts.clone();
        for (int row = 0; row < count; row++) {
            ordered[next[groupIds == null ? 0 : groupIds[row]]++] = rows.position(row);
        }
        for (int group = 0; group < groups; group++) {
            int size = starts[group + 1] - starts[group];
            if (size > 0) {
                process(group, arguments, java.util.Arrays.copyOfRange(ordered, starts[group], starts[group + 1]));
            }
        }
    }

    private void process(int group, FieldVector[] arguments, int[] positions) {
        List<FieldVector> dense = new ArrayList<>(arguments.length);
        try {
            for (FieldVector argument : arguments) {
                dense.add(ChunkCompactor.gather(argument, positions, positions.length, context.allocator()));
            }
            states.get(group).process(dense, positions.length);
        } finally {
            dense.forEach(FieldVector::close);
        }
    }

    @Override
    public void write(int[] groups, int from, int count, FieldVector output) {
        for (int index = 0; index < count; index++) {
            states.get(groups[from + index]).finalizeInto(output, index);
        }
        output.setValueCount(count);
    }

    @Override
    public byte[] serialize(int groupCount) {
        if (!function.supportsCheckpoint()) {
            throw new BrookException(ErrorCode.NOT_IMPLEMENTED, "This user aggregate function cannot be checkpointed");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int group = 0; group < groupCount; group++) {
            byte[] state = states.get(group).serialize();
            bytes.writeBytes(ByteBuffer.allocate(4).putInt(state.length).array());
            bytes.writeBytes(state);
        }
        return bytes.toByteArray();
    }

    @Override
    public void deserialize(byte[] data, int groupCount) {
        ensureGroups(groupCount);
        ByteBuffer buffer = ByteBuffer.wrap(data);
        for (int group = 0; group < groupCount; group++) {
            byte[] state = new byte[buffer.getInt()];
            buffer.get(state);
            states.get(group).deserialize(state);
        }
    }

    @Override
    public void close() {
        states.forEach(UserAggregateState::close);
        states.clear();
    }
}
