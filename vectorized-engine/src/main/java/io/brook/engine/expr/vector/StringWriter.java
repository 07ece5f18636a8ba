package io.brook.engine.expr.vector;

import io.brook.engine.expr.memory.Memory;
import org.apache.arrow.vector.BaseVariableWidthVector;

/**
 * Appends string values into a variable-width vector at ascending physical positions, filling
 * skipped positions with empty values so the offsets stay valid. Writes data and offsets only;
 * the caller decides validity ({@link #setValid} or {@link Validity}).
 */
public final class StringWriter {
    private final BaseVariableWidthVector vector;
    private long offsetAddress;
    private long dataAddress;
    private long dataCapacity;
    private int end;
    /** The next position whose start offset is already written. */
    private int next;

    public StringWriter(BaseVariableWidthVector vector) {
        this.vector = vector;
        refresh();
    }

    /** Writes {@code length} bytes from {@code sourceAddress} as the value at {@code position}. */
    public void write(int position, long sourceAddress, int length) {
        long target = reserve(position, length);
        Memory.copy(sourceAddress, target, length);
        commit(position, length);
    }

    public void write(int position, byte[] bytes) {
        write(position, bytes, 0, bytes.length);
    }

    public void write(int position, byte[] bytes, int from, int length) {
        long target = reserve(position, length);
        Memory.copy(bytes, from, target, length);
        commit(position, length);
    }

    /**
     * Makes room for up to {@code maxLength} bytes of the value at {@code position} and returns
     * the address to write them at; {@link #commit} then records how many were written.
     */
    public long reserve(int position, int maxLength) {
        fillTo(position);
        if (end + (long) maxLength > dataCapacity) {
            grow(end + (long) maxLength);
        }
        return dataAddress + end;
    }

    public void commit(int position, int length) {
        end += length;
        Memory.putInt(offsetAddress + ((long) (position + 1) << 2), end);
        next = position + 1;
    }

    public void setValid(int position) {
        Memory.setBit(vector.getValidityBufferAddress(), position);
    }

    /** Fills the remaining offsets and sets the value count to {@code count}. */
    public void finish(int count) {
        fillTo(count);
        vector.setLastSet(count - 1);
        vector.setValueCount(count);
    }

    /** Gives positions {@code next..position-1} empty values. */
    private void fillTo(int position) {
        if (next == 0 && position >= 0) {
            Memory.putInt(offsetAddress, 0);
        }
        for (int index = next; index < position; index++) {
            Memory.putInt(offsetAddress + ((long) (index + 1) << 2), end);
        }
        if (position > next) {
            next = position;
        }
    }

    private void grow(long needed) {
        long capacity = Math.max(needed, dataCapacity * 2);
        vector.reallocDataBuffer(capacity);
        refresh();
    }

    private void refresh() {
        offsetAddress = vector.getOffsetBufferAddress();
        dataAddress = vector.getDataBufferAddress();
        dataCapacity = vector.getDataBuffer().capacity();
    }
}
