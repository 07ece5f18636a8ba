package io.brook.engine.expr.memory;

import org.apache.arrow.memory.BufferAllocator;

/** A growable off-heap array of bytes, used for per-group flags. */
public final class ByteArray extends OffHeapArray {

    public ByteArray(BufferAllocator allocator, long initialCapacity) {
        super(allocator, 0, initialCapacity);
    }

    public byte get(long index) {
        return Memory.getByte(address + index);
    }

    public void set(long index, byte value) {
        Memory.putByte(address + index, value);
    }

    public long address() {
        return address;
    }
}
