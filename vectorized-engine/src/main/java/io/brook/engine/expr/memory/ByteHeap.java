package io.brook.engine.expr.memory;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Variable-length byte strings indexed by slot (a group id), stored off-heap: string group keys,
 * and the current min/max/any string of each group. Bytes are appended; replacing a slot's value
 * leaves the old bytes as garbage, which is compacted away once it outweighs the live bytes.
 */
public final class ByteHeap implements AutoCloseable {
    private static final long MIN_COMPACTION_GARBAGE = 1 << 20;

    private final BufferAllocator allocator;
    private final LongArray offsets;
    private final IntArray lengths;
    private ArrowBuf data;
    private long used;
    private long garbage;
    private int slots;

    public ByteHeap(BufferAllocator allocator, int initialSlots) {
        this.allocator = allocator;
        LongArray newOffsets = null;
        IntArray newLengths = null;
        try {
            newOffsets = new LongArray(allocator, initialSlots);
            newLengths = new IntArray(allocator, initialSlots);
            this.data = allocator.buffer(Math.max(64, initialSlots * 8L));
        } catch (RuntimeException e) {
            closeQuietly(newOffsets);
            closeQuietly(newLengths);
            throw e;
        }
        this.offsets = newOffsets;
        this.lengths = newLengths;
    }

    /** Number of slots that have been written or made room for. */
    public int slotCount() {
        return slots;
    }

    public void ensureSlots(int count) {
        offsets.ensureCapacity(count);
        lengths.ensureCapacity(count);
        slots = Math.max(slots, count);
    }

    /** Stores {@code length} bytes from off-heap {@code sourceAddress} as slot's value. */
    public void set(int slot, long sourceAddress, int length) {
        ensureSlots(slot + 1);
        garbage += lengths.get(slot);
        if (garbage > MIN_COMPACTION_GARBAGE && garbage > used - garbage) {
            compact();
        }
        reserve(length);
        Memory.copy(sourceAddress, data.memoryAddress() + used, length);
        offsets.set(slot, used);
        lengths.set(slot, length);
        used += length;
    }

    public void set(int slot, byte[] bytes) {
        ensureSlots(slot + 1);
        garbage += lengths.get(slot);
        reserve(bytes.length);
        data.setBytes(used, bytes, 0, bytes.length);
        offsets.set(slot, used);
        lengths.set(slot, bytes.length);
        used += bytes.length;
    }

    /** Address of the slot's first byte; valid until the next {@code set}. */
    public long address(int slot) {
        return data.memoryAddress() + offsets.get(slot);
    }

    public int length(int slot) {
        return lengths.get(slot);
    }

    public byte[] bytes(int slot) {
        byte[] bytes = new byte[length(slot)];
        data.getBytes(offsets.get(slot), bytes, 0, bytes.length);
        return bytes;
    }

    public long sizeInBytes() {
        return data.capacity() + offsets.sizeInBytes() + lengths.sizeInBytes();
    }

    private void reserve(long length) {
        if (used + length <= data.capacity()) {
            return;
        }
        long wanted = Math.max(used + length, data.capacity() * 2);
        ArrowBuf grown = allocator.buffer(wanted);
        grown.setBytes(0, data, 0, used);
        data.close();
        data = grown;
    }

    /** Rewrites the live values contiguously into a fresh buffer. */
    private void compact() {
        long live = used - garbage;
        ArrowBuf fresh = allocator.buffer(Math.max(64, live * 2));
        long position = 0;
        for (int slot = 0; slot < slots; slot++) {
            int length = lengths.get(slot);
            fresh.setBytes(position, data, offsets.get(slot), length);
            offsets.set(slot, position);
            position += length;
        }
        data.close();
        data = fresh;
        used = position;
        garbage = 0;
    }

    @Override
    public void close() {
        offsets.close();
        lengths.close();
        if (data != null) {
            data.close();
            data = null;
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // already failing; the first error matters
            }
        }
    }
}
