package io.brook.engine.operator.hash;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.memory.Hashing;
import io.brook.engine.expr.memory.IntArray;
import io.brook.engine.expr.memory.LongArray;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.function.aggregate.StateBytes;
import io.brook.engine.types.BrookType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Maps key tuples to dense group ids 0, 1, 2, ... in order of first appearance. Per chunk, each
 * key column hashes all live rows into a long[] in one loop; then rows probe an open-addressing
 * table (linear probing, at most half full) that stores group ids, comparing the full hash stored
 * per group before the keys themselves. All memory is off-heap from the query's allocator.
 * NULL keys are equal to each other (they form one group).
 */
public final class GroupByHash implements AutoCloseable {
    private static final int INITIAL_SLOTS = 1024;

    private final List<BrookType> keyTypes;
    private final BufferAllocator allocator;
    private final KeyColumn[] keys;
    private final LongKeyColumn singleLongKey;
    private final BytesKeyColumn singleBytesKey;
    private final LongArray groupHashes;
    private IntArray table;
    private int mask;
    private int groupCount;
    private long[] hashes = new long[0];

    public GroupByHash(List<BrookType> keyTypes, BufferAllocator allocator) {
        this.keyTypes = List.copyOf(keyTypes);
        this.allocator = allocator;
        this.keys = new KeyColumn[keyTypes.size()];
        LongArray newHashes = null;
        try {
            for (int index = 0; index < keys.length; index++) {
                keys[index] = keyColumn(keyTypes.get(index), allocator);
            }
            newHashes = new LongArray(allocator, INITIAL_SLOTS / 2);
            this.table = new IntArray(allocator, INITIAL_SLOTS);
        } catch (RuntimeException e) {
            if (newHashes != null) {
                newHashes.close();
            }
            closeKeys();
            throw e;
        }
        this.groupHashes = newHashes;
        this.mask = INITIAL_SLOTS - 1;
        this.singleLongKey = keys.length == 1 && keys[0] instanceof LongKeyColumn only ? only : null;
        this.singleBytesKey = keys.length == 1 && keys[0] instanceof BytesKeyColumn only ? only : null;
    }

    private static KeyColumn keyColumn(BrookType type, BufferAllocator allocator) {
        Storage storage = Storage.of(type);
        if (storage.isIntegral() || storage.isFloating() || storage == Storage.BIT) {
            return new LongKeyColumn(type, allocator);
        }
        if (storage == Storage.VARIABLE || storage == Storage.FIXED_BYTES
                || storage == Storage.DECIMAL128 || storage == Storage.DECIMAL256) {
            return new BytesKeyColumn(type, allocator);
        }
        throw new BrookException(ErrorCode.NOT_IMPLEMENTED, "Grouping by a " + type + " key is not supported");
    }

    public int groupCount() {
        return groupCount;
    }

    public List<BrookType> keyTypes() {
        return keyTypes;
    }

    /**
     * Writes the group id of each live row of {@code rows} into {@code groupIds[0..size)},
     * creating groups for keys not seen before. {@code keyVectors} are read at physical positions.
     */
    public void groupIds(FieldVector[] keyVectors, Chunk rows, int[] groupIds) {
        int count = rows.size();
        if (hashes.length < count) {
            hashes = new long[count];
        }
        for (int index = 0; index < keys.length; index++) {
            keys[index].load(keyVectors[index], rows, hashes, index == 0);
        }
        if (keys.length > 1) {
            // each column's hash is already mixed; only combining several needs another mix
            for (int row = 0; row < count; row++) {
                hashes[row] = Hashing.mix(hashes[row]);
            }
        }
        for (int row = 0; row < count; row++) {
            groupIds[row] = find(hashes[row], row, rows.position(row));
        }
    }

