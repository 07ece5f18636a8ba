package io.brook.engine.operator.hash;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.expr.memory.Hashing;
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
 * table (linear probing, at most half full). All memory is off-heap from the query's allocator.
 * NULL keys are equal to each other (they form one group).
 *
 * <p>A slot holds its group id and a 32-bit tag, so a probe reads only the slot before it has
 * a likely match. With one key column (the common case) the tag and a word kept beside the slot
 * are the column's own {@link KeyColumn#rowTags() tag and word} of the key: for numbers and
 * strings of up to 8 bytes they are the key itself, so a probe compares them and is done without
 * reading the group's stored key. With several columns the tag is the high half of the row's
 * hash, and a tag match is confirmed by comparing the keys.
 */
public final class GroupByHash implements AutoCloseable {
    private static final int INITIAL_SLOTS = 1024;

    private final List<BrookType> keyTypes;
    private final BufferAllocator allocator;
    private final KeyColumn[] keys;
    private final KeyColumn single;
    private final LongArray groupHashes;
    /** Per slot: 0 when empty, else tag << 32 | (group + 1). */
    private LongArray slots;
    /** Per slot, with a single key column: the key's word. */
    private LongArray slotWords;
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
            this.slots = new LongArray(allocator, INITIAL_SLOTS);
            this.slotWords = keys.length == 1 ? new LongArray(allocator, INITIAL_SLOTS) : null;
        } catch (RuntimeException e) {
            if (newHashes != null) {
                newHashes.close();
            }
            if (slots != null) {
                slots.close();
            }
            closeKeys();
            throw e;
        }
        this.groupHashes = newHashes;
        this.mask = INITIAL_SLOTS - 1;
        this.single = keys.length == 1 ? keys[0] : null;
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
        if (single != null) {
            long[] words = single.rowWords();
            int[] tags = single.rowTags();
            for (int row = 0; row < count; row++) {
                groupIds[row] = findSingle(hashes[row], tags[row], words[row], row, rows.position(row));
            }
            return;
        }
        for (int row = 0; row < count; row++) {
            // each column's hash is already mixed; only combining several needs another mix
            long hash = Hashing.mix(hashes[row]);
            groupIds[row] = find(hash, row, rows.position(row));
        }
    }

    private int findSingle(long hash, int tag, long word, int row, int position) {
        int slot = (int) hash & mask;
        while (true) {
            long entry = slots.get(slot);
            if (entry == 0) {
                return insert(slot, hash, tag, word, row, position);
            }
            if ((int) (entry >>> 32) == tag && slotWords.get(slot) == word
                    && (tag <= KeyColumn.EXACT_TAGS || single.matches((int) entry - 1, row, position))) {
                return (int) entry - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int find(long hash, int row, int position) {
        int tag = (int) (hash >>> 32);
        int slot = (int) hash & mask;
        while (true) {
            long entry = slots.get(slot);
            if (entry == 0) {
                return insert(slot, hash, tag, 0, row, position);
            }
            if ((int) (entry >>> 32) == tag && matches((int) entry - 1, row, position)) {
                return (int) entry - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    private boolean matches(int group, int row, int position) {
        for (KeyColumn key : keys) {
            if (!key.matches(group, row, position)) {
                return false;
            }
        }
        return true;
    }

    private int insert(int slot, long hash, int tag, long word, int row, int position) {
        int group = addGroup(hash, row, position);
        place(slots, slotWords, slot, tag, word, group);
        if (groupCount > (mask + 1) >>> 1) {
            rehash((mask + 1) * 2);
        }
        return group;
    }

    private static void place(LongArray slots, LongArray words, int slot, int tag, long word, int group) {
        slots.set(slot, (long) tag << 32 | (group + 1L));
        if (words != null) {
            words.set(slot, word);
        }
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

    /** Moves every group into a table of {@code slotCount} slots, by its stored hash and key. */
    private void rehash(int slotCount) {
        LongArray grown = new LongArray(allocator, slotCount);
        LongArray grownWords = null;
        try {
            grownWords = single != null ? new LongArray(allocator, slotCount) : null;
        } catch (RuntimeException e) {
            grown.close();
            throw e;
        }
        int newMask = slotCount - 1;
        for (int group = 0; group < groupCount; group++) {
            long hash = groupHashes.get(group);
            int slot = (int) hash & newMask;
            while (grown.get(slot) != 0) {
                slot = (slot + 1) & newMask;
            }
            if (single != null) {
                place(grown, grownWords, slot, single.storedTag(group), single.storedWord(group), group);
            } else {
                place(grown, null, slot, (int) (hash >>> 32), 0, group);
            }
        }
        slots.close();
        slots = grown;
        if (slotWords != null) {
            slotWords.close();
        }
        slotWords = grownWords;
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
            groupHashes.set(group, single == null ? Hashing.mix(hash) : hash);
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
        if (slots != null) {
            slots.close();
        }
        if (slotWords != null) {
            slotWords.close();
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
