package io.brook.engine.operator.aggregation;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.vector.Validity;
import io.brook.engine.expr.vector.Vectors;
import io.brook.engine.operator.hash.GroupByHash;
import io.brook.engine.types.BrookType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.util.ArrayList;
import java.util.List;

/**
 * For {@code agg(DISTINCT x)}: remembers every (group, x) pair seen and lets only a pair's first
 * row through to the aggregate. The pairs live in their own group-by hash keyed on the group id
 * and the argument values.
 */
final class DistinctFilter implements AutoCloseable {
    private final BufferAllocator allocator;
    private final GroupByHash seen;
    private int[] pairIds = new int[0];

    /** The rows that passed: a chunk over them and their group ids (null for a global aggregate). */
    record Passed(Chunk rows, int[] groupIds) {
    }

    DistinctFilter(List<BrookType> argumentTypes, BufferAllocator allocator) {
        this.allocator = allocator;
        List<BrookType> keys = new ArrayList<>();
        keys.add(BrookType.INT32);
        keys.addAll(argumentTypes);
        this.seen = new GroupByHash(keys, allocator);
    }

    /** Rows of {@code rows} whose (group, arguments) pair is new; the caller closes the chunk. */
    Passed filter(FieldVector[] arguments, Chunk rows, int[] groupIds) {
        int count = rows.size();
        if (pairIds.length < count) {
            pairIds = new int[count];
        }
        try (FieldVector groups = groupVector(rows, groupIds)) {
            FieldVector[] keys = new FieldVector[arguments.length + 1];
            keys[0] = groups;
            System.arraycopy(arguments, 0, keys, 1, arguments.length);
            int before = seen.groupCount();
            seen.groupIds(keys, rows, pairIds);
            int[] positions = new int[count];
            int[] passedGroups = groupIds == null ? null : new int[count];
            int next = before;
            int passed = 0;
            for (int row = 0; row < count; row++) {
                if (pairIds[row] == next) {
                    next++;
                    positions[passed] = rows.position(row);
                    if (passedGroups != null) {
                        passedGroups[passed] = groupIds[row];
                    }
                    passed++;
                }
            }
            return new Passed(rows.withSelection(positions, passed), passedGroups);
        }
    }

    private FieldVector groupVector(Chunk rows, int[] groupIds) {
        FieldVector vector = Vectors.allocate(BrookType.INT32, rows.physicalRowCount(), allocator);
        Validity.setAll(vector, rows.physicalRowCount());
        if (groupIds != null) {
            long address = vector.getDataBufferAddress();
            for (int row = 0; row < rows.size(); row++) {
                Memory.putInt(address + 4L * rows.position(row), groupIds[row]);
            }
        }
        return vector;
    }

    byte[] serialize() {
        return seen.serialize();
    }

    void deserialize(byte[] data) {
        seen.deserialize(data);
    }

    @Override
    public void close() {
        seen.close();
    }
}
