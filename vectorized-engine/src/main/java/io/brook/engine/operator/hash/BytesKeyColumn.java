package io.brook.engine.operator.hash;

import io.brook.engine.chunk.Chunk;
import io.brook.engine.expr.memory.ByteHeap;
import io.brook.engine.expr.memory.Hashing;
import io.brook.engine.expr.memory.IntArray;
import io.brook.engine.expr.memory.LongArray;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.vector.Storage;
import io.brook.engine.expr.vector.StringWriter;
import io.brook.engine.function.aggregate.StateBytes;
import io.brook.engine.types.BrookType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * A key compared as bytes: strings, fixed strings and uuids, and decimals by their 16 or 32
 * stored bytes. Keys live in an off-heap byte heap, one slot per group.
 *
 * <p>Short keys are the common case (host names, codes, country names): a key of at most 8 bytes
 * is also kept as one little-endian word, so hashing it is one mix and comparing it with a group
 * is comparing two longs and two lengths. Loading a chunk records each row's length (-1 for
 * NULL, which so compares unequal to every non-null key), word (for a longer key, its hash) and
 * address once; the per-row probes then touch no Arrow buffer. The length is the key's
 * {@link KeyColumn tag}.
 */
final class BytesKeyColumn implements KeyColumn {
    private static final int NULL_LENGTH = -1;
    private static final int WORD_BYTES = Long.BYTES;

    private final BrookType type;
    private final Storage storage;
    private final int width;
    private final ByteHeap keys;
    private final IntArray lengths;
    private final LongArray words;
    private int[] rowLengths = new int[0];
    private long[] rowWords = new long[0];
    private long[] rowAddresses = new long[0];

    BytesKeyColumn(BrookType type, BufferAllocator allocator) {
        this.type = type;
        this.storage = Storage.of(type);
        this.width = switch (storage) {
            case DECIMAL128 -> 16;
            case DECIMAL256 -> 32;
            case FIXED_BYTES -> type.length();
            default -> 0;
        };
        ByteHeap newKeys = null;
        IntArray newLengths = null;
        try {
            newKeys = new ByteHeap(allocator, 16);
            newLengths = new IntArray(allocator, 16);
            this.words = new LongArray(allocator, 16);
        } catch (RuntimeException e) {
            if (newKeys != null) {
                newKeys.close();
            }
            if (newLengths != null) {
                newLengths.close();
            }
            throw e;
        }
        this.keys = newKeys;
        this.lengths = newLengths;
    }

    @Override
    public void load(FieldVector vector, Chunk rows, long[] hashes, boolean first) {
        int count = rows.size();
        if (rowLengths.length < count) {
            rowLengths = new int[count];
            rowWords = new long[count];
            rowAddresses = new long[count];
        }
        boolean hasNulls = vector.getNullCount() != 0;
        long validity = vector.getValidityBufferAddress();
        long data = vector.getDataBufferAddress();
        // the last address from which a whole word can be read without leaving the data buffer
        long lastWordAddress = data + vector.getDataBuffer().capacity() - WORD_BYTES;
        long offsets = storage == Storage.VARIABLE ? vector.getOffsetBufferAddress() : 0;
        for (int row = 0; row < count; row++) {
            int position = rows.position(row);
            long hash;
            if (hasNulls && Memory.bit(validity, position) == 0) {
                rowLengths[row] = NULL_LENGTH;
                rowWords[row] = 0;
                hash = Hashing.NULL_HASH;
            } else {
                long address;
                int length;
                if (offsets != 0) {
                    long offset = offsets + ((long) position << 2);
                    int start = Memory.getInt(offset);
                    address = data + start;
                    length = Memory.getInt(offset + 4) - start;
                } else {
                    address = data + (long) width * position;
                    length = width;
                }
                rowLengths[row] = length;
                rowAddresses[row] = address;
                if (length <= WORD_BYTES) {
                    long word = shortWord(address, length, lastWordAddress);
                    rowWords[row] = word;
                    hash = Memory.hashShortBytes(word, length);
                } else {
                    hash = Memory.hashBytes(address, length);
                    rowWords[row] = hash;
                }
            }
            hashes[row] = first ? hash : Hashing.combine(hashes[row], hash);
        }
    }

