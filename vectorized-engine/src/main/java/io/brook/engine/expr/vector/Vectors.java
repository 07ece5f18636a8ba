package io.brook.engine.expr.vector;

import io.brook.engine.types.ArrowMapping;
import io.brook.engine.types.BrookType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/** Creates the Arrow vector of a Brook type, sized for a chunk's physical rows. */
public final class Vectors {
    /** A first guess at bytes per string value; the writer grows the buffer as needed. */
    private static final int STRING_BYTES_GUESS = 16;

    private Vectors() {
    }

    /**
     * A vector of {@code type} with room for {@code count} values, all null. Fixed-width vectors
     * already have {@code count} as their value count; variable-width and nested ones get it
     * from their writer ({@link StringWriter#finish}, {@link VectorWriter}).
     */
    public static FieldVector allocate(String name, BrookType type, int count, BufferAllocator allocator) {
        FieldVector vector = ArrowMapping.field(name, type).createVector(allocator);
        try {
            switch (vector) {
                case BaseFixedWidthVector fixed -> {
                    fixed.allocateNew(Math.max(count, 1));
                    fixed.setValueCount(count);
                }
                case BaseVariableWidthVector variable ->
                        variable.allocateNew((long) Math.max(count, 1) * STRING_BYTES_GUESS, Math.max(count, 1));
                default -> {
                    vector.setInitialCapacity(Math.max(count, 1));
                    vector.allocateNew();
                }
            }
            return vector;
        } catch (RuntimeException e) {
            vector.close();
            throw e;
        }
    }

    public static FieldVector allocate(BrookType type, int count, BufferAllocator allocator) {
        return allocate("", type, count, allocator);
    }

    /** A vector of {@code count} values, every one null (valid Arrow for any type). */
    public static FieldVector nulls(BrookType type, int count, BufferAllocator allocator) {
        FieldVector vector = allocate(type, count, allocator);
        vector.setValueCount(count);
        return vector;
    }

    /** The Brook type recorded on a vector's field. */
    public static BrookType type(FieldVector vector) {
        return ArrowMapping.type(vector.getField());
    }
}
