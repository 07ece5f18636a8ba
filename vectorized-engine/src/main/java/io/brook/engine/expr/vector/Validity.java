package io.brook.engine.expr.vector;

import io.brook.engine.expr.memory.Memory;
import org.apache.arrow.vector.FieldVector;

/**
 * Validity bitmaps, handled a word at a time over a vector's whole physical range. Positions a
 * selection does not cover are undefined anyway, so combining bitmaps never needs the selection.
 */
public final class Validity {
    private Validity() {
    }

    /** Marks positions {@code 0..count-1} of {@code vector} as not null. */
    public static void setAll(FieldVector vector, int count) {
        Memory.fill(vector.getValidityBufferAddress(), bytes(count), (byte) 0xFF);
    }

    /**
     * Sets {@code output}'s validity to the AND of the inputs' validity over {@code count}
     * positions; null entries of {@code inputs} (constant arguments) do not restrict it.
     */
    public static void and(FieldVector output, int count, FieldVector... inputs) {
        long target = output.getValidityBufferAddress();
        long length = bytes(count);
        boolean first = true;
        for (FieldVector input : inputs) {
            if (input == null || input.getNullCount() == 0) {
                continue;
            }
            long source = input.getValidityBufferAddress();
            if (first) {
                Memory.copy(source, target, length);
                first = false;
            } else {
                andInto(source, target, length);
            }
        }
        if (first) {
            Memory.fill(target, length, (byte) 0xFF);
        }
    }

    /** {@code target &= source} over {@code length} bytes. */
    public static void andInto(long source, long target, long length) {
        long index = 0;
        for (; index + 8 <= length; index += 8) {
            Memory.putLong(target + index, Memory.getLong(target + index) & Memory.getLong(source + index));
        }
        for (; index < length; index++) {
            Memory.putByte(target + index, (byte) (Memory.getByte(target + index) & Memory.getByte(source + index)));
        }
    }

    public static boolean isValid(FieldVector vector, int position) {
        return Memory.bit(vector.getValidityBufferAddress(), position) != 0;
    }

    /**
     * True when the vector has no null among its physical positions. A column whose type is not
     * nullable never holds one, so its bitmap is not even counted (that count showed up at about
     * a tenth of a filter-and-sum profile).
     */
    public static boolean hasNoNulls(FieldVector vector) {
        return !vector.getField().isNullable() || vector.getNullCount() == 0;
    }

    /** Bytes a bitmap of {@code count} bits needs. */
    public static long bytes(int count) {
        return (count + 7L) >>> 3;
    }
}