    /** The key's bytes as a word: one masked read when a whole word fits the buffer, else byte-exact reads. */
    private static long shortWord(long address, int length, long lastWordAddress) {
        if (length == 0) {
            return 0;
        }
        if (address <= lastWordAddress) {
            return Memory.getLong(address) & (-1L >>> ((WORD_BYTES - length) << 3));
        }
        return Memory.loadWord(address, length);
    }

    @Override
    public int[] rowTags() {
        return rowLengths;
    }

    @Override
    public long[] rowWords() {
        return rowWords;
    }

    @Override
    public int storedTag(int group) {
        return lengths.get(group);
    }

    @Override
    public long storedWord(int group) {
        return words.get(group);
    }

    @Override
    public boolean matches(int group, int row, int position) {
        int length = rowLengths[row];
        if (lengths.get(group) != length || words.get(group) != rowWords[row]) {
            return false;
        }
        return length <= WORD_BYTES || Memory.equalBytes(keys.address(group), rowAddresses[row], length);
    }

    @Override
    public void append(int group, int row, int position) {
        int length = rowLengths[row];
        lengths.set(group, length);
        words.set(group, rowWords[row]);
        if (length == NULL_LENGTH) {
            keys.set(group, new byte[0]);
        } else {
            keys.set(group, rowAddresses[row], length);
        }
    }

    @Override
    public void ensureGroups(int groupCount) {
        keys.ensureSlots(groupCount);
        lengths.ensureCapacity(groupCount);
        words.ensureCapacity(groupCount);
    }

    private boolean isNullGroup(int group) {
        return lengths.get(group) == NULL_LENGTH;
    }

    @Override
    public void write(int[] groups, int from, int count, FieldVector output) {
        long validity = output.getValidityBufferAddress();
        StringWriter writer = storage == Storage.VARIABLE ? new StringWriter((BaseVariableWidthVector) output) : null;
        for (int index = 0; index < count; index++) {
            int group = groups[from + index];
            if (isNullGroup(group)) {
                continue;
            }
            Memory.setBit(validity, index);
            if (writer != null) {
                writer.write(index, keys.address(group), keys.length(group));
            } else {
                Memory.copy(keys.address(group), output.getDataBufferAddress() + (long) width * index, width);
            }
        }
        if (writer != null) {
            writer.finish(count);
        } else {
            output.setValueCount(count);
        }
    }

    @Override
    public byte[] serialize(int groupCount) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteBuffer length = ByteBuffer.allocate(4);
        byte[] nulls = new byte[groupCount];
        for (int group = 0; group < groupCount; group++) {
            byte[] key = keys.bytes(group);
            bytes.writeBytes(length.clear().putInt(key.length).array());
            bytes.writeBytes(key);
            nulls[group] = (byte) (isNullGroup(group) ? 1 : 0);
        }
        return StateBytes.write("bytes_key", bytes.toByteArray(), nulls);
    }

    @Override
    public void deserialize(byte[] data, int groupCount) {
        byte[][] sections = StateBytes.read("bytes_key", data);
        ByteBuffer buffer = ByteBuffer.wrap(sections[0]);
        byte[] nulls = sections[1];
        ensureGroups(groupCount);
        for (int group = 0; group < groupCount; group++) {
            byte[] key = new byte[buffer.getInt()];
            buffer.get(key);
            keys.set(group, key);
            boolean isNull = group < nulls.length && nulls[group] != 0;
            lengths.set(group, isNull ? NULL_LENGTH : key.length);
            words.set(group, isNull ? 0 : key.length <= WORD_BYTES ? Memory.loadWord(keys.address(group), key.length)
                    : Memory.hashBytes(keys.address(group), key.length));
        }
    }

    @Override
    public long storedHash(int group) {
        return isNullGroup(group) ? Hashing.NULL_HASH : Memory.hashBytes(keys.address(group), keys.length(group));
    }

    @Override
    public void close() {
        keys.close();
        lengths.close();
        words.close();
    }
}