    private int find(long hash, int row, int position) {
        int slot = (int) hash & mask;
        while (true) {
            int entry = table.get(slot);
            if (entry == 0) {
                int group = addGroup(hash, row, position);
                table.set(slot, group + 1);
                if (groupCount > (mask + 1) >>> 1) {
                    rehash((mask + 1) * 2);
                }
                return group;
            }
            int group = entry - 1;
            if (groupHashes.get(group) == hash && matches(group, row, position)) {
                return group;
            }
            slot = (slot + 1) & mask;
        }
    }

    private boolean matches(int group, int row, int position) {
        if (singleLongKey != null) {
            return singleLongKey.matchesValue(group, row);
        }
        if (singleBytesKey != null) {
            return singleBytesKey.matches(group, row, position);
        }
        for (KeyColumn key : keys) {
            if (!key.matches(group, row, position)) {
                return false;
            }
        }
        return true;
    }

    private int addGroup(long hash, int row, int position) {
        int group = groupCount;
        if (group == Integer.MAX_VALUE - 1) {
            throw new BrookException(ErrorCode.LOGICAL_ERROR, "Too many groups");
        }
        groupHashes.ensureCapacity(group + 1L);
        for (KeyColumn key : keys) {
            key.ensureGroups(group + 1);
            key.append(group, row, position);
        }
        groupHashes.set(group, hash);
        groupCount++;
        return group;
    }

    private void rehash(int slots) {
        IntArray grown = new IntArray(allocator, slots);
        int newMask = slots - 1;
        for (int group = 0; group < groupCount; group++) {
            int slot = (int) groupHashes.get(group) & newMask;
            while (grown.get(slot) != 0) {
                slot = (slot + 1) & newMask;
            }
            grown.set(slot, group + 1);
        }
        table.close();
        table = grown;
        mask = newMask;
    }

    /** Writes the keys of {@code groups[from..from+count)} into one output vector per key column. */
    public void writeKeys(int[] groups, int from, int count, FieldVector[] outputs) {
        for (int index = 0; index < keys.length; index++) {
            keys[index].write(groups, from, count, outputs[index]);
        }
    }

    /** Keys of every group, for checkpoints. */
    public byte[] serialize() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream output = new DataOutputStream(bytes)) {
            output.writeInt(groupCount);
            for (KeyColumn key : keys) {
                byte[] column = key.serialize(groupCount);
                output.writeInt(column.length);
                output.write(column);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return StateBytes.write("group_by_hash", bytes.toByteArray());
    }

    /** Restores what {@link #serialize} wrote into an empty hash; group ids stay the same. */
    public void deserialize(byte[] data) {
        if (groupCount != 0) {
            throw new IllegalStateException("restore into a used GroupByHash");
        }
        ByteBuffer buffer = ByteBuffer.wrap(StateBytes.read("group_by_hash", data)[0]);
        int groups = buffer.getInt();
        groupHashes.ensureCapacity(Math.max(1, groups));
        for (KeyColumn key : keys) {
            byte[] column = new byte[buffer.getInt()];
            buffer.get(column);
            key.ensureGroups(Math.max(1, groups));
            key.deserialize(column, groups);
        }
        for (int group = 0; group < groups; group++) {
            long hash = 0;
            for (int index = 0; index < keys.length; index++) {
                long columnHash = keys[index].storedHash(group);
                hash = index == 0 ? columnHash : Hashing.combine(hash, columnHash);
            }
            groupHashes.set(group, keys.length > 1 ? Hashing.mix(hash) : hash);
        }
        groupCount = groups;
        int slots = INITIAL_SLOTS;
        while (groups > slots >>> 1) {
            slots *= 2;
        }
        rehash(slots);
    }

    @Override
    public void close() {
        closeKeys();
        if (groupHashes != null) {
            groupHashes.close();
        }
        if (table != null) {
            table.close();
        }
    }

    private void closeKeys() {
        for (KeyColumn key : keys) {
            if (key != null) {
                key.close();
            }
        }
    }
}
