package io.brook.engine.expr.memory;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A growable array of fixed-width elements in an Arrow buffer. Per-group state lives here rather
 * than in Java arrays so the query's allocator accounts for it: a runaway aggregation hits
 * {@code max_memory_usage} instead of the JVM heap. New elements are zero.
 */
abstract sealed class OffHeapArray implements AutoCloseable permits LongArray, IntArray, ByteArray {
    private final BufferAllocator allocator;
    private final int shift;
    private ArrowBuf buffer;
    private long capacity;
    /** Address of element 0; refreshed whenever the buffer moves. */
    protected long address;

    OffHeapArray(BufferAllocator allocator, int shift, long initialCapacity) {
        this.allocator = allocator;
        this.shift = shift;
        this.buffer = allocator.buffer(Math.max(1, initialCapacity) << shift);
        this.capacity = buffer.capacity() >>> shift;
        buffer.setZero(0, buffer.capacity());
        this.address = buffer.memoryAddress();
    }

    /** Elements the array can hold without growing. */
    public final long capacity() {
        return capacity;
    }

    /** Makes room for {@code size} elements, keeping the current ones; grows by at least half. */
    public final void ensureCapacity(long size) {
        if (size <= capacity) {
            return;
        }
        long wanted = Math.max(size, capacity + (capacity >>> 1));
        ArrowBuf grown = allocator.buffer(wanted << shift);
        grown.setBytes(0, buffer, 0, capacity << shift);
        grown.setZero(capacity << shift, grown.capacity() - (capacity << shift));
        buffer.close();
        buffer = grown;
        capacity = grown.capacity() >>> shift;
        address = grown.memoryAddress();
    }

    /** Sets every element to zero. */
    public final void clear() {
        buffer.setZero(0, buffer.capacity());
    }

    /** Bytes held, for memory reporting. */
    public final long sizeInBytes() {
        return buffer.capacity();
    }

    /** The first {@code count} elements as bytes (little-endian), for checkpoints. */
    public final byte[] toBytes(int count) {
        byte[] bytes = new byte[Math.toIntExact((long) count << shift)];
        buffer.getBytes(0, bytes, 0, bytes.length);
        return bytes;
    }

    /** Replaces the first elements with {@code bytes} from {@link #toBytes}. */
    public final void loadBytes(byte[] bytes) {
        ensureCapacity(bytes.length >>> shift);
        buffer.setBytes(0, bytes, 0, bytes.length);
    }

    @Override
    public final void close() {
        if (buffer != null) {
            buffer.close();
            buffer = null;
            capacity = 0;
        }
    }
}
