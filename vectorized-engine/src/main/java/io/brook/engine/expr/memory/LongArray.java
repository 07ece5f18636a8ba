package io.brook.engine.expr.memory;

import org.apache.arrow.memory.BufferAllocator;

/** A growable off-heap array of 8-byte elements, read as long or double. */
public final class LongArray extends OffHeapArray {

    public LongArray(BufferAllocator allocator, long initialCapacity) {
        super(allocator, 3, initialCapacity);
    }

    public long get(long index) {
        return Memory.getLong(address + (index << 3));
    }

    public void set(long index, long value) {
        Memory.putLong(address + (index << 3), value);
    }

    public double getDouble(long index) {
        return Memory.getDouble(address + (index << 3));
    }

    public void setDouble(long index, double value) {
        Memory.putDouble(address + (index << 3), value);
    }

    /** Address of element 0, for kernels that update many elements in one loop. */
    public long address() {
        return address;
    }

    public void fill(long from, long to, long value) {
        for (long index = from; index < to; index++) {
            set(index, value);
        }
    }
}
