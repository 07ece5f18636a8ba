package io.brook.engine.expr.memory;

import org.apache.arrow.memory.BufferAllocator;

/** A growable off-heap array of ints. */
public final class IntArray extends OffHeapArray {

    public IntArray(BufferAllocator allocator, long initialCapacity) {
        super(allocator, 2, initialCapacity);
    }

    public int get(long index) {
        return Memory.getInt(address + (index << 2));
    }

    public void set(long index, int value) {
        Memory.putInt(address + (index << 2), value);
    }

    public long address() {
        return address;
    }

    public void fill(long from, long to, int value) {
        for (long index = from; index < to; index++) {
            set(index, value);
        }
    }
}
