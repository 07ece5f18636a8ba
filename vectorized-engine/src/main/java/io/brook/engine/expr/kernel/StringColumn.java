package io.brook.engine.expr.kernel;

import io.brook.engine.expr.Operand;
import io.brook.engine.expr.memory.Memory;
import io.brook.engine.expr.vector.Storage;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Uniform access to the bytes of a string operand: a string vector (offsets + data), a
 * fixed-width byte vector, or a constant copied off-heap once per chunk, so every string kernel
 * compares and copies by address with one code path.
 */
public final class StringColumn implements AutoCloseable {
    private static final int VARIABLE = 0;
    private static final int FIXED = 1;
    private static final int CONSTANT = 2;

    private final int kind;
    private final long data;
    private final long offsets;
    private final int width;
    private final ArrowBuf constant;

    private StringColumn(int kind, long data, long offsets, int width, ArrowBuf constant) {
        this.kind = kind;
        this.data = data;
        this.offsets = offsets;
        this.width = width;
        this.constant = constant;
    }

    public static StringColumn of(Operand operand, BufferAllocator allocator) {
        if (operand.isConstant()) {
            byte[] bytes = operand.constant().isNull() ? new byte[0] : operand.constant().bytes();
            ArrowBuf buffer = allocator.buffer(Math.max(1, bytes.length));
            buffer.setBytes(0, bytes);
            return new StringColumn(CONSTANT, buffer.memoryAddress(), 0, bytes.length, buffer);
        }
        if (operand.storage() == Storage.FIXED_BYTES) {
            return new StringColumn(FIXED, operand.vector().getDataBufferAddress(), 0, operand.type().length(), null);
        }
        return new StringColumn(VARIABLE, operand.vector().getDataBufferAddress(),
                operand.vector().getOffsetBufferAddress(), 0, null);
    }

    public boolean isConstant() {
        return kind == CONSTANT;
    }

    /** Address of the first byte of the value at {@code position}. */
    public long address(int position) {
        return switch (kind) {
            case VARIABLE -> data + Memory.getInt(offsets + ((long) position << 2));
            case FIXED -> data + (long) position * width;
            default -> data;
        };
    }

    public int length(int position) {
        if (kind == VARIABLE) {
            long offset = offsets + ((long) position << 2);
            return Memory.getInt(offset + 4) - Memory.getInt(offset);
        }
        return width;
    }

    public int compare(int position, StringColumn other, int otherPosition) {
        return Memory.compareBytes(address(position), length(position), other.address(otherPosition), other.length(otherPosition));
    }

    public boolean equal(int position, StringColumn other, int otherPosition) {
        int length = length(position);
        return length == other.length(otherPosition) && Memory.equalBytes(address(position), other.address(otherPosition), length);
    }

    @Override
    public void close() {
        if (constant != null) {
            constant.close();
        }
    }
}
